package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocmj.api.gatekeeper.v1.ConstraintTemplate;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.klusterlet.status.StatusApply;
import io.ocmj.policy.rego.ConstraintTemplateSource;
import io.ocmj.policy.rego.RegoException;
import io.ocmj.policy.rego.RegoModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gatekeeper's audit without Gatekeeper: for each ConstraintTemplate a policy put on the cluster,
 * the Wasm module the hub compiled (from {@code ocmj-rego-<hash>} in the cluster namespace on the
 * hub) judges every object each constraint of its kind matches; the constraint's status gets
 * Gatekeeper's audit fields and the owning Policy a compliance event with OCM's constraint
 * messages. Runs again every evaluation interval. There is no admission webhook: {@code deny} means
 * audit and report NonCompliant.
 */
@ControllerConfiguration(
    name = "constraint-audit",
    informer = @Informer(labelSelector = Policy.LABEL_POLICY))
final class ConstraintAuditor implements Reconciler<ConstraintTemplate> {
  static final String FIELD_MANAGER = "ocmj-constraint-audit";
  private static final Logger LOG = LoggerFactory.getLogger(ConstraintAuditor.class);

  private final KubernetesClient managed;
  private final KubernetesClient hub;
  private final PolicyAgentConfig config;
  private final Map<String, RegoModule> modules = new ConcurrentHashMap<>();
  private final Map<String, String> lastReported = new ConcurrentHashMap<>();

  private final PolicyReportWriter reports;

  ConstraintAuditor(
      KubernetesClient managed,
      KubernetesClient hub,
      PolicyAgentConfig config,
      PolicyReportWriter reports) {
    this.managed = managed;
    this.hub = hub;
    this.config = config;
    this.reports = reports;
  }

  /** The constraint kind a ConstraintTemplate object defines. */
  static Object constraintKind(Map<String, Object> template) {
    return template.get("spec") instanceof Map<?, ?> spec
            && spec.get("crd") instanceof Map<?, ?> crd
            && crd.get("spec") instanceof Map<?, ?> crdSpec
            && crdSpec.get("names") instanceof Map<?, ?> names
        ? names.get("kind")
        : null;
  }

  @Override
  public UpdateControl<ConstraintTemplate> reconcile(
      ConstraintTemplate template, Context<ConstraintTemplate> context) {
    Map<String, String> annotations = template.getMetadata().getAnnotations();
    String hash =
        annotations == null ? null : annotations.get(ConstraintTemplate.ANNOTATION_REGO_WASM);
    if (hash == null) {
      return UpdateControl.noUpdate(); // compile errors are template sync's to report
    }
    Map<String, Object> fields = KubeClusterView.asMap(template);
    try {
      RegoModule module = module(hash, fields);
      String kind = String.valueOf(constraintKind(fields));
      ConstraintAudit audit =
          new ConstraintAudit(managed, module, namespaces(), config.regoTimeLimit());
      List<PolicyReports.Entry> results = new ArrayList<>();
      for (GenericKubernetesResource constraint :
          managed.genericKubernetesResources(ConstraintAudit.API_VERSION, kind).list().getItems()) {
        Instant now = config.clock().instant();
        Map<String, Object> object = KubeClusterView.asMap(constraint);
        ConstraintAudit.Result result = audit.run(object, now);
        PolicyMetrics.evaluated("gatekeeper", PolicyMetrics.ofMessage(result.message()));
        if (result.status() != null) {
          StatusApply.apply(managed, constraint, result.status(), FIELD_MANAGER);
        } else {
          LOG.warn(
              "constraint {} {}: {}", kind, constraint.getMetadata().getName(), result.error());
        }
        report(constraint, kind, result.message());
        results.addAll(PolicyReports.constraint(object, kind, result, now));
      }
      reports.publish(
          PolicyReportWriter.constraintTemplateSource(template.getMetadata().getName()), results);
    } catch (RegoException e) {
      LOG.warn("constrainttemplate {}: {}", template.getMetadata().getName(), e.getMessage());
    }
    return UpdateControl.<ConstraintTemplate>noUpdate()
        .rescheduleAfter(config.evaluationInterval());
  }

  private RegoModule module(String hash, Map<String, Object> template) throws RegoException {
    RegoModule cached = modules.get(hash);
    if (cached == null) {
      byte[] wasm = WasmArtifacts.read(hub, config.clusterName(), hash);
      cached = RegoModule.load(wasm, ConstraintTemplateSource.of(template).entrypoint());
      modules.put(hash, cached);
    }
    return cached;
  }

  private Map<String, Map<String, Object>> namespaces() {
    Map<String, Map<String, Object>> byName = new HashMap<>();
    for (Namespace ns : managed.namespaces().list().getItems()) {
      byName.put(ns.getMetadata().getName(), KubeClusterView.asMap(ns));
    }
    return byName;
  }

  /** Emits the constraint's compliance event on its policy when the message changed. */
  private void report(GenericKubernetesResource constraint, String kind, String message) {
    String uid = constraint.getMetadata().getUid();
    if (message.equals(lastReported.get(uid))) {
      return;
    }
    String policyName = constraint.getMetadata().getLabels().get(Policy.LABEL_POLICY);
    Policy policy =
        managed
            .resources(Policy.class)
            .inNamespace(config.clusterName())
            .withName(policyName)
            .get();
    if (policy == null) {
      return;
    }
    if (!message.equals(
        PolicyStatusDesired.latestMessage(
            policy.getStatus(), constraint.getMetadata().getName()))) {
      ComplianceEvents.emit(
          managed,
          policy,
          constraint,
          ConstraintAudit.API_VERSION,
          kind,
          message,
          config.clock().instant());
    }
    lastReported.put(uid, message);
  }
}
