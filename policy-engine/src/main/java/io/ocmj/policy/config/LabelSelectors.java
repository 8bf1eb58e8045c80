package io.ocmj.policy.config;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes label-selector matching ({@code matchLabels} and {@code matchExpressions} with In,
 * NotIn, Exists, DoesNotExist), as the API server applies it, computed in memory (fabric8 offers
 * selectors only as server-side query parameters). A null or empty selector matches everything.
 * {@link #matches} refuses a requirement without a key or with an unknown operator; the {@code
 * matchesLeniently} forms, for policy input evaluated as OCM does, let such a requirement select
 * nothing.
 */
public final class LabelSelectors {
  private LabelSelectors() {}

  /**
   * Whether {@code labels} match.
   *
   * @throws IllegalArgumentException naming the operator when a requirement is not valid
   */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    return selector == null
        || matches(selector.getMatchLabels(), selector.getMatchExpressions(), labels, true);
  }

  /** Whether {@code labels} match; an invalid requirement matches nothing. */
  public static boolean matchesLeniently(LabelSelector selector, Map<String, String> labels) {
    return selector == null
        || matches(selector.getMatchLabels(), selector.getMatchExpressions(), labels, false);
  }

  /** As {@link #matchesLeniently(LabelSelector, Map)}, with the selector's two parts. */
  public static boolean matchesLeniently(
      Map<String, String> matchLabels,
      List<LabelSelectorRequirement> expressions,
      Map<String, String> labels) {
    return matches(matchLabels, expressions, labels, false);
  }

  private static boolean matches(
      Map<String, String> matchLabels,
      List<LabelSelectorRequirement> expressions,
      Map<String, String> labels,
      boolean strict) {
    Map<String, String> have = labels == null ? Map.of() : labels;
    if (matchLabels != null) {
      for (Map.Entry<String, String> e : matchLabels.entrySet()) {
        if (e.getValue() == null || !e.getValue().equals(have.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (expressions != null) {
      for (LabelSelectorRequirement r : expressions) {
        Boolean matched = matches(r, have);
        if (matched == null && strict && r.getKey() == null) {
          throw new IllegalArgumentException(
              "labelSelector.matchExpressions: a requirement has no key");
        }
        if (matched == null && strict) {
          throw new IllegalArgumentException(
              "labelSelector.matchExpressions: operator "
                  + r.getOperator()
                  + " must be In, NotIn, Exists or DoesNotExist");
        }
        if (!Boolean.TRUE.equals(matched)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Null when the requirement has no key or an operator Kubernetes does not know. */
  private static Boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
    if (r.getOperator() == null || r.getKey() == null) {
      return null;
    }
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    String value = labels.get(r.getKey());
    return switch (r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> labels.containsKey(r.getKey());
      case "DoesNotExist" -> !labels.containsKey(r.getKey());
      default -> null;
    };
  }
}
