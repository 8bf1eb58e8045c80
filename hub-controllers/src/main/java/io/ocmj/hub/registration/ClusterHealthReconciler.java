package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.registration.ClusterHealth.LeaseVerdict;
import io.ocmj.hub.status.ConditionsApply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches accepted clusters' leases: marks a cluster whose agent went quiet Available=Unknown, and
 * keeps the system taints in line with Available. It also reacts to status changes (not only to
 * spec), so a cluster's taint goes as soon as its agent reports Available again.
 */
@ControllerConfiguration(name = "managedcluster-health", generationAwareEventProcessing = false)
public final class ClusterHealthReconciler implements Reconciler<ManagedCluster> {
  static final String FIELD_MANAGER = "ocmj-lease";
  static final String CLOCK_FIELD_MANAGER = "ocmj-clock";
  private static final Logger LOG = LoggerFactory.getLogger(ClusterHealthReconciler.class);
  private final Clock clock;

  public ClusterHealthReconciler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public UpdateControl<ManagedCluster> reconcile(
      ManagedCluster cluster, Context<ManagedCluster> context) {
    List<Condition> conditions =
        cluster.getStatus() == null ? List.of() : cluster.getStatus().getConditions();
    KubernetesClient client = context.getClient();
    Instant now = clock.instant();
    if (cluster.getMetadata().getDeletionTimestamp() != null) {
      return UpdateControl.noUpdate();
    }
    if (Conditions.find(conditions, ManagedCluster.CONDITION_HUB_ACCEPTED).isEmpty()) {
      // OCM leaves a cluster's health alone until it was first accepted; its taints still get
      // their timeAdded, as OCM's webhook gives them.
      writeTaints(client, cluster, ClusterHealth.stamped(taintsOf(cluster), now), "-");
      return UpdateControl.noUpdate();
    }
    String name = cluster.getMetadata().getName();
    Optional<String> available =
        Conditions.find(conditions, ManagedCluster.CONDITION_AVAILABLE).map(Condition::getStatus);
    Instant recheck = now.plusSeconds(60);
    Lease lease = client.leases().inNamespace(name).withName(ManagedClusterReconciler.LEASE).get();
    if (lease != null && lease.getSpec().getRenewTime() != null) {
      LeaseVerdict verdict =
          ClusterHealth.lease(
              lease.getSpec().getRenewTime().toInstant(), leaseSeconds(cluster), now);
      recheck = verdict.recheckAt();
      if (verdict.stale() && !Conditions.UNKNOWN.equals(available.orElse(null))) {
        markUnknown(client, cluster, conditions, now);
        available = Optional.of(Conditions.UNKNOWN);
      }
      Instant renewed = lease.getSpec().getRenewTime().toInstant();
      // A stale lease says nothing about clocks (the agent may just be down); a fresh one, or one
      // renewed "in the future", does.
      if (!verdict.stale() || renewed.isAfter(now)) {
        recordClock(
            client,
            cluster,
            conditions,
            ClusterHealth.clockSynced(renewed, leaseSeconds(cluster), now),
            now);
      }
    }
    List<Taint> taints = ClusterHealth.taints(taintsOf(cluster), available, now);
    writeTaints(client, cluster, taints, available.orElse("missing"));
    return UpdateControl.<ManagedCluster>noUpdate()
        .rescheduleAfter(Duration.between(now, recheck).plusMillis(100));
  }

  private static void writeTaints(
      KubernetesClient client, ManagedCluster cluster, List<Taint> taints, String available) {
    if (sameTaints(taints, taintsOf(cluster))) {
      return;
    }
    // A copy of what the taints were computed from (never the cached object), written with its
    // resourceVersion: if anyone changed the cluster since, the update fails and the reconcile
    // is retried on the newer object, so no concurrent taint edit is lost.
    ManagedCluster copy = Serialization.clone(cluster);
    copy.getSpec().setTaints(taints);
    client.resource(copy).update();
    LOG.info(
        "reconciled managedcluster={} outcome=taints available={} taints={}",
        cluster.getMetadata().getName(),
        available,
        taints.stream().map(Taint::getKey).toList());
  }

  private void markUnknown(
      KubernetesClient client, ManagedCluster cluster, List<Condition> observed, Instant now) {
    ConditionsApply.setAndApply(
        client,
        cluster,
        observed,
        FIELD_MANAGER,
        ManagedCluster.CONDITION_AVAILABLE,
        Conditions.UNKNOWN,
        ClusterHealth.REASON_LEASE_STOPPED,
        ClusterHealth.MESSAGE_LEASE_STOPPED,
        now);
    LOG.info(
        "reconciled managedcluster={} outcome=lease-stale available=Unknown",
        cluster.getMetadata().getName());
  }

  private void recordClock(
      KubernetesClient client,
      ManagedCluster cluster,
      List<Condition> observed,
      boolean synced,
      Instant now) {
    // Its own field manager: applying only this condition must not drop the Available one.
    ConditionsApply.setAndApply(
        client,
        cluster,
        observed,
        CLOCK_FIELD_MANAGER,
        ManagedCluster.CONDITION_CLOCK_SYNCED,
        synced ? Conditions.TRUE : Conditions.FALSE,
        synced ? "ManagedClusterClockSynced" : "ManagedClusterClockOutOfSync",
        synced
            ? "The clock of the managed cluster is synced with the hub."
            : "The clock of hub and agent is out of sync. This may cause the Unknown status and"
                + " affect agent functionalities.",
        now);
  }

  private static Integer leaseSeconds(ManagedCluster cluster) {
    return cluster.getSpec() == null ? null : cluster.getSpec().getLeaseDurationSeconds();
  }

  private static List<Taint> taintsOf(ManagedCluster cluster) {
    return cluster.getSpec() == null ? List.of() : cluster.getSpec().getTaints();
  }

  private static boolean sameTaints(List<Taint> a, List<Taint> b) {
    List<String> keysA = a.stream().map(t -> t.getKey() + "@" + t.getTimeAdded()).toList();
    List<String> keysB =
        b == null ? List.of() : b.stream().map(t -> t.getKey() + "@" + t.getTimeAdded()).toList();
    return keysA.equals(keysB);
  }
}
