package io.ocmj.policy.report;

import java.util.Collection;

/**
 * OCM's precedence for combining compliance states (templates into a policy, clusters into a root
 * policy): NonCompliant > Pending > unknown ("") > Compliant; nothing at all is unknown.
 */
public final class CompliancePrecedence {
  public static final String COMPLIANT = "Compliant";
  public static final String NON_COMPLIANT = "NonCompliant";
  public static final String PENDING = "Pending";

  private CompliancePrecedence() {}

  public static String aggregate(Collection<String> states) {
    if (states.isEmpty()) {
      return "";
    }
    if (states.contains(NON_COMPLIANT)) {
      return NON_COMPLIANT;
    }
    if (states.contains(PENDING)) {
      return PENDING;
    }
    return states.stream().allMatch(COMPLIANT::equals) ? COMPLIANT : "";
  }
}
