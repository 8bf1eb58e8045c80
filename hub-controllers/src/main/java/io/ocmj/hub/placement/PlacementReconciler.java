package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.rate.RateLimited;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1beta1.DecisionGroupStatus;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta1.PlacementStatus;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.InformerCaches;
import io.ocmj.hub.placement.PlacementDecisions.Planned;
import io.ocmj.hub.status.ConditionsApply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules Placements with {@link PlacementSchedule} and writes their PlacementDecisions and
 * status. Runs again when a cluster changes in a way scheduling can see (not a heartbeat), when a
 * cluster set, a binding in its namespace, an AddOnPlacementScore or its own decisions change, and
 * when a toleration or an add-on score runs out. Debounced: JOSDK folds the events that arrive
 * during a pass into one more pass, and each placement is scheduled at most {@value
 * #PASSES_PER_SECOND} times a second, so a burst of a thousand cluster changes costs tens of passes
 * (44–50 in PlacementIT runs), not a thousand.
 */
@ControllerConfiguration(name = "placement")
@RateLimited(maxReconciliations = PlacementReconciler.PASSES_PER_SECOND, within = 1)
public final class PlacementReconciler implements Reconciler<Placement> {
  static final int PASSES_PER_SECOND = 5;
  private static final Logger LOG = LoggerFactory.getLogger(PlacementReconciler.class);

  private final Clock clock;
  private final CelSelectors cel = new CelSelectors();
  private final Map<String, AtomicLong> passes = new ConcurrentHashMap<>();

  public PlacementReconciler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Placement>> prepareEventSources(
      EventSourceContext<Placement> context) {
    InformerEventSourceConfiguration<ManagedCluster> clusters =
        InformerEventSourceConfiguration.from(ManagedCluster.class, Placement.class)
            .withSecondaryToPrimaryMapper(cluster -> all(context))
            .withOnUpdateFilter(SchedulingInputs::changed)
            .build();
    InformerEventSourceConfiguration<ManagedClusterSet> sets =
        InformerEventSourceConfiguration.from(ManagedClusterSet.class, Placement.class)
            .withSecondaryToPrimaryMapper(set -> all(context))
            .build();
    InformerEventSourceConfiguration<ManagedClusterSetBinding> bindings =
        InformerEventSourceConfiguration.from(ManagedClusterSetBinding.class, Placement.class)
            .withSecondaryToPrimaryMapper(
                binding ->
                    context
                        .getPrimaryCache()
                        .list(binding.getMetadata().getNamespace())
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    InformerEventSourceConfiguration<AddOnPlacementScore> scores =
        InformerEventSourceConfiguration.from(AddOnPlacementScore.class, Placement.class)
            .withSecondaryToPrimaryMapper(
                score ->
                    context
                        .getPrimaryCache()
                        .list(p -> SchedulingInputs.readsScore(p, score.getMetadata().getName()))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .withOnUpdateFilter(SchedulingInputs::scoresChanged)
            .build();
    InformerEventSourceConfiguration<PlacementDecision> decisions =
        InformerEventSourceConfiguration.from(PlacementDecision.class, Placement.class)
            .withSecondaryToPrimaryMapper(
                decision -> {
                  Map<String, String> labels = decision.getMetadata().getLabels();
                  String owner =
                      labels == null ? null : labels.get(PlacementDecision.LABEL_PLACEMENT);
                  return owner == null
                      ? Set.of()
                      : Set.of(new ResourceID(owner, decision.getMetadata().getNamespace()));
                })
            .build();
    return List.of(
        new InformerEventSource<>(clusters, context),
        new InformerEventSource<>(sets, context),
        new InformerEventSource<>(bindings, context),
        new InformerEventSource<>(scores, context),
        new InformerEventSource<>(decisions, context));
  }

  private static Set<ResourceID> all(EventSourceContext<Placement> context) {
    return context
        .getPrimaryCache()
        .list()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  /** How many scheduling passes this reconciler has made for one placement. */
  public long passes(String namespace, String name) {
    AtomicLong n = passes.get(namespace + "/" + name);
    return n == null ? 0 : n.get();
  }

  @Override
  public UpdateControl<Placement> reconcile(Placement placement, Context<Placement> context) {
    Map<String, String> annotations = placement.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(Placement.ANNOTATION_SCHEDULING_DISABLED)) {
      return UpdateControl.noUpdate();
    }
    KubernetesClient client = context.getClient();
    Instant now = clock.instant();
    String namespace = placement.getMetadata().getNamespace();
    // Clusters, sets and bindings come from the informers that trigger this reconciler: a cluster's
    // heartbeat must not cost every placement three LISTs against the API server. The placement's
    // own decisions are read fresh, once: they are what this pass overwrites.
    List<ManagedClusterSet> sets = InformerCaches.list(context, ManagedClusterSet.class);
    Set<String> bound =
        SchedulingInputs.boundSets(
            InformerCaches.list(context, ManagedClusterSetBinding.class, namespace), sets);
    List<PlacementDecision> own = PlacementDecisions.list(client, placement);
    passes
        .computeIfAbsent(namespace + "/" + placement.getMetadata().getName(), k -> new AtomicLong())
        .incrementAndGet();
    PlacementSchedule.Result result =
        PlacementSchedule.schedule(
            placement,
            new PlacementSchedule.State(
                InformerCaches.list(context, ManagedCluster.class),
                sets,
                bound,
                SchedulingInputs.decided(own),
                SchedulingInputs.otherPlacements(
                    InformerCaches.list(context, PlacementDecision.class), placement),
                SchedulingInputs.byNamespace(
                    InformerCaches.list(context, AddOnPlacementScore.class))),
            cel,
            now);
    List<Planned> planned =
        PlacementDecisions.plan(placement.getMetadata().getName(), result.groups());
    int changed = PlacementDecisions.write(client, placement, own, planned);
    boolean statusWritten = writeStatus(client, placement, result, planned, now);
    LOG.info(
        "reconciled placement={}/{} outcome={} selected={} decisions_changed={} status_written={}",
        namespace,
        placement.getMetadata().getName(),
        result.satisfiedReason(),
        result.selected().size(),
        changed,
        statusWritten);
    return result
        .recheckAt()
        .map(
            at ->
                UpdateControl.<Placement>noUpdate()
                    .rescheduleAfter(Duration.between(now, at).plusMillis(100)))
        .orElse(UpdateControl.noUpdate());
  }

  private static boolean writeStatus(
      KubernetesClient client,
      Placement placement,
      PlacementSchedule.Result result,
      List<Planned> planned,
      Instant now) {
    Long generation = placement.getMetadata().getGeneration();
    List<Condition> conditions =
        new ArrayList<>(
            placement.getStatus() == null ? List.of() : placement.getStatus().getConditions());
    Conditions.set(
        conditions,
        Placement.CONDITION_SATISFIED,
        result.satisfied() ? Conditions.TRUE : Conditions.FALSE,
        result.satisfiedReason(),
        result.satisfiedMessage(),
        generation,
        now);
    Conditions.set(
        conditions,
        Placement.CONDITION_MISCONFIGURED,
        result.misconfigured().isPresent() ? Conditions.TRUE : Conditions.FALSE,
        result.misconfigured().isPresent()
            ? Placement.REASON_MISCONFIGURED
            : Placement.REASON_CONFIGURED,
        result.misconfigured().orElse("Placement configurations check pass"),
        generation,
        now);
    PlacementStatus status = new PlacementStatus();
    status.setNumberOfSelectedClusters(result.selected().size());
    status.setConditions(conditions);
    Map<Integer, DecisionGroupStatus> groups = new LinkedHashMap<>();
    for (Planned p : planned) {
      DecisionGroupStatus group =
          groups.computeIfAbsent(
              p.group().index(),
              i -> {
                DecisionGroupStatus g = new DecisionGroupStatus();
                g.setDecisionGroupIndex(i);
                g.setDecisionGroupName(p.group().name());
                g.setClusterCount(p.group().clusters().size());
                return g;
              });
      group.getDecisions().add(p.name());
    }
    status.setDecisionGroups(new ArrayList<>(groups.values()));
    return ConditionsApply.applyStatusIfChanged(
        client, placement, PlacementDecisions.FIELD_MANAGER, placement.getStatus(), status);
  }
}
