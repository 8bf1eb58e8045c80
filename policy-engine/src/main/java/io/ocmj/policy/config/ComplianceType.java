package io.ocmj.policy.config;

import java.util.Locale;

/** How an object template compares with the cluster; OCM accepts several casings of each. */
public enum ComplianceType {
  MUST_HAVE,
  MUST_ONLY_HAVE,
  MUST_NOT_HAVE;

  /** Parses any casing OCM accepts; null when the text is not a compliance type. */
  public static ComplianceType parse(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "musthave" -> MUST_HAVE;
      case "mustonlyhave" -> MUST_ONLY_HAVE;
      case "mustnothave" -> MUST_NOT_HAVE;
      default -> null;
    };
  }
}
