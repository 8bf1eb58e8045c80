package io.ocmj.klusterlet.registration;

import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which ClusterClaims a ManagedCluster's status reports, in OCM's order: reserved claims first (in
 * their well-known order), ocmj's {@link ClusterClaim#AGENT_VERSION}, then custom ones sorted by
 * name and cut to {@code maxCustom}.
 */
final class ClaimsReport {
  static final int DEFAULT_MAX_CUSTOM = 20;

  private ClaimsReport() {}

  static List<ClusterClaimStatus> report(
      List<ClusterClaim> claims, int maxCustom, String agentVersion) {
    List<ClusterClaimStatus> reserved = new ArrayList<>();
    for (String name : ClusterClaim.RESERVED) {
      claims.stream()
          .filter(c -> name.equals(c.getMetadata().getName()) && hasValue(c))
          .findFirst()
          .ifPresent(c -> reserved.add(status(c)));
    }
    if (agentVersion != null && !agentVersion.isEmpty()) {
      ClusterClaimStatus agent = new ClusterClaimStatus();
      agent.setName(ClusterClaim.AGENT_VERSION);
      agent.setValue(agentVersion);
      reserved.add(agent);
    }
    List<ClusterClaimStatus> custom =
        claims.stream()
            .filter(
                c ->
                    !ClusterClaim.RESERVED.contains(c.getMetadata().getName())
                        && !ClusterClaim.AGENT_VERSION.equals(c.getMetadata().getName())
                        && hasValue(c))
            .sorted(Comparator.comparing(c -> c.getMetadata().getName()))
            .limit(maxCustom)
            .map(ClaimsReport::status)
            .toList();
    reserved.addAll(custom);
    return reserved;
  }

  private static boolean hasValue(ClusterClaim claim) {
    return claim.getSpec() != null
        && claim.getSpec().getValue() != null
        && !claim.getSpec().getValue().isEmpty();
  }

  private static ClusterClaimStatus status(ClusterClaim claim) {
    ClusterClaimStatus status = new ClusterClaimStatus();
    status.setName(claim.getMetadata().getName());
    status.setValue(claim.getSpec().getValue());
    return status;
  }
}
