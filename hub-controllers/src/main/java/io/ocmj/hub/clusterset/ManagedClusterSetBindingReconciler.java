package io.ocmj.hub.clusterset;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.status.ConditionsApply;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A binding makes a set usable by placements in its namespace: Bound is True only while the set
 * exists and the binding is named after it (OCM's webhook rejects other names; without a webhook,
 * ocmj reports it instead).
 */
@ControllerConfiguration(name = "managedclustersetbinding", generationAwareEventProcessing = false)
public final class ManagedClusterSetBindingReconciler
    implements Reconciler<ManagedClusterSetBinding> {
  static final String FIELD_MANAGER = "ocmj-clusterset";
  private static final Logger LOG =
      LoggerFactory.getLogger(ManagedClusterSetBindingReconciler.class);
  private final Clock clock;

  public ManagedClusterSetBindingReconciler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, ManagedClusterSetBinding>> prepareEventSources(
      EventSourceContext<ManagedClusterSetBinding> context) {
    InformerEventSourceConfiguration<ManagedClusterSet> sets =
        InformerEventSourceConfiguration.from(
                ManagedClusterSet.class, ManagedClusterSetBinding.class)
            .withSecondaryToPrimaryMapper(
                set ->
                    context
                        .getPrimaryCache()
                        .list(
                            b ->
                                b.getSpec() != null
                                    && set.getMetadata()
                                        .getName()
                                        .equals(b.getSpec().getClusterSet()))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return List.of(new InformerEventSource<>(sets, context));
  }

  @Override
  public UpdateControl<ManagedClusterSetBinding> reconcile(
      ManagedClusterSetBinding binding, Context<ManagedClusterSetBinding> context) {
    String wanted = binding.getSpec() == null ? null : binding.getSpec().getClusterSet();
    String name = binding.getMetadata().getName();
    String status;
    String reason;
    String message;
    if (wanted == null || !wanted.equals(name)) {
      status = Conditions.FALSE;
      reason = "InvalidBinding";
      message =
          "ManagedClusterSetBinding "
              + binding.getMetadata().getNamespace()
              + "/"
              + name
              + ": spec.clusterSet must equal the binding's name, was "
              + wanted;
    } else if (context.getClient().resources(ManagedClusterSet.class).withName(wanted).get()
        == null) {
      status = Conditions.FALSE;
      reason = "ClusterSetNotFound";
      message = "Failed to find ManagedClusterSet " + wanted;
    } else {
      status = Conditions.TRUE;
      reason = "ClusterSetBound";
      message = "";
    }
    if (ConditionsApply.setAndApply(
        context.getClient(),
        binding,
        binding.getStatus() == null ? null : binding.getStatus().getConditions(),
        FIELD_MANAGER,
        ManagedClusterSetBinding.CONDITION_BOUND,
        status,
        reason,
        message,
        clock.instant())) {
      LOG.info(
          "reconciled managedclustersetbinding={}/{} outcome={}",
          binding.getMetadata().getNamespace(),
          name,
          reason);
    }
    return UpdateControl.noUpdate();
  }
}
