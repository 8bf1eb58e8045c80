package io.ocmj.hub.policy;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1beta1.PolicySet;
import io.ocmj.hub.InformerCaches;
import io.ocmj.hub.status.ConditionsApply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps each PolicySet's status ({@link PolicySetStatusDesired}); runs again when a member root
 * policy or a binding in its namespace changes. Propagation of the members is the policy
 * propagator's.
 */
@ControllerConfiguration(name = "policyset-status")
public final class PolicySetReconciler implements Reconciler<PolicySet> {
  static final String FIELD_MANAGER = "ocmj-policyset-status";

  @Override
  public List<EventSource<?, PolicySet>> prepareEventSources(
      EventSourceContext<PolicySet> context) {
    InformerEventSourceConfiguration<Policy> roots =
        InformerEventSourceConfiguration.from(Policy.class, PolicySet.class)
            .withName("root-policies")
            .withLabelSelector("!" + Policy.LABEL_ROOT_POLICY)
            .withSecondaryToPrimaryMapper(p -> setsIn(context, p.getMetadata().getNamespace()))
            .build();
    InformerEventSourceConfiguration<PlacementBinding> bindings =
        InformerEventSourceConfiguration.from(PlacementBinding.class, PolicySet.class)
            .withSecondaryToPrimaryMapper(b -> setsIn(context, b.getMetadata().getNamespace()))
            .build();
    return List.of(
        new InformerEventSource<>(roots, context), new InformerEventSource<>(bindings, context));
  }

  private static Set<ResourceID> setsIn(EventSourceContext<PolicySet> context, String namespace) {
    return context
        .getPrimaryCache()
        .list(namespace)
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  @Override
  public UpdateControl<PolicySet> reconcile(PolicySet set, Context<PolicySet> context) {
    String ns = set.getMetadata().getNamespace();
    Map<String, Policy> roots = new HashMap<>();
    InformerCaches.list(context, Policy.class, ns)
        .forEach(p -> roots.put(p.getMetadata().getName(), p));
    ConditionsApply.applyStatusIfChanged(
        context.getClient(),
        set,
        FIELD_MANAGER,
        set.getStatus(),
        PolicySetStatusDesired.compute(
            set, InformerCaches.list(context, PlacementBinding.class, ns), roots));
    return UpdateControl.noUpdate();
  }
}
