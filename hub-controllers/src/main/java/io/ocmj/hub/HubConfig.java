package io.ocmj.hub;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the hub controllers.
 *
 * @param clusterDeletionGracePeriod how long a deleted ManagedCluster waits for its agent to clean
 *     up its ManifestWorks before the hub removes their finalizers itself (and records an Event)
 * @param strandedWorkGracePeriod how long a deleted ManifestWork of an unavailable cluster waits
 *     for its agent before the hub completes the deletion itself (and records what was left)
 * @param manifestsLimitBytes the most the manifests of a generated ManifestWork may take
 * @param opaBinary the {@code opa} CLI that compiles ConstraintTemplates' Rego to Wasm; null: none
 *     (policies with ConstraintTemplates then report that the hub cannot compile them)
 * @param leaderElectionNamespace where the controllers' Lease is (one replica of several runs
 *     them); null: no leader election
 */
public record HubConfig(
    Duration clusterDeletionGracePeriod,
    Duration strandedWorkGracePeriod,
    long manifestsLimitBytes,
    Path opaBinary,
    String leaderElectionNamespace) {
  /** The Lease of the hub controllers' leader. */
  public static final String LEASE = "ocmj-hub-controllers";

  /** OCM's default {@code --manifestLimit}. */
  public static final long DEFAULT_MANIFESTS_LIMIT_BYTES = 500 * 1024;

  public static final Duration DEFAULT_CLUSTER_DELETION_GRACE_PERIOD = Duration.ofMinutes(10);
  public static final Duration DEFAULT_STRANDED_WORK_GRACE_PERIOD = Duration.ofMinutes(10);

  public HubConfig {
    check("cluster deletion grace period", clusterDeletionGracePeriod);
    check("stranded work grace period", strandedWorkGracePeriod);
    if (manifestsLimitBytes <= 0) {
      throw new IllegalArgumentException(
          "manifests limit " + manifestsLimitBytes + " bytes: must be positive");
    }
  }

  /** Without an opa binary. */
  public HubConfig(
      Duration clusterDeletionGracePeriod,
      Duration strandedWorkGracePeriod,
      long manifestsLimitBytes) {
    this(clusterDeletionGracePeriod, strandedWorkGracePeriod, manifestsLimitBytes, null, null);
  }

  /** This configuration with the given opa binary. */
  public HubConfig withOpa(Path opa) {
    return new HubConfig(
        clusterDeletionGracePeriod,
        strandedWorkGracePeriod,
        manifestsLimitBytes,
        opa,
        leaderElectionNamespace);
  }

  /** This configuration with leader election through a Lease in {@code namespace}. */
  public HubConfig withLeaderElection(String namespace) {
    return new HubConfig(
        clusterDeletionGracePeriod,
        strandedWorkGracePeriod,
        manifestsLimitBytes,
        opaBinary,
        namespace);
  }

  /** The given grace periods, the default manifests limit. */
  public HubConfig(Duration clusterDeletionGracePeriod, Duration strandedWorkGracePeriod) {
    this(clusterDeletionGracePeriod, strandedWorkGracePeriod, DEFAULT_MANIFESTS_LIMIT_BYTES);
  }

  /** The given cluster deletion grace period, the defaults for the rest. */
  public HubConfig(Duration clusterDeletionGracePeriod) {
    this(clusterDeletionGracePeriod, DEFAULT_STRANDED_WORK_GRACE_PERIOD);
  }

  public static HubConfig defaults() {
    return new HubConfig(DEFAULT_CLUSTER_DELETION_GRACE_PERIOD);
  }

  private static void check(String what, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(what + " " + value + ": must be zero or more");
    }
  }
}
