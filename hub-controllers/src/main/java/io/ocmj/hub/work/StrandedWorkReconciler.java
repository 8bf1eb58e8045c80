package io.ocmj.hub.work;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.InformerCaches;
import io.ocmj.hub.status.Events;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the deletion of ManifestWorks whose cluster is unavailable: OCM waits forever for an
 * agent that may never come back. After the grace period the hub removes the agent's finalizer and
 * records, in a Warning Event on the work, what may be left on the cluster. Reconciles a cluster
 * when one of its works or its availability changes.
 */
@ControllerConfiguration(name = "stranded-work", generationAwareEventProcessing = false)
public final class StrandedWorkReconciler implements Reconciler<ManagedCluster> {
  static final String EVENT_REASON = "ForcedCleanup";
  private static final Logger LOG = LoggerFactory.getLogger(StrandedWorkReconciler.class);

  private final Clock clock;
  private final Duration grace;

  public StrandedWorkReconciler(Clock clock, Duration grace) {
    this.clock = clock;
    this.grace = grace;
  }

  @Override
  public List<EventSource<?, ManagedCluster>> prepareEventSources(
      EventSourceContext<ManagedCluster> context) {
    InformerEventSourceConfiguration<ManifestWork> works =
        InformerEventSourceConfiguration.from(ManifestWork.class, ManagedCluster.class)
            .withSecondaryToPrimaryMapper(
                work -> Set.of(new ResourceID(work.getMetadata().getNamespace())))
            .build();
    return List.of(new InformerEventSource<>(works, context));
  }

  @Override
  public UpdateControl<ManagedCluster> reconcile(
      ManagedCluster cluster, Context<ManagedCluster> context) {
    String name = cluster.getMetadata().getName();
    List<Condition> conditions =
        cluster.getStatus() == null ? List.of() : cluster.getStatus().getConditions();
    Optional<Condition> available = Conditions.find(conditions, ManagedCluster.CONDITION_AVAILABLE);
    if (available.map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false)) {
      return UpdateControl.noUpdate(); // its agent is there to finish the deletions
    }
    Instant unavailableSince =
        available
            .map(c -> Instant.parse(c.getLastTransitionTime()))
            .orElse(Instant.parse(cluster.getMetadata().getCreationTimestamp()));
    KubernetesClient client = context.getClient();
    Instant now = clock.instant();
    List<Instant> later = new ArrayList<>();
    for (ManifestWork work : deleting(context, name)) {
      Instant due =
          StrandedWorks.due(
              Instant.parse(work.getMetadata().getDeletionTimestamp()), unavailableSince, grace);
      if (now.isBefore(due)) {
        later.add(due);
        continue;
      }
      // The Event first: once the finalizer is gone the work is, and the record must exist by then.
      String message = StrandedWorks.forcedMessage(work, name, unavailableSince, grace);
      Events.warning(client, work, EVENT_REASON, message, clock);
      List<String> finalizers = new ArrayList<>(work.getMetadata().getFinalizers());
      finalizers.remove(ManifestWork.FINALIZER_CLEANUP);
      client
          .resource(work)
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              Serialization.asJson(Map.of("metadata", Map.of("finalizers", finalizers))));
      LOG.warn("reconciled managedcluster={} outcome=forced-work-deletion {}", name, message);
    }
    return later.stream()
        .min(Instant::compareTo)
        .map(
            at ->
                UpdateControl.<ManagedCluster>noUpdate()
                    .rescheduleAfter(Duration.between(now, at).plusMillis(100)))
        .orElse(UpdateControl.noUpdate());
  }

  private static List<ManifestWork> deleting(Context<ManagedCluster> context, String cluster) {
    return InformerCaches.list(context, ManifestWork.class, cluster).stream()
        .filter(w -> w.getMetadata().getDeletionTimestamp() != null)
        .filter(w -> w.getMetadata().getFinalizers().contains(ManifestWork.FINALIZER_CLEANUP))
        .toList();
  }
}
