package io.ocmj.hub.policy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
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
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1beta1.PolicySet;
import io.ocmj.hub.InformerCaches;
import io.ocmj.hub.status.ConditionsApply;
import io.ocmj.hub.status.Events;
import io.ocmj.policy.rego.RegoCompiler;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Propagates root Policies: writes the replicated Policy into each selected cluster's namespace
 * ({@link PolicyPropagation}, {@link ReplicatedPolicies}), deletes replicas of clusters no longer
 * selected, and aggregates the replicas' compliance into the root's status. Runs again when a
 * binding, PolicySet, decision, replica or cluster changes; deleting a root deletes its replicas.
 */
@ControllerConfiguration(
    name = "policy-propagator",
    finalizerName = PolicyPropagatorReconciler.FINALIZER,
    generationAwareEventProcessing = false,
    informer = @Informer(labelSelector = "!" + Policy.LABEL_ROOT_POLICY))
public final class PolicyPropagatorReconciler implements Reconciler<Policy>, Cleaner<Policy> {
  static final String FINALIZER = Policy.GROUP + "/propagator-cleanup";
  static final String FIELD_MANAGER = "ocmj-policy-propagator";

  /** Hub templates read Secrets and ConfigMaps nobody watches: re-resolve this often. */
  static final Duration TEMPLATE_RESYNC = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(PolicyPropagatorReconciler.class);
  private final Clock clock;
  private final Map<String, Long> written = new ConcurrentHashMap<>();
  private final RegoArtifacts rego;

  /**
   * @param compiler compiles ConstraintTemplates' Rego; null when the hub has no opa binary
   */
  public PolicyPropagatorReconciler(Clock clock, RegoCompiler compiler) {
    this.clock = clock;
    this.rego = new RegoArtifacts(compiler);
  }

  @Override
  public List<EventSource<?, Policy>> prepareEventSources(EventSourceContext<Policy> context) {
    InformerEventSourceConfiguration<PlacementBinding> bindings =
        InformerEventSourceConfiguration.from(PlacementBinding.class, Policy.class)
            .withSecondaryToPrimaryMapper(b -> rootsIn(context, b.getMetadata().getNamespace()))
            .build();
    InformerEventSourceConfiguration<PolicySet> sets =
        InformerEventSourceConfiguration.from(PolicySet.class, Policy.class)
            .withSecondaryToPrimaryMapper(s -> rootsIn(context, s.getMetadata().getNamespace()))
            .build();
    InformerEventSourceConfiguration<PlacementDecision> decisions =
        InformerEventSourceConfiguration.from(PlacementDecision.class, Policy.class)
            .withSecondaryToPrimaryMapper(d -> rootsIn(context, d.getMetadata().getNamespace()))
            .build();
    InformerEventSourceConfiguration<Policy> replicas =
        InformerEventSourceConfiguration.from(Policy.class, Policy.class)
            .withName("replicated-policies")
            .withLabelSelector(Policy.LABEL_ROOT_POLICY)
            .withSecondaryToPrimaryMapper(PolicyPropagatorReconciler::rootOf)
            .build();
    InformerEventSourceConfiguration<ManagedCluster> clusters =
        InformerEventSourceConfiguration.from(ManagedCluster.class, Policy.class)
            .withSecondaryToPrimaryMapper(
                c ->
                    context
                        .getPrimaryCache()
                        .list(PolicyPropagatorReconciler::hasHubTemplates)
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .withOnUpdateFilter(
                (a, b) ->
                    !java.util.Objects.equals(
                        a.getMetadata().getLabels(), b.getMetadata().getLabels()))
            .build();
    return List.of(
        new InformerEventSource<>(bindings, context),
        new InformerEventSource<>(sets, context),
        new InformerEventSource<>(decisions, context),
        new InformerEventSource<>(replicas, context),
        new InformerEventSource<>(clusters, context));
  }

  private static Set<ResourceID> rootsIn(EventSourceContext<Policy> context, String namespace) {
    return context
        .getPrimaryCache()
        .list(namespace)
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static Set<ResourceID> rootOf(Policy replica) {
    String root = replica.getMetadata().getLabels().get(Policy.LABEL_ROOT_POLICY);
    int dot = root == null ? -1 : root.indexOf('.');
    return dot < 0
        ? Set.of()
        : Set.of(new ResourceID(root.substring(dot + 1), root.substring(0, dot)));
  }

  static boolean hasHubTemplates(Policy root) {
    return Serialization.asJson(root.getSpec()).contains(HubTemplates.LEFT);
  }

  @Override
  public UpdateControl<Policy> reconcile(Policy root, Context<Policy> context) {
    KubernetesClient client = context.getClient();
    String ns = root.getMetadata().getNamespace();
    List<PolicySet> sets = InformerCaches.list(context, PolicySet.class, ns);
    PolicyPropagation.Plan plan =
        PolicyPropagation.plan(
            root,
            InformerCaches.list(context, PlacementBinding.class, ns),
            sets,
            decisionsByPlacement(InformerCaches.list(context, PlacementDecision.class, ns)));
    Map<String, Policy> existing = replicas(context, root);
    Map<String, ManagedCluster> clusters = new HashMap<>();
    InformerCaches.list(context, ManagedCluster.class)
        .forEach(c -> clusters.put(c.getMetadata().getName(), c));
    ReplicaWriter writer =
        new ReplicaWriter(client, new ClientHubReads(client), FIELD_MANAGER, written, rego);
    int written = 0;
    for (Map.Entry<String, Boolean> target : plan.clusters().entrySet()) {
      ManagedCluster cluster = clusters.get(target.getKey());
      if (cluster == null) {
        continue; // no cluster, no namespace: nothing to write into
      }
      ReplicaWriter.Outcome outcome =
          writer.write(root, cluster, target.getValue(), existing.get(target.getKey()), sets);
      if (outcome.written()) {
        written++;
        outcome
            .templateErrors()
            .forEach(
                error ->
                    Events.warning(
                        client,
                        root,
                        "PolicyTemplatesError",
                        "Failed to resolve templates for cluster " + target.getKey() + ": " + error,
                        clock));
      }
    }
    int deleted = writer.deleteOthers(existing, plan.clusters().keySet());
    Map<String, String> states = new HashMap<>();
    existing.forEach(
        (cluster, replica) ->
            states.put(
                cluster, replica.getStatus() == null ? "" : replica.getStatus().getCompliant()));
    boolean statusWritten =
        ConditionsApply.applyStatusIfChanged(
            client,
            root,
            FIELD_MANAGER,
            root.getStatus(),
            ComplianceAggregation.root(plan, states));
    LOG.info(
        "reconciled policy={}/{} clusters={} written={} deleted={} status_written={}",
        ns,
        root.getMetadata().getName(),
        plan.clusters().size(),
        written,
        deleted,
        statusWritten);
    return hasHubTemplates(root)
        ? UpdateControl.<Policy>noUpdate().rescheduleAfter(TEMPLATE_RESYNC)
        : UpdateControl.noUpdate();
  }

  private static Map<String, List<String>> decisionsByPlacement(List<PlacementDecision> decisions) {
    Map<String, List<String>> byPlacement = new HashMap<>();
    for (PlacementDecision d : decisions) {
      String placement =
          d.getMetadata().getLabels() == null
              ? null
              : d.getMetadata().getLabels().get(PlacementDecision.LABEL_PLACEMENT);
      if (placement == null || d.getStatus() == null) {
        continue;
      }
      List<String> clusters =
          byPlacement.computeIfAbsent(placement, k -> new java.util.ArrayList<>());
      d.getStatus().getDecisions().forEach(c -> clusters.add(c.getClusterName()));
    }
    return byPlacement;
  }

  private static Map<String, Policy> replicas(Context<Policy> context, Policy root) {
    String id = Policy.replicaName(root.getMetadata().getNamespace(), root.getMetadata().getName());
    Map<String, Policy> byCluster = new HashMap<>();
    context
        .getSecondaryResourcesAsStream(Policy.class)
        .filter(p -> id.equals(p.getMetadata().getLabels().get(Policy.LABEL_ROOT_POLICY)))
        .forEach(p -> byCluster.put(p.getMetadata().getNamespace(), p));
    return byCluster;
  }

  @Override
  public DeleteControl cleanup(Policy root, Context<Policy> context) {
    String id = Policy.replicaName(root.getMetadata().getNamespace(), root.getMetadata().getName());
    context
        .getClient()
        .resources(Policy.class)
        .inAnyNamespace()
        .withLabel(Policy.LABEL_ROOT_POLICY, id)
        .delete();
    return DeleteControl.defaultDelete();
  }
}
