package io.ocmj.klusterlet.work;

import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestCondition;
import io.ocmj.api.work.v1.ManifestResourceMeta;
import io.ocmj.api.work.v1.ManifestResourceStatus;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.ManifestWorkStatus;
import io.ocmj.api.work.v1.StatusFeedbackResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A ManifestWork's status from one pass's outcomes, as OCM's agent writes it: per manifest Applied,
 * Available and StatusFeedbackSynced with its resourceMeta and feedback; for the work Applied and
 * Available, plus Progressing (a manifest is still being retried) and Degraded (one failed until
 * something changes), which OCM only derives from condition rules. Condition times stay when
 * nothing changed.
 */
final class WorkStatusDesired {
  static final String REASON_RULES_AGGREGATED = "ConditionRulesAggregated";
  private static final List<String> BUILT_IN =
      List.of(
          ManifestWork.CONDITION_APPLIED,
          ManifestWork.CONDITION_AVAILABLE,
          ManifestWork.CONDITION_FEEDBACK_SYNCED);

  private WorkStatusDesired() {}

  static ManifestWorkStatus status(
      ManifestWorkStatus previous, List<ManifestOutcome> outcomes, Long generation, Instant now) {
    Map<Integer, ManifestCondition> before =
        previous == null || previous.getResourceStatus() == null
            ? Map.of()
            : previous.getResourceStatus().getManifests().stream()
                .filter(
                    m -> m.getResourceMeta() != null && m.getResourceMeta().getOrdinal() != null)
                .collect(
                    Collectors.toMap(
                        m -> m.getResourceMeta().getOrdinal(), Function.identity(), (a, b) -> a));
    List<ManifestCondition> manifests = new ArrayList<>();
    for (ManifestOutcome outcome : outcomes) {
      manifests.add(manifest(outcome, before.get(outcome.ordinal()), generation, now));
    }
    ManifestWorkStatus status = new ManifestWorkStatus();
    List<Condition> conditions =
        new ArrayList<>(previous == null ? List.of() : previous.getConditions());
    workConditions(conditions, outcomes, generation, now);
    status.setConditions(conditions);
    ManifestResourceStatus resourceStatus = new ManifestResourceStatus();
    resourceStatus.setManifests(manifests);
    status.setResourceStatus(resourceStatus);
    return status;
  }

  private static ManifestCondition manifest(
      ManifestOutcome outcome, ManifestCondition before, Long generation, Instant now) {
    ManifestCondition manifest = new ManifestCondition();
    ManifestResourceMeta meta;
    if (outcome.key() != null) {
      meta = outcome.key().meta(outcome.ordinal());
    } else {
      meta = new ManifestResourceMeta();
      meta.setOrdinal(outcome.ordinal());
    }
    manifest.setResourceMeta(meta);
    List<Condition> conditions =
        new ArrayList<>(before == null ? List.of() : before.getConditions());
    boolean applied = outcome.apply() == ManifestOutcome.Apply.APPLIED;
    Conditions.set(
        conditions,
        ManifestWork.CONDITION_APPLIED,
        applied ? Conditions.TRUE : Conditions.FALSE,
        applied ? ManifestWork.REASON_MANIFEST_APPLIED : ManifestWork.REASON_MANIFEST_APPLY_FAILED,
        outcome.message(),
        generation,
        now);
    Conditions.set(
        conditions,
        ManifestWork.CONDITION_AVAILABLE,
        outcome.available(),
        switch (outcome.available()) {
          case Conditions.TRUE -> ManifestWork.REASON_RESOURCE_AVAILABLE;
          case Conditions.FALSE -> ManifestWork.REASON_RESOURCE_NOT_AVAILABLE;
          default -> ManifestWork.REASON_FETCHING_RESOURCE_FAILED;
        },
        switch (outcome.available()) {
          case Conditions.TRUE -> "Resource is available";
          case Conditions.FALSE -> "Resource is not available";
          default -> "The agent could not read the resource";
        },
        generation,
        now);
    feedbackCondition(conditions, outcome, generation, now);
    ruleConditions(conditions, outcome, generation, now);
    manifest.setConditions(conditions);
    if (outcome.feedback() != null && !outcome.feedback().isEmpty()) {
      StatusFeedbackResult feedback = new StatusFeedbackResult();
      feedback.setValues(outcome.feedback());
      manifest.setStatusFeedback(feedback);
    }
    return manifest;
  }

  /** The rules' conditions; those of rules no longer declared go. */
  private static void ruleConditions(
      List<Condition> conditions, ManifestOutcome outcome, Long generation, Instant now) {
    List<String> declared =
        outcome.ruleConditions().stream().map(ConditionRules.Result::type).toList();
    conditions.removeIf(
        c ->
            c.getReason() != null
                && c.getReason().startsWith(ConditionRules.PREFIX)
                && !declared.contains(c.getType()));
    for (ConditionRules.Result rule : outcome.ruleConditions()) {
      if (BUILT_IN.contains(rule.type())) {
        continue; // Applied, Available and StatusFeedbackSynced stay the agent's
      }
      Conditions.set(
          conditions, rule.type(), rule.status(), rule.reason(), rule.message(), generation, now);
    }
  }

  private static void feedbackCondition(
      List<Condition> conditions, ManifestOutcome outcome, Long generation, Instant now) {
    if (outcome.feedback() == null) {
      Conditions.set(
          conditions,
          ManifestWork.CONDITION_FEEDBACK_SYNCED,
          Conditions.TRUE,
          ManifestWork.REASON_NO_FEEDBACK,
          "No status feedback rules",
          generation,
          now);
    } else if (outcome.feedbackProblems().isEmpty()) {
      Conditions.set(
          conditions,
          ManifestWork.CONDITION_FEEDBACK_SYNCED,
          Conditions.TRUE,
          ManifestWork.REASON_FEEDBACK_SYNCED,
          "Status feedback is synced",
          generation,
          now);
    } else {
      Conditions.set(
          conditions,
          ManifestWork.CONDITION_FEEDBACK_SYNCED,
          Conditions.FALSE,
          ManifestWork.REASON_FEEDBACK_FAILED,
          String.join("; ", outcome.feedbackProblems()),
          generation,
          now);
    }
  }

  private static void workConditions(
      List<Condition> conditions, List<ManifestOutcome> outcomes, Long generation, Instant now) {
    long notApplied =
        outcomes.stream().filter(o -> o.apply() != ManifestOutcome.Apply.APPLIED).count();
    long retrying =
        outcomes.stream().filter(o -> o.apply() == ManifestOutcome.Apply.RETRYING).count();
    long failed = outcomes.stream().filter(o -> o.apply() == ManifestOutcome.Apply.FAILED).count();
    long unknown = outcomes.stream().filter(o -> Conditions.UNKNOWN.equals(o.available())).count();
    long unavailable =
        outcomes.stream().filter(o -> Conditions.FALSE.equals(o.available())).count();
    Conditions.set(
        conditions,
        ManifestWork.CONDITION_APPLIED,
        notApplied == 0 ? Conditions.TRUE : Conditions.FALSE,
        notApplied == 0 ? ManifestWork.REASON_WORK_APPLIED : ManifestWork.REASON_WORK_APPLY_FAILED,
        notApplied == 0
            ? "Apply manifest work complete"
            : "Failed to apply manifest work: "
                + notApplied
                + " of "
                + outcomes.size()
                + " manifests are not applied",
        generation,
        now);
    String available =
        unavailable > 0 ? Conditions.FALSE : unknown > 0 ? Conditions.UNKNOWN : Conditions.TRUE;
    Conditions.set(
        conditions,
        ManifestWork.CONDITION_AVAILABLE,
        available,
        switch (available) {
          case Conditions.TRUE -> ManifestWork.REASON_RESOURCES_AVAILABLE;
          case Conditions.FALSE -> ManifestWork.REASON_RESOURCES_NOT_AVAILABLE;
          default -> ManifestWork.REASON_RESOURCES_STATUS_UNKNOWN;
        },
        switch (available) {
          case Conditions.TRUE -> "All resources are available";
          case Conditions.FALSE ->
              unavailable + " of " + outcomes.size() + " resources are not available";
          default -> unknown + " of " + outcomes.size() + " resources' status is unknown";
        },
        generation,
        now);
    Conditions.set(
        conditions,
        ManifestWork.CONDITION_PROGRESSING,
        retrying > 0 ? Conditions.TRUE : Conditions.FALSE,
        retrying > 0 ? ManifestWork.REASON_APPLYING : ManifestWork.REASON_COMPLETED,
        retrying > 0
            ? retrying + " of " + outcomes.size() + " manifests are still being applied"
            : "Every manifest was tried",
        generation,
        now);
    Conditions.set(
        conditions,
        ManifestWork.CONDITION_DEGRADED,
        failed > 0 ? Conditions.TRUE : Conditions.FALSE,
        failed > 0 ? ManifestWork.REASON_FAILED : ManifestWork.REASON_AS_EXPECTED,
        failed > 0
            ? failed + " of " + outcomes.size() + " manifests failed to apply (see resourceStatus)"
            : "No manifest failed",
        generation,
        now);
    aggregateRules(conditions, outcomes, generation, now);
  }

  /**
   * Work-level conditions from the manifests' rule conditions, as OCM aggregates them: False wins,
   * then Unknown, else True; for Progressing any True wins. They replace the agent's own
   * Progressing and Degraded when rules declare those.
   */
  private static void aggregateRules(
      List<Condition> conditions, List<ManifestOutcome> outcomes, Long generation, Instant now) {
    Map<String, List<String>> byType = new java.util.LinkedHashMap<>();
    for (ManifestOutcome outcome : outcomes) {
      for (ConditionRules.Result rule : outcome.ruleConditions()) {
        if (!BUILT_IN.contains(rule.type())) {
          byType.computeIfAbsent(rule.type(), t -> new ArrayList<>()).add(rule.status());
        }
      }
    }
    conditions.removeIf(
        c -> REASON_RULES_AGGREGATED.equals(c.getReason()) && !byType.containsKey(c.getType()));
    byType.forEach(
        (type, statuses) -> {
          String status;
          if (type.equals(ManifestWork.CONDITION_PROGRESSING)
              && statuses.contains(Conditions.TRUE)) {
            status = Conditions.TRUE;
          } else if (statuses.contains(Conditions.FALSE)) {
            status = Conditions.FALSE;
          } else if (statuses.contains(Conditions.UNKNOWN)) {
            status = Conditions.UNKNOWN;
          } else {
            status = Conditions.TRUE;
          }
          Conditions.set(
              conditions,
              type,
              status,
              REASON_RULES_AGGREGATED,
              "Aggregated from the condition rules of " + statuses.size() + " manifest(s)",
              generation,
              now);
        });
  }
}
