package io.ocmj.klusterlet.work;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.AppliedManifestResourceMeta;
import io.ocmj.api.work.v1.AppliedManifestWork;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestConfigOption;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import io.ocmj.api.work.v1.ManifestWorkStatus;
import io.ocmj.klusterlet.status.StatusApply;
import io.ocmj.klusterlet.work.ApplyOrder.GroupKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one ManifestWork of the agent's cluster namespace to the managed cluster: records it in
 * its AppliedManifestWork, applies the manifests in dependency order, lets go of resources dropped
 * from the work, and writes the work's status when it changed. Deleting the work removes what it
 * applied (as its deleteOption says) before the finalizer goes.
 */
@ControllerConfiguration(name = "manifestwork-agent")
public final class ManifestWorkReconciler
    implements Reconciler<ManifestWork>, Cleaner<ManifestWork> {
  static final String FIELD_MANAGER = "ocmj-work-agent";
  private static final Logger LOG = LoggerFactory.getLogger(ManifestWorkReconciler.class);
  static final String APPLY_DURATION = "ocmj_work_apply_duration_seconds";

  private final WorkAgentConfig config;
  private final ManifestApplier applier;
  private final AppliedWorks appliedWorks;
  private final Releases releases;
  private final Clock clock;

  ManifestWorkReconciler(WorkAgentConfig config, KubernetesClient managed, String hubUrl) {
    this.config = config;
    this.applier =
        new ManifestApplier(managed, new ResourceMapping(managed), config.maxRawFeedbackBytes());
    this.appliedWorks = new AppliedWorks(managed, hubUrl, FIELD_MANAGER);
    this.releases = new Releases(managed);
    this.clock = config.clock();
  }

  @Override
  public UpdateControl<ManifestWork> reconcile(ManifestWork work, Context<ManifestWork> context) {
    long started = System.nanoTime();
    AppliedManifestWork applied = appliedWorks.ensure(work);
    // The CRD requires manifests inside a workload, but not a spec: a spec-less work applies
    // nothing.
    ManifestWorkSpec spec = work.getSpec() == null ? new ManifestWorkSpec() : work.getSpec();
    List<Manifest> manifests = spec.getWorkload().getManifests();
    List<ManifestConfigOption> configs = spec.getManifestConfigs();
    Map<String, Object> owner = AppliedWorks.ownerReference(applied);
    ManifestOutcome[] outcomes = new ManifestOutcome[manifests.size()];
    List<GroupKind> kinds =
        manifests.stream().map(m -> GroupKind.of(m.apiVersion(), m.kind())).toList();
    for (int ordinal : ApplyOrder.order(kinds)) {
      outcomes[ordinal] = applier.apply(ordinal, manifests.get(ordinal), configs, owner);
    }
    List<ManifestOutcome> results = Arrays.asList(outcomes);
    List<AppliedManifestResourceMeta> dropped = dropped(applied, results);
    List<AppliedManifestResourceMeta> pending = release(work, applied, dropped);
    appliedWorks.record(applied, appliedResources(results, pending));
    ManifestWorkStatus status =
        WorkStatusDesired.status(
            work.getStatus(), results, work.getMetadata().getGeneration(), clock.instant());
    boolean written = writeStatus(context.getClient(), work, status);
    boolean retrying = results.stream().anyMatch(o -> o.apply() == ManifestOutcome.Apply.RETRYING);
    boolean failed = results.stream().anyMatch(o -> o.apply() == ManifestOutcome.Apply.FAILED);
    String outcome = retrying ? "retrying" : failed ? "failed" : "applied";
    Timer.builder(APPLY_DURATION)
        .description("How long applying a ManifestWork's manifests and reporting them takes")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(Metrics.globalRegistry)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    LOG.info(
        "reconciled manifestwork={}/{} outcome={} manifests={} released={} status_written={}"
            + " duration_ms={}",
        work.getMetadata().getNamespace(),
        work.getMetadata().getName(),
        outcome,
        manifests.size(),
        dropped.size() - pending.size(),
        written,
        (System.nanoTime() - started) / 1_000_000);
    return UpdateControl.<ManifestWork>noUpdate()
        .rescheduleAfter(
            retrying
                ? config.retry()
                // a failed manifest (refused, conflicting) comes back as soon as feedback would
                : failed
                    ? config.feedbackResync()
                    : config.nextResync(
                        hasRules(configs),
                        java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
  }

  /** Whether any manifest's status comes from feedback or condition rules (read, not applied). */
  static boolean hasRules(List<ManifestConfigOption> configs) {
    return configs != null
        && configs.stream()
            .anyMatch(
                c ->
                    (c.getFeedbackRules() != null && !c.getFeedbackRules().isEmpty())
                        || (c.getConditionRules() != null && !c.getConditionRules().isEmpty()));
  }

  /** Resources applied before that the work no longer has. */
  private static List<AppliedManifestResourceMeta> dropped(
      AppliedManifestWork applied, List<ManifestOutcome> results) {
    return previous(applied).stream()
        .filter(
            before ->
                results.stream()
                    .noneMatch(o -> o.key() != null && o.owned() && o.key().sameObject(before)))
        .toList();
  }

  /** Releases {@code dropped} as the deleteOption says; returns those still being deleted. */
  private List<AppliedManifestResourceMeta> release(
      ManifestWork work, AppliedManifestWork applied, List<AppliedManifestResourceMeta> dropped) {
    List<AppliedManifestResourceMeta> pending = new ArrayList<>();
    for (AppliedManifestResourceMeta resource : dropped) {
      boolean orphan =
          Releases.orphaned(
              work.getSpec() == null ? null : work.getSpec().getDeleteOption(), resource);
      if (!releases.release(resource, applied.getMetadata().getUid(), orphan)) {
        pending.add(resource);
      }
    }
    return pending;
  }

  /** What to record: this pass's resources, and dropped ones still being deleted. */
  private static List<AppliedManifestResourceMeta> appliedResources(
      List<ManifestOutcome> results, List<AppliedManifestResourceMeta> pending) {
    List<AppliedManifestResourceMeta> resources = new ArrayList<>();
    for (ManifestOutcome outcome : results) {
      if (outcome.key() != null && outcome.owned() && outcome.uid() != null) {
        resources.add(outcome.key().applied(outcome.uid()));
      }
    }
    resources.addAll(pending);
    return resources;
  }

  private static List<AppliedManifestResourceMeta> previous(AppliedManifestWork applied) {
    return applied.getStatus() == null ? List.of() : applied.getStatus().getAppliedResources();
  }

  /** Writes {@code status} when it differs from the work's; returns whether it did. */
  private boolean writeStatus(KubernetesClient hub, ManifestWork work, ManifestWorkStatus status) {
    Map<String, Object> wanted = asMap(status);
    if (work.getStatus() != null && asMap(work.getStatus()).equals(wanted)) {
      return false;
    }
    StatusApply.apply(hub, work, wanted, FIELD_MANAGER);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(ManifestWorkStatus status) {
    return Serialization.jsonMapper().convertValue(status, LinkedHashMap.class);
  }

  @Override
  public DeleteControl cleanup(ManifestWork work, Context<ManifestWork> context) {
    String name = work.getMetadata().getName();
    AppliedManifestWork applied = appliedWorks.get(name);
    if (applied == null) {
      return DeleteControl.defaultDelete();
    }
    markDeleting(context.getClient(), work);
    List<AppliedManifestResourceMeta> remaining = release(work, applied, previous(applied));
    if (!remaining.isEmpty()) {
      appliedWorks.record(applied, remaining);
      LOG.info(
          "cleaning up manifestwork={}/{} outcome=waiting remaining={}",
          work.getMetadata().getNamespace(),
          name,
          remaining.size());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.retry());
    }
    appliedWorks.delete(name);
    LOG.info(
        "cleaned up manifestwork={}/{} outcome=deleted applied_resources={}",
        work.getMetadata().getNamespace(),
        name,
        previous(applied).size());
    return DeleteControl.defaultDelete();
  }

  private void markDeleting(KubernetesClient hub, ManifestWork work) {
    List<Condition> conditions =
        new ArrayList<>(work.getStatus() == null ? List.of() : work.getStatus().getConditions());
    if (!Conditions.set(
        conditions,
        ManifestWork.CONDITION_DELETING,
        Conditions.TRUE,
        ManifestWork.REASON_WORK_DELETING,
        "ManifestWork is being deleted",
        work.getMetadata().getGeneration(),
        clock.instant())) {
      return;
    }
    StatusApply.apply(
        hub,
        work,
        Map.of(
            "conditions",
            List.of(Conditions.find(conditions, ManifestWork.CONDITION_DELETING).orElseThrow())),
        FIELD_MANAGER + "-deleting");
  }
}
