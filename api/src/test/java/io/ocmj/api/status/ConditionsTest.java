package io.ocmj.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:05:00Z");
  private final List<Condition> conditions = new ArrayList<>();

  @Test
  void addsANewConditionStampedNow() {
    assertThat(Conditions.set(conditions, "Ready", "True", "Done", "all good", 3L, T0)).isTrue();
    assertThat(conditions)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getObservedGeneration()).isEqualTo(3L);
              assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
            });
  }

  @Test
  void keepsTransitionTimeWhenOnlyTheMessageChanges() {
    Conditions.set(conditions, "Ready", "True", "Done", "all good", 1L, T0);
    assertThat(Conditions.set(conditions, "Ready", "True", "Done", "still good", 2L, T1)).isTrue();
    assertThat(conditions)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getMessage()).isEqualTo("still good");
              assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
            });
  }

  @Test
  void movesTransitionTimeWhenTheStatusChanges() {
    Conditions.set(conditions, "Ready", "True", "Done", "ok", 1L, T0);
    Conditions.set(conditions, "Ready", "False", "Broken", "not ok", 1L, T1);
    assertThat(conditions)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T00:05:00Z");
            });
  }

  @Test
  void reportsNoChangeWhenNothingChanged() {
    Conditions.set(conditions, "Ready", "True", "Done", "ok", 1L, T0);
    assertThat(Conditions.set(conditions, "Ready", "True", "Done", "ok", 1L, T1)).isFalse();
  }

  @Test
  void keepsOneEntryPerTypeAndFindsIt() {
    Conditions.set(conditions, "Ready", "True", "Done", "ok", 1L, T0);
    Conditions.set(conditions, "Stalled", "False", "Fine", "ok", 1L, T0);
    assertThat(conditions).hasSize(2);
    assertThat(Conditions.isTrue(conditions, "Ready")).isTrue();
    assertThat(Conditions.isTrue(conditions, "Stalled")).isFalse();
    assertThat(Conditions.remove(conditions, "Stalled")).isTrue();
    assertThat(Conditions.find(conditions, "Stalled")).isEmpty();
  }
}
