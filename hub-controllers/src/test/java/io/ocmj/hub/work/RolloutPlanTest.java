package io.ocmj.hub.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.ocmj.api.cluster.v1alpha1.MandatoryDecisionGroup;
import io.ocmj.api.cluster.v1alpha1.RolloutProgressive;
import io.ocmj.api.cluster.v1alpha1.RolloutStrategy;
import io.ocmj.api.cluster.v1alpha1.RolloutType;
import io.ocmj.hub.work.RolloutPlan.Result;
import io.ocmj.hub.work.RolloutPlan.State;
import io.ocmj.hub.work.RolloutPlan.Target;
import io.ocmj.hub.work.RolloutPlan.WorkState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String V2 = "v2";
  private static final List<Target> THREE =
      List.of(new Target("c1", 0, ""), new Target("c2", 0, ""), new Target("c3", 0, ""));

  @Test
  void allWritesEveryClusterAtOnce() {
    Result result = RolloutPlan.plan(THREE, Map.of(), V2, null, NOW);
    assertThat(result.toWrite()).containsExactly("c1", "c2", "c3");
    assertThat(result.complete()).isFalse();
  }

  @Test
  void progressiveWithMaxConcurrencyOneRollsOneClusterAtATime() {
    RolloutStrategy strategy = progressive(1, 0);
    assertThat(RolloutPlan.plan(THREE, Map.of(), V2, strategy, NOW).toWrite())
        .containsExactly("c1");

    Map<String, WorkState> works = new HashMap<>();
    works.put("c1", progressing(V2));
    assertThat(RolloutPlan.plan(THREE, works, V2, strategy, NOW).toWrite())
        .as("c1 is still in flight")
        .isEmpty();

    works.put("c1", succeeded(V2));
    assertThat(RolloutPlan.plan(THREE, works, V2, strategy, NOW).toWrite()).containsExactly("c2");

    works.put("c2", succeeded(V2));
    works.put("c3", succeeded(V2));
    Result done = RolloutPlan.plan(THREE, works, V2, strategy, NOW);
    assertThat(done.complete()).isTrue();
    assertThat(done.states().values()).containsOnly(State.SUCCEEDED);
  }

  @Test
  void anOldTemplateIsToApplyUntilTheClustersTurn() {
    Map<String, WorkState> works = new HashMap<>();
    works.put("c1", succeeded("v1"));
    works.put("c2", succeeded("v1"));
    works.put("c3", succeeded("v1"));
    Result result = RolloutPlan.plan(THREE, works, V2, progressive(1, 0), NOW);
    assertThat(result.toWrite()).containsExactly("c1");
    assertThat(result.states().values()).containsOnly(State.TO_APPLY);
  }

  @Test
  void aFailureBeyondMaxFailuresStopsTheRollout() {
    Map<String, WorkState> works = new HashMap<>();
    works.put("c1", degraded(V2));
    Result stopped = RolloutPlan.plan(THREE, works, V2, progressive(1, 0), NOW);
    assertThat(stopped.stopped()).isTrue();
    assertThat(stopped.toWrite()).isEmpty();
    assertThat(stopped.failures()).isEqualTo(1);

    Result tolerated = RolloutPlan.plan(THREE, works, V2, progressive(1, 1), NOW);
    assertThat(tolerated.stopped()).isFalse();
    assertThat(tolerated.toWrite()).as("a failed cluster frees its slot").containsExactly("c2");
  }

  @Test
  void minSuccessTimeSoaksBeforeACountsAndSaysWhenToLookAgain() {
    RolloutStrategy strategy = progressive(1, 0);
    strategy.getProgressive().setMinSuccessTime("30s");
    Map<String, WorkState> works = new HashMap<>();
    works.put(
        "c1",
        new WorkState(V2, true, true, false, false, NOW.minusSeconds(10), NOW.minusSeconds(20)));
    Result soaking = RolloutPlan.plan(THREE, works, V2, strategy, NOW);
    assertThat(soaking.states().get("c1")).isEqualTo(State.PROGRESSING);
    assertThat(soaking.toWrite()).isEmpty();
    assertThat(soaking.recheckAt()).contains(NOW.plusSeconds(20));
    assertThat(RolloutPlan.plan(THREE, works, V2, strategy, NOW.plusSeconds(20)).toWrite())
        .containsExactly("c2");
  }

  @Test
  void progressDeadlineTurnsASlowClusterIntoAFailure() {
    RolloutStrategy strategy = progressive(1, 0);
    strategy.getProgressive().setProgressDeadline("5m");
    Map<String, WorkState> works = new HashMap<>();
    works.put(
        "c1",
        new WorkState(V2, false, false, false, false, null, NOW.minus(Duration.ofMinutes(6))));
    assertThat(RolloutPlan.plan(THREE, works, V2, strategy, NOW).stopped()).isTrue();
  }

  @Test
  void progressivePerGroupFinishesAGroupBeforeTheNextAndMandatoryGroupsGoFirst() {
    List<Target> grouped =
        List.of(
            new Target("a1", 0, "canary"),
            new Target("b1", 1, "rest"),
            new Target("b2", 1, "rest"),
            new Target("a2", 0, "canary"));
    RolloutStrategy strategy = new RolloutStrategy();
    strategy.setType(RolloutType.ProgressivePerGroup);
    assertThat(RolloutPlan.plan(grouped, Map.of(), V2, strategy, NOW).toWrite())
        .containsExactly("a1", "a2");

    RolloutProgressive perGroup = new RolloutProgressive();
    MandatoryDecisionGroup canary = new MandatoryDecisionGroup();
    canary.setGroupName("rest");
    perGroup.setMandatoryDecisionGroups(List.of(canary));
    strategy.setProgressivePerGroup(perGroup);
    assertThat(RolloutPlan.plan(grouped, Map.of(), V2, strategy, NOW).toWrite())
        .as("the mandatory group, by name, first")
        .containsExactly("b1", "b2");
  }

  @Test
  void aWorkStillProgressingIsNotDoneEvenWhenAppliedAndAvailable() {
    Map<String, WorkState> works = new HashMap<>();
    works.put(
        "c1",
        new WorkState(V2, true, true, true, false, NOW.minusSeconds(60), NOW.minusSeconds(90)));
    Result result = RolloutPlan.plan(THREE, works, V2, progressive(1, 0), NOW);
    assertThat(result.states().get("c1")).isEqualTo(State.PROGRESSING);
    assertThat(result.toWrite()).isEmpty();
  }

  @Test
  void percentagesAndDurationsParseAsOcmWritesThem() {
    assertThat(RolloutPlan.resolve(new IntOrString("50%"), 5, 0)).isEqualTo(2);
    assertThat(RolloutPlan.resolve(new IntOrString(3), 5, 0)).isEqualTo(3);
    assertThat(RolloutPlan.resolve(null, 5, 7)).isEqualTo(7);
    assertThat(RolloutPlan.duration("90s")).contains(Duration.ofSeconds(90));
    assertThat(RolloutPlan.duration("None")).isEmpty();
    assertThatThrownBy(() -> RolloutPlan.duration("5 minutes"))
        .hasMessageContaining("duration 5 minutes");
  }

  private static RolloutStrategy progressive(int maxConcurrency, int maxFailures) {
    RolloutStrategy strategy = new RolloutStrategy();
    strategy.setType(RolloutType.Progressive);
    RolloutProgressive progressive = new RolloutProgressive();
    progressive.setMaxConcurrency(new IntOrString(maxConcurrency));
    progressive.setMaxFailures(new IntOrString(maxFailures));
    strategy.setProgressive(progressive);
    return strategy;
  }

  private static WorkState progressing(String hash) {
    return new WorkState(hash, false, false, true, false, null, NOW.minusSeconds(5));
  }

  private static WorkState succeeded(String hash) {
    return new WorkState(
        hash, true, true, false, false, NOW.minusSeconds(60), NOW.minusSeconds(90));
  }

  private static WorkState degraded(String hash) {
    return new WorkState(hash, false, true, false, true, null, NOW.minusSeconds(5));
  }
}
