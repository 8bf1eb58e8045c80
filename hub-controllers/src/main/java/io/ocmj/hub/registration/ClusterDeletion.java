package io.ocmj.hub.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What to do next for a deleted ManagedCluster whose namespace still holds ManifestWorks: wait for
 * the agent to remove its finalizers, or, once the grace period since the deletion has passed,
 * remove them on the hub (the cluster may be gone for good) and say what may be left behind.
 */
final class ClusterDeletion {
  /** How often a waiting deletion looks again. */
  static final Duration POLL = Duration.ofSeconds(2);

  private ClusterDeletion() {}

  /** A remaining work, and whether it still carries a finalizer. */
  record Work(String name, boolean finalized) {}

  /**
   * The next step: {@code worksToForce} empty and {@code waitFor} null means the works are gone and
   * the namespace and RBAC can go.
   */
  record Step(Duration waitFor, List<String> worksToForce) {
    boolean done() {
      return waitFor == null && worksToForce.isEmpty();
    }
  }

  static Step next(Instant deletedAt, Duration grace, Instant now, List<Work> remaining) {
    if (remaining.isEmpty()) {
      return new Step(null, List.of());
    }
    Instant deadline = deletedAt.plus(grace);
    if (now.isBefore(deadline)) {
      Duration left = Duration.between(now, deadline);
      return new Step(left.compareTo(POLL) < 0 ? left : POLL, List.of());
    }
    List<String> finalized = remaining.stream().filter(Work::finalized).map(Work::name).toList();
    // Works without finalizers are only waiting for the API server to remove them.
    return finalized.isEmpty() ? new Step(POLL, List.of()) : new Step(null, finalized);
  }

  /** The Event message naming what the hub gave up on. */
  static String forcedMessage(String cluster, Duration grace, List<String> works) {
    return "ManagedCluster "
        + cluster
        + " was deleted and its agent did not clean up within "
        + grace
        + ": removed the finalizers of ManifestWork "
        + String.join(", ", works.stream().map(w -> cluster + "/" + w).toList())
        + "; what they applied may be left on the managed cluster";
  }
}
