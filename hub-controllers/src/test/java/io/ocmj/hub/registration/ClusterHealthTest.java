package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterHealthTest {
  private static final Instant RENEWED = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void leaseIsFreshForFiveLeaseDurations() {
    var verdict = ClusterHealth.lease(RENEWED, 60, RENEWED.plusSeconds(299));
    assertThat(verdict.stale()).isFalse();
    assertThat(verdict.recheckAt()).isEqualTo(RENEWED.plusSeconds(300));
  }

  @Test
  void leaseIsStaleAfterFiveLeaseDurations() {
    assertThat(ClusterHealth.lease(RENEWED, 60, RENEWED.plusSeconds(300)).stale()).isTrue();
  }

  @Test
  void zeroOrMissingLeaseDurationMeansSixtySeconds() {
    assertThat(ClusterHealth.lease(RENEWED, 0, RENEWED.plusSeconds(299)).stale()).isFalse();
    assertThat(ClusterHealth.lease(RENEWED, null, RENEWED.plusSeconds(300)).stale()).isTrue();
  }

  @Test
  void clocksAgreeWithinTheGracePeriodEitherWay() {
    assertThat(ClusterHealth.clockSynced(RENEWED, 60, RENEWED.plusSeconds(299))).isTrue();
    assertThat(ClusterHealth.clockSynced(RENEWED, 60, RENEWED.minusSeconds(299))).isTrue();
    assertThat(ClusterHealth.clockSynced(RENEWED, 60, RENEWED.minusSeconds(300)))
        .as("agent ahead")
        .isFalse();
    assertThat(ClusterHealth.clockSynced(RENEWED, 60, RENEWED.plusSeconds(300))).isFalse();
  }

  private static Taint taint(String key) {
    Taint t = new Taint();
    t.setKey(key);
    t.setEffect(TaintEffect.NoSelect);
    t.setTimeAdded("2025-12-31T00:00:00Z");
    return t;
  }

  @Test
  void unknownOrMissingAvailabilityGivesUnreachable() {
    assertThat(ClusterHealth.taints(List.of(), Optional.of("Unknown"), RENEWED))
        .extracting(Taint::getKey)
        .containsExactly(Taint.UNREACHABLE);
    assertThat(ClusterHealth.taints(List.of(), Optional.empty(), RENEWED))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getKey()).isEqualTo(Taint.UNREACHABLE);
              assertThat(t.getEffect()).isEqualTo(TaintEffect.NoSelect);
              assertThat(t.getTimeAdded()).isEqualTo("2026-01-01T00:00:00Z");
            });
  }

  @Test
  void falseAvailabilitySwapsUnreachableForUnavailable() {
    assertThat(
            ClusterHealth.taints(List.of(taint(Taint.UNREACHABLE)), Optional.of("False"), RENEWED))
        .extracting(Taint::getKey)
        .containsExactly(Taint.UNAVAILABLE);
  }

  @Test
  void availableClusterLosesSystemTaintsAndKeepsUserTaints() {
    List<Taint> result =
        ClusterHealth.taints(
            List.of(taint("example.com/gpu"), taint(Taint.UNREACHABLE)),
            Optional.of("True"),
            RENEWED);
    assertThat(result).extracting(Taint::getKey).containsExactly("example.com/gpu");
  }

  @Test
  void existingSystemTaintKeepsItsTimeAdded() {
    List<Taint> result =
        ClusterHealth.taints(List.of(taint(Taint.UNREACHABLE)), Optional.of("Unknown"), RENEWED);
    assertThat(result)
        .singleElement()
        .extracting(Taint::getTimeAdded)
        .isEqualTo("2025-12-31T00:00:00Z");
  }

  @Test
  void aUserTaintWithoutTimeAddedGetsTheTimeItWasFirstSeenOthersKeepTheirs() {
    Taint fresh = new Taint();
    fresh.setKey("example.com/maintenance");
    fresh.setEffect(TaintEffect.NoSelect);
    List<Taint> result =
        ClusterHealth.taints(
            List.of(fresh, taint("example.com/gpu")), Optional.of("True"), RENEWED);
    assertThat(result)
        .extracting(Taint::getKey, Taint::getTimeAdded)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("example.com/maintenance", "2026-01-01T00:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("example.com/gpu", "2025-12-31T00:00:00Z"));
    assertThat(fresh.getTimeAdded()).as("the input is not modified").isNull();
  }
}
