package io.ocmj.hub;

import java.time.Duration;

/**
 * Settings of the hub controllers.
 *
 * @param clusterDeletionGracePeriod how long a deleted ManagedCluster waits for its agent to clean
 *     up its ManifestWorks before the hub removes their finalizers itself (and records an Event)
 */
public record HubConfig(Duration clusterDeletionGracePeriod) {
  public static final Duration DEFAULT_CLUSTER_DELETION_GRACE_PERIOD = Duration.ofMinutes(10);

  public HubConfig {
    if (clusterDeletionGracePeriod == null || clusterDeletionGracePeriod.isNegative()) {
      throw new IllegalArgumentException(
          "cluster deletion grace period " + clusterDeletionGracePeriod + ": must be zero or more");
    }
  }

  public static HubConfig defaults() {
    return new HubConfig(DEFAULT_CLUSTER_DELETION_GRACE_PERIOD);
  }
}
