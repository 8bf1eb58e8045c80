package io.ocmj.hub.clusterset;

import io.fabric8.kubernetes.api.model.LabelSelector;
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
import io.ocmj.api.cluster.v1beta2.ManagedClusterSelector;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetSpec;
import io.ocmj.api.cluster.v1beta2.SelectorType;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.status.ConditionsApply;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each set's ClusterSetEmpty condition in line with its members; any cluster change
 * re-evaluates every set. The built-in {@code default} and {@code global} sets are created at start
 * ({@link #builtInSets()}) by {@code HubControllers}.
 */
@ControllerConfiguration(name = "managedclusterset", generationAwareEventProcessing = false)
public final class ManagedClusterSetReconciler implements Reconciler<ManagedClusterSet> {
  static final String FIELD_MANAGER = "ocmj-clusterset";
  private static final Logger LOG = LoggerFactory.getLogger(ManagedClusterSetReconciler.class);
  private final Clock clock;

  public ManagedClusterSetReconciler(Clock clock) {
    this.clock = clock;
  }

  /**
   * {@code default} (exclusive label) and {@code global} (every cluster), as OCM's hub keeps them.
   */
  public static List<ManagedClusterSet> builtInSets() {
    return List.of(
        set(ManagedClusterSet.DEFAULT, SelectorType.ExclusiveClusterSetLabel, null),
        set(ManagedClusterSet.GLOBAL, SelectorType.LabelSelector, new LabelSelector()));
  }

  private static ManagedClusterSet set(String name, SelectorType type, LabelSelector selector) {
    ManagedClusterSet set = new ManagedClusterSet();
    set.getMetadata().setName(name);
    ManagedClusterSelector clusterSelector = new ManagedClusterSelector();
    clusterSelector.setSelectorType(type);
    clusterSelector.setLabelSelector(selector);
    ManagedClusterSetSpec spec = new ManagedClusterSetSpec();
    spec.setClusterSelector(clusterSelector);
    set.setSpec(spec);
    return set;
  }

  @Override
  public List<EventSource<?, ManagedClusterSet>> prepareEventSources(
      EventSourceContext<ManagedClusterSet> context) {
    InformerEventSourceConfiguration<ManagedCluster> clusters =
        InformerEventSourceConfiguration.from(ManagedCluster.class, ManagedClusterSet.class)
            .withSecondaryToPrimaryMapper(
                cluster ->
                    context
                        .getPrimaryCache()
                        .list()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return List.of(new InformerEventSource<>(clusters, context));
  }

  @Override
  public UpdateControl<ManagedClusterSet> reconcile(
      ManagedClusterSet set, Context<ManagedClusterSet> context) {
    Set<ManagedCluster> clusters = context.getSecondaryResources(ManagedCluster.class);
    List<String> members = ClusterSetMembership.members(set, clusters);
    boolean empty = members.isEmpty();
    if (ConditionsApply.setAndApply(
        context.getClient(),
        set,
        set.getStatus() == null ? null : set.getStatus().getConditions(),
        FIELD_MANAGER,
        ManagedClusterSet.CONDITION_EMPTY,
        empty ? Conditions.TRUE : Conditions.FALSE,
        empty ? "NoClusterMatched" : "ClustersSelected",
        empty ? "No ManagedCluster selected" : members.size() + " ManagedClusters selected",
        clock.instant())) {
      LOG.info(
          "reconciled managedclusterset={} outcome=status members={}",
          set.getMetadata().getName(),
          members.size());
    }
    return UpdateControl.noUpdate();
  }
}
