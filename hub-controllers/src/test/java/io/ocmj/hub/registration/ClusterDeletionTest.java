package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.hub.registration.ClusterDeletion.Step;
import io.ocmj.hub.registration.ClusterDeletion.Work;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDeletionTest {
  private static final Instant DELETED = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(10);

  @Test
  void noWorksLeftMeansTheNamespaceCanGo() {
    Step step = ClusterDeletion.next(DELETED, GRACE, DELETED, List.of());
    assertThat(step.done()).isTrue();
  }

  @Test
  void waitsForTheAgentWithinTheGracePeriod() {
    Step step =
        ClusterDeletion.next(
            DELETED, GRACE, DELETED.plusSeconds(30), List.of(new Work("w1", true)));
    assertThat(step.done()).isFalse();
    assertThat(step.worksToForce()).isEmpty();
    assertThat(step.waitFor()).isEqualTo(ClusterDeletion.POLL);
  }

  @Test
  void wakesUpExactlyAtTheEndOfTheGracePeriod() {
    Step step =
        ClusterDeletion.next(
            DELETED, GRACE, DELETED.plus(GRACE).minusMillis(500), List.of(new Work("w1", true)));
    assertThat(step.waitFor()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void forcesOnlyTheFinalizedWorksOnceTheGracePeriodIsOver() {
    Step step =
        ClusterDeletion.next(
            DELETED,
            GRACE,
            DELETED.plus(GRACE),
            List.of(new Work("w1", true), new Work("w2", false), new Work("w3", true)));
    assertThat(step.waitFor()).isNull();
    assertThat(step.worksToForce()).containsExactly("w1", "w3");
  }

  @Test
  void worksWithoutFinalizersAreOnlyWaitedFor() {
    Step step =
        ClusterDeletion.next(
            DELETED, GRACE, DELETED.plus(GRACE).plusSeconds(1), List.of(new Work("w2", false)));
    assertThat(step.worksToForce()).isEmpty();
    assertThat(step.waitFor()).isEqualTo(ClusterDeletion.POLL);
  }

  @Test
  void theEventMessageNamesTheClusterTheGraceAndEveryWork() {
    assertThat(ClusterDeletion.forcedMessage("c1", GRACE, List.of("w1", "w3")))
        .isEqualTo(
            "ManagedCluster c1 was deleted and its agent did not clean up within PT10M: removed"
                + " the finalizers of ManifestWork c1/w1, c1/w3; what they applied may be left on"
                + " the managed cluster");
  }
}
