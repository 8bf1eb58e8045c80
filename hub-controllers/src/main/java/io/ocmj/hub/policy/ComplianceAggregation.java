package io.ocmj.hub.policy;

import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.PolicyStatus;
import io.ocmj.policy.report.CompliancePrecedence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The root policy's status from its plan and its replicas' states (pure). */
public final class ComplianceAggregation {
  private ComplianceAggregation() {}

  /**
   * The root's status: placement as planned, one entry per placed cluster (sorted) with its
   * replica's state ("" when the replica has none yet), and the aggregate.
   */
  public static PolicyStatus root(PolicyPropagation.Plan plan, Map<String, String> replicaStates) {
    PolicyStatus status = new PolicyStatus();
    status.setPlacement(new ArrayList<>(plan.placements()));
    List<CompliancePerClusterStatus> perCluster = new ArrayList<>();
    List<String> states = new ArrayList<>();
    for (String cluster : plan.clusters().keySet()) {
      String state = replicaStates.getOrDefault(cluster, "");
      CompliancePerClusterStatus entry = new CompliancePerClusterStatus();
      entry.setClustername(cluster);
      entry.setClusternamespace(cluster);
      entry.setCompliant(state == null || state.isEmpty() ? null : state);
      perCluster.add(entry);
      states.add(state == null ? "" : state);
    }
    status.setStatus(perCluster);
    status.setCompliant(CompliancePrecedence.aggregate(states));
    return status;
  }
}
