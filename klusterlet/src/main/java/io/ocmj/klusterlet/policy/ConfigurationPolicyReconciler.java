package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.ConfigurationPolicyStatus;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.klusterlet.status.StatusApply;
import io.ocmj.policy.config.ConfigPolicyEvaluator;
import io.ocmj.policy.config.ConfigPolicyStatuses;
import io.ocmj.policy.config.Evaluation;
import io.ocmj.policy.config.EvaluationSchedule;
import io.ocmj.policy.config.Pruning;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config-policy controller: evaluates each ConfigurationPolicy with the policy engine against
 * the managed cluster (enforcing when asked), writes its status, and reports each change of its
 * message as a compliance event on the owning Policy. Evaluates again after its evaluationInterval
 * (the agent's poll interval for {@code watch}); deleting it prunes per pruneObjectBehavior.
 */
@ControllerConfiguration(
    name = "configuration-policy",
    finalizerName = ConfigurationPolicy.FINALIZER_PRUNE,
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 1, timeUnit = TimeUnit.MINUTES))
final class ConfigurationPolicyReconciler
    implements Reconciler<ConfigurationPolicy>, Cleaner<ConfigurationPolicy> {
  static final String FIELD_MANAGER = "ocmj-config-policy";
  private static final Logger LOG = LoggerFactory.getLogger(ConfigurationPolicyReconciler.class);

  private final KubernetesClient managed;
  private final PolicyAgentConfig config;
  private final Map<String, String> lastReported = new ConcurrentHashMap<>();

  private final PolicyReportWriter reports;

  ConfigurationPolicyReconciler(
      KubernetesClient managed, PolicyAgentConfig config, PolicyReportWriter reports) {
    this.managed = managed;
    this.config = config;
    this.reports = reports;
  }

  @Override
  public UpdateControl<ConfigurationPolicy> reconcile(
      ConfigurationPolicy policy, Context<ConfigurationPolicy> context) {
    Instant now = config.clock().instant();
    ConfigurationPolicyStatus previous = policy.getStatus();
    Optional<java.time.Duration> wait =
        EvaluationSchedule.untilNext(policy, now, config.evaluationInterval());
    String source = PolicyReportWriter.configurationPolicySource(policy.getMetadata().getName());
    if (wait.isEmpty() || !wait.get().isZero()) {
      // Not evaluated now: after a restart the last evaluation's results still belong in the
      // report.
      reports.publishIfAbsent(source, () -> PolicyReports.configurationPolicy(policy, now));
    }
    if (wait.isPresent() && !wait.get().isZero()) {
      return UpdateControl.<ConfigurationPolicy>noUpdate().rescheduleAfter(wait.get());
    }
    if (wait.isEmpty()) {
      return UpdateControl.noUpdate(); // "never" in this state, and the spec did not change
    }
    Evaluation evaluation =
        ConfigPolicyEvaluator.evaluate(
            policy, new KubeClusterView(managed), ConfigPolicyEvaluator.Options.enforcing());
    PolicyMetrics.evaluated("configuration", evaluation.compliant());
    ConfigurationPolicyStatus status =
        ConfigPolicyStatuses.build(previous, evaluation, policy.getMetadata().getGeneration(), now);
    // The event goes first: if the status write then fails, the retry reports again (a repeat
    // beats a loss); the last reported message per policy stops repeats within this agent.
    String message = status.getHistory().get(0).getMessage();
    boolean reported = false;
    String previousMessage =
        previous == null || previous.getHistory().isEmpty()
            ? null
            : previous.getHistory().get(0).getMessage();
    String uid = policy.getMetadata().getUid();
    if (!message.equals(lastReported.getOrDefault(uid, previousMessage))) {
      reported = report(policy, message, now);
      lastReported.put(uid, message);
    }
    boolean changed = changed(previous, status);
    if (changed) {
      StatusApply.apply(managed, policy, KubeClusterView.asMap(status), FIELD_MANAGER);
    }
    LOG.info(
        "reconciled configurationpolicy={}/{} compliant={} status_written={} reported={}",
        policy.getMetadata().getNamespace(),
        policy.getMetadata().getName(),
        evaluation.compliant(),
        changed,
        reported);
    policy.setStatus(status);
    reports.publish(source, PolicyReports.configurationPolicy(policy, now));
    return EvaluationSchedule.untilNext(policy, now, config.evaluationInterval())
        .map(
            d ->
                UpdateControl.<ConfigurationPolicy>noUpdate()
                    .rescheduleAfter(d.isZero() ? config.evaluationInterval() : d))
        .orElse(UpdateControl.noUpdate());
  }

  /** Whether anything but the evaluation time changed (writing only then keeps the API quiet). */
  private static boolean changed(
      ConfigurationPolicyStatus before, ConfigurationPolicyStatus after) {
    if (before == null) {
      return true;
    }
    Map<String, Object> a = KubeClusterView.asMap(before);
    Map<String, Object> b = KubeClusterView.asMap(after);
    a.remove("lastEvaluated");
    b.remove("lastEvaluated");
    return !Objects.equals(a, b);
  }

  private boolean report(ConfigurationPolicy policy, String message, Instant now) {
    Optional<OwnerReference> owner =
        policy.getMetadata().getOwnerReferences().stream()
            .filter(o -> Policy.KIND.equals(o.getKind()))
            .findFirst();
    if (owner.isEmpty()) {
      return false; // not created from a Policy: its status is the only report
    }
    Policy ownerRef = new Policy();
    ownerRef.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    ownerRef.getMetadata().setName(owner.get().getName());
    ownerRef.getMetadata().setNamespace(policy.getMetadata().getNamespace());
    ownerRef.getMetadata().setUid(owner.get().getUid());
    ComplianceEvents.emit(
        managed, ownerRef, policy, Policy.API_VERSION, ConfigurationPolicy.KIND, message, now);
    return true;
  }

  @Override
  public DeleteControl cleanup(ConfigurationPolicy policy, Context<ConfigurationPolicy> context) {
    Pruning.Plan plan = Pruning.plan(policy);
    KubeClusterView view = new KubeClusterView(managed);
    for (Pruning.Target target : plan.targets()) {
      try {
        Pruning.prune(view, target);
      } catch (Exception e) {
        LOG.warn(
            "configurationpolicy {}/{}: Error cleaning up child objects: {}",
            policy.getMetadata().getNamespace(),
            policy.getMetadata().getName(),
            e.getMessage());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.evaluationInterval());
      }
    }
    lastReported.remove(policy.getMetadata().getUid());
    reports.retract(PolicyReportWriter.configurationPolicySource(policy.getMetadata().getName()));
    return DeleteControl.defaultDelete();
  }
}
