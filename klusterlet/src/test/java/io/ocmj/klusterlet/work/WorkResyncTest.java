package io.ocmj.klusterlet.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.api.work.v1.ConditionRule;
import io.ocmj.api.work.v1.FeedbackRule;
import io.ocmj.api.work.v1.ManifestConfigOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkResyncTest {
  private final WorkAgentConfig config =
      new WorkAgentConfig(
          "c1",
          "agent",
          Duration.ofMinutes(4),
          Duration.ofSeconds(30),
          Duration.ofSeconds(5),
          1024,
          Clock.systemUTC());

  @Test
  void aWorkWithoutRulesComesBackAfterTheResyncPlusUpToATenth() {
    assertThat(config.nextResync(false, 0.0)).isEqualTo(Duration.ofMinutes(4));
    assertThat(config.nextResync(false, 0.5)).isEqualTo(Duration.ofSeconds(252));
    assertThat(config.nextResync(false, 0.999)).isLessThan(Duration.ofSeconds(264));
  }

  @Test
  void aWorkWithFeedbackOrConditionRulesComesBackAfterTheFeedbackResync() {
    assertThat(config.nextResync(true, 0.7)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void onlyFeedbackOrConditionRulesCountAsRules() {
    ManifestConfigOption plain = new ManifestConfigOption();
    ManifestConfigOption feedback = new ManifestConfigOption();
    feedback.setFeedbackRules(List.of(new FeedbackRule()));
    ManifestConfigOption conditions = new ManifestConfigOption();
    conditions.setConditionRules(List.of(new ConditionRule()));

    assertThat(ManifestWorkReconciler.hasRules(null)).isFalse();
    assertThat(ManifestWorkReconciler.hasRules(List.of(plain))).isFalse();
    assertThat(ManifestWorkReconciler.hasRules(List.of(plain, feedback))).isTrue();
    assertThat(ManifestWorkReconciler.hasRules(List.of(conditions))).isTrue();
  }

  @Test
  void aFeedbackResyncThatIsNotPositiveIsRefusedByName() {
    assertThatThrownBy(
            () ->
                new WorkAgentConfig(
                    "c1",
                    "agent",
                    Duration.ofMinutes(4),
                    Duration.ZERO,
                    Duration.ofSeconds(5),
                    1024,
                    Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("work feedback resync PT0S");
  }
}
