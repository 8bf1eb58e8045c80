package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.OcmjVersion;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.cluster.v1alpha1.ClusterClaimSpec;
import java.util.List;

/**
 * ClusterClaims on the managed cluster: keeps the {@code id.k8s.io} claim (the kube-system
 * namespace's UID, as the Kubernetes About API recommends), and reads the claims to report (with
 * the agent's own version, {@link ClusterClaim#AGENT_VERSION}).
 */
final class ClusterClaims {
  private ClusterClaims() {}

  /**
   * The claims to report; none while the CRD is not served yet.
   *
   * @param watched the claims as a synced watch of them has them, or null to read them
   */
  static List<ClusterClaimStatus> read(
      KubernetesClient managed, String fieldManager, List<ClusterClaim> watched) {
    try {
      if (watched != null
          && watched.stream().anyMatch(c -> ClusterClaim.ID.equals(c.getMetadata().getName()))) {
        return ClaimsReport.report(watched, ClaimsReport.DEFAULT_MAX_CUSTOM, OcmjVersion.get());
      }
      ensureId(managed, fieldManager);
      return ClaimsReport.report(
          managed.resources(ClusterClaim.class).list().getItems(),
          ClaimsReport.DEFAULT_MAX_CUSTOM,
          OcmjVersion.get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of(); // CRD just created, not served yet: the next pass reports them
      }
      throw e;
    }
  }

  private static void ensureId(KubernetesClient managed, String fieldManager) {
    if (managed.resources(ClusterClaim.class).withName(ClusterClaim.ID).get() != null) {
      return;
    }
    ClusterClaim id = new ClusterClaim();
    id.getMetadata().setName(ClusterClaim.ID);
    ClusterClaimSpec spec = new ClusterClaimSpec();
    spec.setValue(managed.namespaces().withName("kube-system").get().getMetadata().getUid());
    id.setSpec(spec);
    managed.resource(id).fieldManager(fieldManager).forceConflicts().serverSideApply();
  }
}
