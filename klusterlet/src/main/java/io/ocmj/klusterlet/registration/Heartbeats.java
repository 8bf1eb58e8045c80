package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.status.Conditions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a joined agent sends each beat: its part of the ManagedCluster status (Joined, Available
 * from the managed API server's health, version, claims) and the renewed lease.
 */
final class Heartbeats {
  private Heartbeats() {}

  /**
   * Sends the agent's part of the status when it differs from what {@code cluster} (just read from
   * the hub) shows; returns whether it was written. As OCM's status controller, an unchanged status
   * is not written again: the lease is what says the agent is alive.
   */
  static boolean report(
      KubernetesClient hub,
      KubernetesClient managed,
      RegistrationConfig config,
      ManagedCluster cluster,
      List<ClusterClaimStatus> claims,
      String fieldManager) {
    Instant now = config.clock().instant();
    List<Condition> conditions = new ArrayList<>(cluster.getStatus().getConditions());
    Long generation = cluster.getMetadata().getGeneration();
    boolean changed =
        Conditions.set(
            conditions,
            ManagedCluster.CONDITION_JOINED,
            Conditions.TRUE,
            "ManagedClusterJoined",
            "Managed cluster joined",
            generation,
            now);
    boolean healthy = ManagedClusterProbe.livez(managed);
    changed |=
        Conditions.set(
            conditions,
            ManagedCluster.CONDITION_AVAILABLE,
            healthy ? Conditions.TRUE : Conditions.FALSE,
            healthy ? "ManagedClusterAvailable" : "ManagedClusterKubeAPIServerUnavailable",
            healthy
                ? "Managed cluster is available"
                : "The kube-apiserver of the managed cluster is not healthy",
            generation,
            now);
    String version = managed.getKubernetesVersion().getGitVersion();
    if (!changed && !ManagedClusterStatusPatch.differs(cluster.getStatus(), version, claims)) {
      return false;
    }
    ManagedClusterStatusPatch.apply(
        hub,
        config.clusterName(),
        fieldManager,
        List.of(
            Conditions.find(conditions, ManagedCluster.CONDITION_JOINED).orElseThrow(),
            Conditions.find(conditions, ManagedCluster.CONDITION_AVAILABLE).orElseThrow()),
        version,
        claims);
    return true;
  }

  /**
   * Renews the lease the hub created for the cluster. The lease read last is kept and updated
   * directly (one request per beat); it is read again when the hub's copy changed (409) or is gone.
   */
  static final class LeaseRenewal {
    private final String name;
    private Lease last;

    LeaseRenewal(String name) {
      this.name = name;
    }

    /** Renews the lease; none on the hub yet means not accepted yet (nothing to renew). */
    void renew(KubernetesClient hub, RegistrationConfig config) {
      for (int attempt = 0; attempt < 2; attempt++) {
        Lease lease = last;
        if (lease == null) {
          lease = hub.leases().inNamespace(config.clusterName()).withName(name).get();
          if (lease == null) {
            return;
          }
        }
        lease
            .getSpec()
            .setRenewTime(ZonedDateTime.ofInstant(config.clock().instant(), ZoneOffset.UTC));
        try {
          last = hub.leases().inNamespace(config.clusterName()).resource(lease).update();
          return;
        } catch (KubernetesClientException e) {
          last = null;
          if (e.getCode() != 409 && e.getCode() != 404) {
            throw e;
          }
          // changed or recreated on the hub since it was read: read it again
        }
      }
    }
  }
}
