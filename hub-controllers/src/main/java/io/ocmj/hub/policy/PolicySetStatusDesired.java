package io.ocmj.hub.policy;

import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.Subject;
import io.ocmj.api.policy.v1beta1.PolicySet;
import io.ocmj.api.policy.v1beta1.PolicySetPlacement;
import io.ocmj.api.policy.v1beta1.PolicySetStatus;
import io.ocmj.policy.report.CompliancePrecedence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PolicySet's status (pure): the bindings that place it, and the aggregate of its member root
 * policies' compliance with OCM's precedence; members that do not exist or are disabled are named
 * in the status message and left out of the aggregate.
 */
public final class PolicySetStatusDesired {
  static final String ALL_REPORTING = "All policies are reporting status";
  static final String AWAITING = "No status provided while awaiting policy status";

  private PolicySetStatusDesired() {}

  public static PolicySetStatus compute(
      PolicySet set, List<PlacementBinding> bindings, Map<String, Policy> rootsByName) {
    PolicySetStatus status = new PolicySetStatus();
    for (PlacementBinding b : bindings) {
      boolean places =
          b.getSubjects().stream().anyMatch(s -> namesSet(s, set.getMetadata().getName()));
      if (places && b.getPlacementRef() != null) {
        PolicySetPlacement p = new PolicySetPlacement();
        p.setPlacementBinding(b.getMetadata().getName());
        p.setPlacement(b.getPlacementRef().getName());
        status.getPlacement().add(p);
      }
    }
    List<String> deleted = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    List<String> states = new ArrayList<>();
    List<String> members = set.getSpec() == null ? List.of() : set.getSpec().getPolicies();
    for (String name : members) {
      Policy root = rootsByName.get(name);
      if (root == null) {
        deleted.add(name);
      } else if (root.getSpec() != null && root.getSpec().isDisabled()) {
        disabled.add(name);
      } else {
        String state = root.getStatus() == null ? null : root.getStatus().getCompliant();
        states.add(state == null ? "" : state);
      }
    }
    status.setCompliant(CompliancePrecedence.aggregate(states));
    status.setStatusMessage(message(deleted, disabled, states));
    return status;
  }

  private static boolean namesSet(Subject s, String set) {
    return Policy.GROUP.equals(s.getApiGroup())
        && PolicySet.KIND.equals(s.getKind())
        && set.equals(s.getName());
  }

  private static String message(List<String> deleted, List<String> disabled, List<String> states) {
    List<String> parts = new ArrayList<>();
    if (!deleted.isEmpty()) {
      parts.add("Deleted policies: " + String.join(", ", deleted));
    }
    if (!disabled.isEmpty()) {
      parts.add("Disabled policies: " + String.join(", ", disabled));
    }
    if (!parts.isEmpty()) {
      return String.join("; ", parts);
    }
    return states.stream().allMatch(s -> !s.isEmpty()) ? ALL_REPORTING : AWAITING;
  }
}
