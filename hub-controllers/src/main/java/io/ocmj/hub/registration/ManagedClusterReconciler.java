package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.status.ConditionsApply;
import io.ocmj.hub.status.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of the double opt-in: while {@code spec.hubAcceptsClient} is true the cluster gets
 * its namespace and RBAC; when it turns false the access is taken back; when the cluster is deleted
 * its ManifestWorks are deleted (the agent removes what they applied), then its namespace and RBAC
 * go too; an agent that does not clean up within the grace period is not waited for any longer. The
 * objects come from {@link ClusterRbac}.
 */
@ControllerConfiguration(name = "managedcluster", finalizerName = ManagedCluster.FINALIZER_CLEANUP)
public final class ManagedClusterReconciler
    implements Reconciler<ManagedCluster>, Cleaner<ManagedCluster> {
  static final String FIELD_MANAGER = "ocmj-registration";
  public static final String LEASE = "managed-cluster-lease";
  static final String REASON_ACCEPTED = "HubClusterAdminAccepted";
  static final String REASON_DENIED = "HubClusterAdminDenied";
  static final String REASON_WAITING = "WaitingForAcceptance";
  private static final Logger LOG = LoggerFactory.getLogger(ManagedClusterReconciler.class);

  private final Clock clock;
  private final Duration deletionGracePeriod;

  public ManagedClusterReconciler(Clock clock, Duration deletionGracePeriod) {
    this.clock = clock;
    this.deletionGracePeriod = deletionGracePeriod;
  }

  @Override
  public UpdateControl<ManagedCluster> reconcile(
      ManagedCluster cluster, Context<ManagedCluster> context) {
    KubernetesClient client = context.getClient();
    String name = cluster.getMetadata().getName();
    boolean accepted = cluster.getSpec() != null && cluster.getSpec().isAccepted();
    labelIntoDefaultSet(client, cluster);
    ClusterRbac.Desired desired = ClusterRbac.desired(name, accepted);
    for (HasMetadata object : desired.apply()) {
      client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
    int deleted = 0;
    for (String binding : desired.roleBindingsToDelete()) {
      deleted += client.rbac().roleBindings().inNamespace(name).withName(binding).delete().size();
    }
    if (accepted) {
      ensureLease(client, name);
    }
    boolean statusChanged = recordAcceptance(client, cluster, accepted);
    LOG.info(
        "reconciled managedcluster={} outcome={} applied={} deleted={} status_changed={}",
        name,
        accepted ? "accepted" : "not-accepted",
        desired.apply().size(),
        deleted,
        statusChanged);
    return UpdateControl.noUpdate();
  }

  /** OCM puts every cluster without a set label into the {@code default} set. */
  private static void labelIntoDefaultSet(KubernetesClient client, ManagedCluster cluster) {
    var labels = cluster.getMetadata().getLabels();
    if (labels != null && labels.containsKey(ManagedClusterSet.LABEL_CLUSTER_SET)) {
      return;
    }
    client
        .resources(ManagedCluster.class)
        .withName(cluster.getMetadata().getName())
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\""
                + ManagedClusterSet.LABEL_CLUSTER_SET
                + "\":\""
                + ManagedClusterSet.DEFAULT
                + "\"}}}");
  }

  /** The lease the agent renews as its heartbeat; the hub creates it, the agent only updates it. */
  private void ensureLease(KubernetesClient client, String cluster) {
    if (client.leases().inNamespace(cluster).withName(LEASE).get() != null) {
      return;
    }
    client
        .leases()
        .inNamespace(cluster)
        .resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withName(LEASE)
                .withNamespace(cluster)
                .addToLabels(ManagedCluster.LABEL_CLUSTER_NAME, cluster)
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity(LEASE)
                .withRenewTime(
                    java.time.ZonedDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .endSpec()
                .build())
        .create();
  }

  /**
   * Writes only the HubAcceptedManagedCluster condition, with its own field manager, so that the
   * agent's conditions on the same object are never overwritten from a stale copy.
   */
  private boolean recordAcceptance(
      KubernetesClient client, ManagedCluster cluster, boolean accepted) {
    List<Condition> observed =
        cluster.getStatus() == null ? List.of() : cluster.getStatus().getConditions();
    boolean wasAccepted =
        Conditions.find(observed, ManagedCluster.CONDITION_HUB_ACCEPTED).isPresent();
    if (!accepted && !wasAccepted) {
      // OCM writes HubAccepted only once a cluster was accepted at least once; until then the
      // cluster says what it waits for, where `get managedclusters` shows it (JOINED False).
      return waitingForAcceptance(client, cluster, observed);
    }
    return ConditionsApply.setAndApply(
        client,
        cluster,
        observed,
        FIELD_MANAGER,
        ManagedCluster.CONDITION_HUB_ACCEPTED,
        accepted ? Conditions.TRUE : Conditions.FALSE,
        accepted ? REASON_ACCEPTED : REASON_DENIED,
        accepted ? "Accepted by hub cluster admin" : "Denied by hub cluster admin",
        clock.instant());
  }

  private boolean waitingForAcceptance(
      KubernetesClient client, ManagedCluster cluster, List<Condition> observed) {
    if (Conditions.isTrue(observed, ManagedCluster.CONDITION_JOINED)) {
      return false;
    }
    String name = cluster.getMetadata().getName();
    return ConditionsApply.setAndApply(
        client,
        cluster,
        observed,
        FIELD_MANAGER,
        ManagedCluster.CONDITION_JOINED,
        Conditions.FALSE,
        REASON_WAITING,
        "Waiting for a hub admin to accept cluster "
            + name
            + ": set spec.hubAcceptsClient to true (ocmj accept --clusters "
            + name
            + ")",
        clock.instant());
  }

  @Override
  public DeleteControl cleanup(ManagedCluster cluster, Context<ManagedCluster> context) {
    KubernetesClient client = context.getClient();
    String name = cluster.getMetadata().getName();
    List<ManifestWork> works = works(client, name);
    for (ManifestWork work : works) {
      if (work.getMetadata().getDeletionTimestamp() == null) {
        client.resource(work).delete(); // the agent removes what it applied, then its finalizer
      }
    }
    ClusterDeletion.Step step =
        ClusterDeletion.next(
            Instant.parse(cluster.getMetadata().getDeletionTimestamp()),
            deletionGracePeriod,
            clock.instant(),
            works.stream()
                .map(
                    w ->
                        new ClusterDeletion.Work(
                            w.getMetadata().getName(), !w.getMetadata().getFinalizers().isEmpty()))
                .toList());
    if (step.waitFor() != null) {
      LOG.info(
          "cleaning up managedcluster={} outcome=waiting works={} grace_period={}",
          name,
          works.size(),
          deletionGracePeriod);
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(step.waitFor());
    }
    if (!step.worksToForce().isEmpty()) {
      forceOut(client, cluster, step.worksToForce());
    }
    client.namespaces().withName(name).delete();
    client.rbac().clusterRoleBindings().withName(ClusterRbac.clusterRoleName(name)).delete();
    client.rbac().clusterRoles().withName(ClusterRbac.clusterRoleName(name)).delete();
    LOG.info("cleaned up managedcluster={} outcome=deleted namespace and rbac", name);
    return DeleteControl.defaultDelete();
  }

  private static List<ManifestWork> works(KubernetesClient client, String cluster) {
    try {
      return client.resources(ManifestWork.class).inNamespace(cluster).list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of(); // no ManifestWork CRD on this hub: nothing can be left
      }
      throw e;
    }
  }

  /** Removes the finalizers the absent agent would have removed, and records it in an Event. */
  private void forceOut(KubernetesClient client, ManagedCluster cluster, List<String> works) {
    String name = cluster.getMetadata().getName();
    // The Event first: once the finalizers are gone, so is everything, and the record must exist.
    String message = ClusterDeletion.forcedMessage(name, deletionGracePeriod, works);
    Events.warning(client, cluster, ManagedCluster.EVENT_FORCED_CLEANUP, message, clock);
    for (String work : works) {
      client
          .resources(ManifestWork.class)
          .inNamespace(name)
          .withName(work)
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
    }
    LOG.warn("cleaning up managedcluster={} outcome=forced {}", name, message);
  }
}
