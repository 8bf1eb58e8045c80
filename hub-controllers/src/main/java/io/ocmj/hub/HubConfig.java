package io.ocmj.hub;

import java.time.Duration;

/**
 * Settings of the hub controllers.
 *
 * @param clusterDeletionGracePeriod how long a deleted ManagedCluster waits for its agent to clean
 *     up its ManifestWorks before the hub removes their finalizers itself (and records an Event)
 * @param strandedWorkGracePeriod how long a deleted ManifestWork of an unavailable cluster waits
 *     for its agent before the hub completes the deletion itself (and records what was left)
 */
public record HubConfig(Duration clusterDeletionGracePeriod, Duration strandedWorkGracePeriod) {
  public static final Duration DEFAULT_CLUSTER_DELETION_GRACE_PERIOD = Duration.ofMinutes(10);
  public static final Duration DEFAULT_STRANDED_WORK_GRACE_PERIOD = Duration.ofMinutes(10);

  public HubConfig {
    check("cluster deletion grace period", clusterDeletionGracePeriod);
    check("stranded work grace period", strandedWorkGracePeriod);
  }

  /** The given cluster deletion grace period, the default for stranded works. */
  public HubConfig(Duration clusterDeletionGracePeriod) {
    this(clusterDeletionGracePeriod, DEFAULT_STRANDED_WORK_GRACE_PERIOD);
  }

  public static HubConfig defaults() {
    return new HubConfig(DEFAULT_CLUSTER_DELETION_GRACE_PERIOD, DEFAULT_STRANDED_WORK_GRACE_PERIOD);
  }

  private static void check(String what, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(what + " " + value + ": must be zero or more");
    }
  }
}
