package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
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

  static void report(
      KubernetesClient hub,
      KubernetesClient managed,
      RegistrationConfig config,
      ManagedCluster cluster,
      String fieldManager) {
    Instant now = config.clock().instant();
    List<Condition> conditions = new ArrayList<>(cluster.getStatus().getConditions());
    Long generation = cluster.getMetadata().getGeneration();
    Conditions.set(
        conditions,
        ManagedCluster.CONDITION_JOINED,
        Conditions.TRUE,
        "ManagedClusterJoined",
        "Managed cluster joined",
        generation,
        now);
    boolean healthy = ManagedClusterProbe.livez(managed);
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
    ManagedClusterStatusPatch.apply(
        hub,
        config.clusterName(),
        fieldManager,
        List.of(
            Conditions.find(conditions, ManagedCluster.CONDITION_JOINED).orElseThrow(),
            Conditions.find(conditions, ManagedCluster.CONDITION_AVAILABLE).orElseThrow()),
        managed.getKubernetesVersion().getGitVersion(),
        ClusterClaims.read(managed, fieldManager));
  }

  /** Renews the lease the hub created for the cluster; none yet means not accepted yet. */
  static void renewLease(KubernetesClient hub, RegistrationConfig config, String name) {
    Lease lease = hub.leases().inNamespace(config.clusterName()).withName(name).get();
    if (lease == null) {
      return;
    }
    lease.getSpec().setRenewTime(ZonedDateTime.ofInstant(config.clock().instant(), ZoneOffset.UTC));
    hub.leases().inNamespace(config.clusterName()).resource(lease).update();
  }
}
