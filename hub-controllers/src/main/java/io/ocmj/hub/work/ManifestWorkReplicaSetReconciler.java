package io.ocmj.hub.work;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1alpha1.LocalPlacementReference;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSetStatus;
import io.ocmj.hub.status.ConditionsApply;
import io.ocmj.hub.status.Events;
import io.ocmj.hub.work.ReplicaSetStatusDesired.PlacementRollout;
import io.ocmj.hub.work.RolloutPlan.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls a ManifestWorkReplicaSet's template out to the clusters its placements decided: one
 * ManifestWork per cluster (in the cluster namespace, named like the replica set), written when
 * {@link RolloutPlan} says it is the cluster's turn; works of clusters no longer decided are
 * deleted. It runs again when a generated work's status or a decision changes, and when a soak or
 * deadline timer is due.
 */
// Not generation-aware: the rollback annotation changes metadata only and must be seen at once.
@ControllerConfiguration(
    name = "manifestworkreplicaset",
    finalizerName = ManifestWorkReplicaSet.FINALIZER,
    generationAwareEventProcessing = false)
public final class ManifestWorkReplicaSetReconciler
    implements Reconciler<ManifestWorkReplicaSet>, Cleaner<ManifestWorkReplicaSet> {
  static final String FIELD_MANAGER = "ocmj-manifestworkreplicaset";
  static final Duration SAFETY_RESYNC = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(ManifestWorkReplicaSetReconciler.class);

  private final Clock clock;
  private final long manifestsLimitBytes;

  /**
   * @param manifestsLimitBytes the most a generated work's manifests may take (OCM's hub refuses
   *     works over its {@code --manifestLimit}, 500 KiB by default): a larger template is reported
   *     on the replica set instead of failing at each cluster
   */
  public ManifestWorkReplicaSetReconciler(Clock clock, long manifestsLimitBytes) {
    this.clock = clock;
    this.manifestsLimitBytes = manifestsLimitBytes;
  }

  @Override
  public List<EventSource<?, ManifestWorkReplicaSet>> prepareEventSources(
      EventSourceContext<ManifestWorkReplicaSet> context) {
    InformerEventSourceConfiguration<ManifestWork> works =
        InformerEventSourceConfiguration.from(ManifestWork.class, ManifestWorkReplicaSet.class)
            .withLabelSelector(ManifestWorkReplicaSet.LABEL_REPLICA_SET)
            .withSecondaryToPrimaryMapper(
                work -> {
                  String owner =
                      work.getMetadata().getLabels().get(ManifestWorkReplicaSet.LABEL_REPLICA_SET);
                  int dot = owner == null ? -1 : owner.indexOf('.');
                  return dot < 0
                      ? Set.of()
                      : Set.of(new ResourceID(owner.substring(dot + 1), owner.substring(0, dot)));
                })
            .build();
    InformerEventSourceConfiguration<PlacementDecision> decisions =
        InformerEventSourceConfiguration.from(PlacementDecision.class, ManifestWorkReplicaSet.class)
            .withLabelSelector(PlacementDecision.LABEL_PLACEMENT)
            .withSecondaryToPrimaryMapper(
                decision ->
                    context
                        .getPrimaryCache()
                        .list(
                            decision.getMetadata().getNamespace(),
                            mwrs ->
                                mwrs.getSpec().getPlacementRefs().stream()
                                    .anyMatch(
                                        ref ->
                                            ref.getName()
                                                .equals(
                                                    decision
                                                        .getMetadata()
                                                        .getLabels()
                                                        .get(PlacementDecision.LABEL_PLACEMENT))))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return List.of(
        new InformerEventSource<>(works, context), new InformerEventSource<>(decisions, context));
  }

  @Override
  public UpdateControl<ManifestWorkReplicaSet> reconcile(
      ManifestWorkReplicaSet mwrs, Context<ManifestWorkReplicaSet> context) {
    KubernetesClient client = context.getClient();
    Instant now = clock.instant();
    String hash = GeneratedWorks.templateHash(mwrs.getSpec().getManifestWorkTemplate());
    Optional<String> rollbackProblem = TemplateRevisions.rollBack(client, mwrs, hash);
    if (rollbackProblem.isEmpty() && rollingBack(mwrs)) {
      LOG.info(
          "reconciled manifestworkreplicaset={}/{} outcome=rolled-back",
          mwrs.getMetadata().getNamespace(),
          mwrs.getMetadata().getName());
      return UpdateControl.noUpdate(); // the template changed: the next pass rolls it out
    }
    rollbackProblem.ifPresent(
        problem -> Events.warning(client, mwrs, "RollbackFailed", problem, clock));
    TemplateRevisions.record(client, mwrs, hash, FIELD_MANAGER);
    Optional<String> tooLarge =
        GeneratedWorks.tooLarge(mwrs.getSpec().getManifestWorkTemplate(), manifestsLimitBytes);
    Map<String, ManifestWork> existing = GeneratedWorks.list(client, mwrs);
    Set<String> assigned = new HashSet<>();
    List<PlacementRollout> rollouts = new ArrayList<>();
    int written = 0;
    for (LocalPlacementReference ref : mwrs.getSpec().getPlacementRefs()) {
      List<PlacementDecision> decisions = decisions(client, mwrs, ref.getName());
      List<Target> targets = new ArrayList<>();
      for (Target t : GeneratedWorks.targets(decisions)) {
        if (assigned.add(t.cluster())) {
          targets.add(t); // a cluster two placements select gets the work once, from the first
        }
      }
      Map<String, RolloutPlan.WorkState> works = new LinkedHashMap<>();
      for (Target t : targets) {
        ManifestWork work = existing.get(t.cluster());
        if (work != null) {
          works.put(t.cluster(), GeneratedWorks.state(work));
        }
      }
      RolloutPlan.Result plan =
          RolloutPlan.plan(targets, works, hash, ref.getRolloutStrategy(), now);
      for (String cluster : tooLarge.isPresent() ? List.<String>of() : plan.toWrite()) {
        if (GeneratedWorks.write(client, mwrs, ref.getName(), cluster, hash, now)) {
          written++;
        }
      }
      rollouts.add(new PlacementRollout(ref.getName(), !decisions.isEmpty(), targets, plan, works));
    }
    int deleted = 0;
    for (Map.Entry<String, ManifestWork> e : existing.entrySet()) {
      if (!assigned.contains(e.getKey())) {
        client.resource(e.getValue()).delete();
        deleted++;
      }
    }
    ManifestWorkReplicaSetStatus status =
        ReplicaSetStatusDesired.status(
            mwrs.getStatus() == null ? List.of() : mwrs.getStatus().getConditions(),
            rollouts,
            hash,
            tooLarge,
            mwrs.getMetadata().getGeneration(),
            now);
    boolean statusWritten =
        ConditionsApply.applyStatusIfChanged(client, mwrs, FIELD_MANAGER, mwrs.getStatus(), status);
    LOG.info(
        "reconciled manifestworkreplicaset={}/{} outcome=planned written={} deleted={}"
            + " status_written={}",
        mwrs.getMetadata().getNamespace(),
        mwrs.getMetadata().getName(),
        written,
        deleted,
        statusWritten);
    Duration next =
        rollouts.stream()
            .flatMap(r -> r.plan().recheckAt().stream())
            .min(Instant::compareTo)
            .map(at -> Duration.between(now, at).plusMillis(100))
            .filter(d -> d.compareTo(SAFETY_RESYNC) < 0)
            .orElse(SAFETY_RESYNC);
    return UpdateControl.<ManifestWorkReplicaSet>noUpdate().rescheduleAfter(next);
  }

  private static boolean rollingBack(ManifestWorkReplicaSet mwrs) {
    Map<String, String> annotations = mwrs.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey(TemplateRevisions.ANNOTATION_ROLLBACK);
  }

  private static List<PlacementDecision> decisions(
      KubernetesClient client, ManifestWorkReplicaSet mwrs, String placement) {
    return client
        .resources(PlacementDecision.class)
        .inNamespace(mwrs.getMetadata().getNamespace())
        .withLabel(PlacementDecision.LABEL_PLACEMENT, placement)
        .list()
        .getItems();
  }

  @Override
  public DeleteControl cleanup(
      ManifestWorkReplicaSet mwrs, Context<ManifestWorkReplicaSet> context) {
    KubernetesClient client = context.getClient();
    Map<String, ManifestWork> works = GeneratedWorks.list(client, mwrs);
    works.values().forEach(w -> client.resource(w).delete());
    boolean foreground = "Foreground".equals(mwrs.getSpec().getCascadeDeletionPolicy());
    if (foreground && !works.isEmpty()) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(2));
    }
    LOG.info(
        "cleaned up manifestworkreplicaset={}/{} outcome=deleted works={}",
        mwrs.getMetadata().getNamespace(),
        mwrs.getMetadata().getName(),
        works.size());
    return DeleteControl.defaultDelete();
  }
}
