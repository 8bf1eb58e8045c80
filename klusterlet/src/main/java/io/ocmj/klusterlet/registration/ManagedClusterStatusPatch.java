package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1.ManagedClusterVersion;
import io.ocmj.api.status.StatusPatch;
import io.ocmj.klusterlet.status.StatusApply;
import java.util.List;
import java.util.Map;

/**
 * Writes the agent's part of a ManagedCluster's status with server-side apply: only the fields
 * named here, so the hub's conditions on the same object stay the hub's.
 */
final class ManagedClusterStatusPatch {
  private ManagedClusterStatusPatch() {}

  /**
   * Whether the version or the claims differ from what {@code current} shows (compared as JSON, so
   * an absent list and an empty one are alike, as the API server stores them).
   */
  static boolean differs(
      ManagedClusterStatus current, String kubeVersion, List<ClusterClaimStatus> claims) {
    ManagedClusterStatus wanted = new ManagedClusterStatus();
    ManagedClusterVersion version = new ManagedClusterVersion();
    version.setKubernetes(kubeVersion == null ? "" : kubeVersion);
    wanted.setVersion(version);
    wanted.setClusterClaims(claims);
    ManagedClusterStatus seen = new ManagedClusterStatus();
    if (current != null) {
      seen.setVersion(current.getVersion());
      seen.setClusterClaims(current.getClusterClaims());
    }
    return !Serialization.jsonMapper()
        .valueToTree(wanted)
        .equals(Serialization.jsonMapper().valueToTree(seen));
  }

  static void apply(
      KubernetesClient hub,
      String cluster,
      String fieldManager,
      List<Condition> conditions,
      String kubeVersion,
      List<ClusterClaimStatus> claims) {
    GenericKubernetesResource patch =
        StatusPatch.of(
            ManagedCluster.GROUP + "/" + ManagedCluster.VERSION,
            "ManagedCluster",
            cluster,
            null,
            Map.of(
                "conditions",
                conditions,
                "version",
                // An API server that does not say its version reports it as unknown (empty).
                Map.of("kubernetes", kubeVersion == null ? "" : kubeVersion),
                "clusterClaims",
                claims));
    StatusApply.apply(hub, patch, fieldManager);
  }
}
