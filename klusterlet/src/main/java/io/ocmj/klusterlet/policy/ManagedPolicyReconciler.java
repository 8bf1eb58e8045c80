package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyStatus;
import io.ocmj.api.policy.v1.PolicyTemplate;
import io.ocmj.klusterlet.status.StatusApply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For each Policy in the cluster namespace of the managed cluster: template sync ({@link
 * TemplateSync}), then status sync: the compliance events become the Policy's status ({@link
 * PolicyStatusDesired}), written on the managed Policy and on its hub replica. A Policy whose hub
 * replica is gone is deleted (the agent may have missed the deletion while down).
 */
// After a long outage JOSDK's retries run out; the interval brings the policy back by itself.
@ControllerConfiguration(
    name = "policy-status-sync",
    finalizerName = ManagedPolicyReconciler.FINALIZER_TEMPLATE_CLEANUP,
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 1, timeUnit = TimeUnit.MINUTES))
final class ManagedPolicyReconciler implements Reconciler<Policy>, Cleaner<Policy> {
  static final String FIELD_MANAGER = "ocmj-policy-status-sync";

  /**
   * OCM's finalizer for what a policy put on the cluster that owner references cannot remove: its
   * cluster-scoped Gatekeeper templates and constraints.
   */
  static final String FINALIZER_TEMPLATE_CLEANUP =
      "policy.open-cluster-management.io/template-cleanup";

  private static final Logger LOG = LoggerFactory.getLogger(ManagedPolicyReconciler.class);

  /** How soon a cleanup that could not remove Gatekeeper objects tries again. */
  private static final Duration CLEANUP_RETRY = Duration.ofSeconds(10);

  private final KubernetesClient managed;
  private final KubernetesClient hub;
  private final PolicyAgentConfig config;
  private final TemplateSync templates;
  private final PolicyReportWriter reports;

  ManagedPolicyReconciler(
      KubernetesClient managed,
      KubernetesClient hub,
      PolicyAgentConfig config,
      PolicyReportWriter reports) {
    this.managed = managed;
    this.hub = hub;
    this.config = config;
    this.reports = reports;
    this.templates = new TemplateSync(managed, config.clusterName());
  }

  @Override
  public List<EventSource<?, Policy>> prepareEventSources(EventSourceContext<Policy> context) {
    InformerEventSourceConfiguration<Event> events =
        InformerEventSourceConfiguration.from(Event.class, Policy.class)
            .withNamespaces(Set.of(config.clusterName()))
            .withSecondaryToPrimaryMapper(
                e ->
                    e.getInvolvedObject() != null
                            && Policy.KIND.equals(e.getInvolvedObject().getKind())
                        ? Set.of(
                            new ResourceID(e.getInvolvedObject().getName(), config.clusterName()))
                        : Set.of())
            .build();
    InformerEventSourceConfiguration<ConfigurationPolicy> configPolicies =
        InformerEventSourceConfiguration.from(ConfigurationPolicy.class, Policy.class)
            .withNamespaces(Set.of(config.clusterName()))
            .withLabelSelector(Policy.LABEL_POLICY)
            .withSecondaryToPrimaryMapper(
                cp ->
                    Set.of(
                        new ResourceID(
                            cp.getMetadata().getLabels().get(Policy.LABEL_POLICY),
                            config.clusterName())))
            .build();
    return List.of(
        new InformerEventSource<>(events, context),
        new InformerEventSource<>(configPolicies, context));
  }

  @Override
  public UpdateControl<Policy> reconcile(Policy policy, Context<Policy> context) {
    Policy hubReplica =
        hub.resources(Policy.class)
            .inNamespace(config.clusterName())
            .withName(policy.getMetadata().getName())
            .get();
    if (hubReplica == null) {
      managed.resource(policy).delete();
      LOG.info(
          "cluster {}: policy {} is no longer on the hub, deleted",
          config.clusterName(),
          policy.getMetadata().getName());
      return UpdateControl.noUpdate();
    }
    Map<String, ConfigurationPolicy> existingTemplates = new HashMap<>();
    context
        .getSecondaryResources(ConfigurationPolicy.class)
        .forEach(cp -> existingTemplates.put(cp.getMetadata().getName(), cp));
    TemplateSync.Outcome outcome = templates.sync(policy, existingTemplates);
    List<Event> events =
        new ArrayList<>(
            managed
                .v1()
                .events()
                .inNamespace(config.clusterName())
                .withField("involvedObject.uid", policy.getMetadata().getUid())
                .list()
                .getItems());
    // The latest message per template comes from the events just read, not from the cached
    // status, which may not show this agent's last write yet: a message is reported once.
    PolicyStatus current = PolicyStatusDesired.compute(policy, events);
    outcome
        .messages()
        .forEach(
            (template, message) -> {
              if (!message.equals(PolicyStatusDesired.latestMessage(current, template))) {
                events.add(report(policy, template, message));
              }
            });
    PolicyStatus status = PolicyStatusDesired.compute(policy, events);
    Map<String, Object> wanted = KubeClusterView.asMap(status);
    boolean managedWritten = false;
    if (policy.getStatus() == null || !KubeClusterView.asMap(policy.getStatus()).equals(wanted)) {
      StatusApply.apply(managed, policy, wanted, FIELD_MANAGER);
      managedWritten = true;
      reports.policiesChanged();
    }
    boolean hubWritten = false;
    if (hubReplica.getStatus() == null
        || !Objects.equals(KubeClusterView.asMap(hubReplica.getStatus()), wanted)) {
      StatusApply.apply(hub, hubReplica, wanted, FIELD_MANAGER);
      hubWritten = true;
    }
    LOG.info(
        "reconciled policy={}/{} compliant={} managed_status_written={} hub_status_written={}",
        config.clusterName(),
        policy.getMetadata().getName(),
        status.getCompliant(),
        managedWritten,
        hubWritten);
    return UpdateControl.<Policy>noUpdate().rescheduleAfter(config.resync());
  }

  /** Emits the template-sync message for a template. */
  private Event report(Policy policy, String template, String message) {
    GenericKubernetesResource ref = new GenericKubernetesResource();
    ref.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    ref.getMetadata().setName(template);
    ref.getMetadata().setNamespace(config.clusterName());
    String apiVersion = Policy.API_VERSION;
    String kind = ConfigurationPolicy.KIND;
    for (PolicyTemplate t : policy.getSpec().getPolicyTemplates()) {
      if (t.getObjectDefinition() != null && template.equals(t.getObjectDefinition().name())) {
        apiVersion = t.getObjectDefinition().apiVersion();
        kind = t.getObjectDefinition().kind();
      }
    }
    return ComplianceEvents.emit(
        managed, policy, ref, apiVersion, kind, message, config.clock().instant());
  }

  @Override
  public DeleteControl cleanup(Policy policy, Context<Policy> context) {
    try {
      templates.removeGatekeeper(policy);
    } catch (RuntimeException e) {
      LOG.warn(
          "cluster {}: policy {}: Gatekeeper objects not removed yet: {}",
          config.clusterName(),
          policy.getMetadata().getName(),
          e.getMessage());
      return DeleteControl.noFinalizerRemoval()
          .rescheduleAfter(
              config.resync().compareTo(CLEANUP_RETRY) < 0 ? config.resync() : CLEANUP_RETRY);
    }
    reports.policiesChanged();
    return DeleteControl.defaultDelete();
  }
}
