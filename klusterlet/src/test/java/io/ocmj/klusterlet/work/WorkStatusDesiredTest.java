package io.ocmj.klusterlet.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.ManifestWorkStatus;
import io.ocmj.klusterlet.work.ManifestOutcome.Apply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkStatusDesiredTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final ResourceKey CM =
      new ResourceKey("", "v1", "ConfigMap", "configmaps", true, "ns", "cm");

  @Test
  void allAppliedAndPresentIsAppliedAvailableNotProgressingNotDegraded() {
    ManifestWorkStatus status =
        WorkStatusDesired.status(null, List.of(applied(0), applied(1)), 3L, T0);
    assertThat(summary(status.getConditions()))
        .containsExactly(
            "Applied=True/AppliedManifestWorkComplete",
            "Available=True/ResourcesAvailable",
            "Progressing=False/Completed",
            "Degraded=False/AsExpected");
    assertThat(status.getConditions()).allMatch(c -> c.getObservedGeneration() == 3L);
    assertThat(status.getResourceStatus().getManifests())
        .extracting(m -> m.getResourceMeta().getOrdinal())
        .containsExactly(0, 1);
  }

  @Test
  void aRetriedManifestIsProgressingAFailedOneDegradedBothNotApplied() {
    ManifestOutcome retrying =
        new ManifestOutcome(
            1, null, Apply.RETRYING, "not served", Conditions.FALSE, null, false, null, List.of());
    ManifestOutcome failed =
        new ManifestOutcome(
            2, CM, Apply.FAILED, "rejected", Conditions.FALSE, null, true, null, List.of());
    ManifestWorkStatus status =
        WorkStatusDesired.status(null, List.of(applied(0), retrying, failed), 1L, T0);
    assertThat(summary(status.getConditions()))
        .containsExactly(
            "Applied=False/AppliedManifestWorkFailed",
            "Available=False/ResourcesNotAvailable",
            "Progressing=True/Applying",
            "Degraded=True/Failed");
    assertThat(Conditions.find(status.getConditions(), "Applied").orElseThrow().getMessage())
        .isEqualTo("Failed to apply manifest work: 2 of 3 manifests are not applied");
    assertThat(
            Conditions.find(
                    status.getResourceStatus().getManifests().get(2).getConditions(),
                    ManifestWork.CONDITION_APPLIED)
                .orElseThrow()
                .getMessage())
        .isEqualTo("rejected");
  }

  @Test
  void unchangedConditionsKeepTheirTransitionTime() {
    ManifestWorkStatus first = WorkStatusDesired.status(null, List.of(applied(0)), 1L, T0);
    ManifestWorkStatus second =
        WorkStatusDesired.status(first, List.of(applied(0)), 1L, T0.plusSeconds(60));
    assertThat(second.getConditions())
        .allMatch(c -> c.getLastTransitionTime().equals(T0.toString()));
    assertThat(second.getResourceStatus().getManifests().get(0).getConditions())
        .allMatch(c -> c.getLastTransitionTime().equals(T0.toString()));
  }

  @Test
  void feedbackProblemsMakeStatusFeedbackSyncedFalseWithTheProblems() {
    ManifestOutcome outcome =
        new ManifestOutcome(
            0,
            CM,
            Apply.APPLIED,
            "ok",
            Conditions.TRUE,
            "u",
            true,
            List.of(),
            List.of("feedback x: too big"));
    var manifest =
        WorkStatusDesired.status(null, List.of(outcome), 1L, T0)
            .getResourceStatus()
            .getManifests()
            .get(0);
    assertThat(
            Conditions.find(manifest.getConditions(), ManifestWork.CONDITION_FEEDBACK_SYNCED)
                .orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo(ManifestWork.REASON_FEEDBACK_FAILED);
              assertThat(c.getMessage()).isEqualTo("feedback x: too big");
            });
  }

  @Test
  void ruleConditionsGoOnTheManifestAndAggregateOnTheWorkReplacingTheAgentsOwn() {
    ManifestOutcome ready =
        new ManifestOutcome(
            0,
            CM,
            Apply.APPLIED,
            "ok",
            Conditions.TRUE,
            "u0",
            true,
            null,
            List.of(),
            List.of(
                new ConditionRules.Result(
                    "Progressing", "False", "ConditionRuleEvaluated", "done")));
    ManifestOutcome busy =
        new ManifestOutcome(
            1,
            CM,
            Apply.APPLIED,
            "ok",
            Conditions.TRUE,
            "u1",
            true,
            null,
            List.of(),
            List.of(
                new ConditionRules.Result(
                    "Progressing", "True", "ConditionRuleEvaluated", "rolling")));
    ManifestWorkStatus status = WorkStatusDesired.status(null, List.of(ready, busy), 1L, T0);
    assertThat(Conditions.find(status.getConditions(), "Progressing").orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getStatus()).as("for Progressing any True wins").isEqualTo("True");
              assertThat(c.getReason()).isEqualTo("ConditionRulesAggregated");
            });
    assertThat(
            Conditions.find(
                    status.getResourceStatus().getManifests().get(1).getConditions(), "Progressing")
                .orElseThrow()
                .getMessage())
        .isEqualTo("rolling");

    ManifestWorkStatus withoutRules =
        WorkStatusDesired.status(status, List.of(applied(0), applied(1)), 2L, T0);
    assertThat(
            Conditions.find(withoutRules.getConditions(), "Progressing").orElseThrow().getReason())
        .as("back to the agent's own once no rule declares it")
        .isEqualTo("Completed");
    assertThat(withoutRules.getResourceStatus().getManifests().get(1).getConditions())
        .noneMatch(c -> c.getReason().startsWith("ConditionRule"));
  }

  private static ManifestOutcome applied(int ordinal) {
    return new ManifestOutcome(
        ordinal,
        CM,
        Apply.APPLIED,
        "Apply manifest complete",
        Conditions.TRUE,
        "uid-" + ordinal,
        true,
        null,
        List.of());
  }

  private static List<String> summary(List<Condition> conditions) {
    return conditions.stream()
        .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
        .toList();
  }
}
