package io.ocmj.klusterlet.work;

import java.time.Clock;
import java.time.Duration;

/**
 * What the work agent needs.
 *
 * @param clusterName the cluster namespace on the hub whose ManifestWorks it applies
 * @param agentNamespace where {@code hub-kubeconfig-secret} is on the managed cluster
 * @param resync how often each work is applied again, correcting drift and refreshing status
 *     feedback (OCM: about 4 minutes for apply, 10 s for feedback)
 * @param retry how soon a work with a manifest still being tried (kind not served yet) is retried
 * @param maxRawFeedbackBytes the largest JSON value reported as a JsonRaw feedback value
 */
public record WorkAgentConfig(
    String clusterName,
    String agentNamespace,
    Duration resync,
    Duration retry,
    int maxRawFeedbackBytes,
    Clock clock) {
  public static final Duration DEFAULT_RESYNC = Duration.ofSeconds(30);
  public static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_RAW_FEEDBACK_BYTES = 1024;

  public WorkAgentConfig {
    if (resync == null || resync.isNegative() || resync.isZero()) {
      throw new IllegalArgumentException("work resync " + resync + ": must be positive");
    }
    if (retry == null || retry.isNegative() || retry.isZero()) {
      throw new IllegalArgumentException("work retry " + retry + ": must be positive");
    }
    if (maxRawFeedbackBytes < 0) {
      throw new IllegalArgumentException(
          "status feedback size limit " + maxRawFeedbackBytes + ": must not be negative");
    }
  }

  /** The defaults for a cluster: 30 s resync, 5 s retry, 1 KiB raw feedback values. */
  public static WorkAgentConfig defaults(String clusterName, String agentNamespace) {
    return new WorkAgentConfig(
        clusterName,
        agentNamespace,
        DEFAULT_RESYNC,
        DEFAULT_RETRY,
        DEFAULT_MAX_RAW_FEEDBACK_BYTES,
        Clock.systemUTC());
  }
}
