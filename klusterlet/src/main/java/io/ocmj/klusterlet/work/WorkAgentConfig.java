package io.ocmj.klusterlet.work;

import java.time.Clock;
import java.time.Duration;

/**
 * What the work agent needs.
 *
 * @param clusterName the cluster namespace on the hub whose ManifestWorks it applies
 * @param agentNamespace where {@code hub-kubeconfig-secret} is on the managed cluster
 * @param resync how often each work is applied again without an event, correcting drift (OCM: about
 *     4 minutes, jittered; ocmj adds up to a tenth at random, so a fleet's works spread out)
 * @param feedbackResync how often a work with status feedback or condition rules is read (and
 *     applied) again, refreshing the values and conditions it reports (OCM: 10 s); a work without
 *     rules reports only what applying it found, which changes only when it is applied; a work with
 *     a failed manifest (refused, conflicting) is tried again after it too
 * @param retry how soon a work with a manifest still being tried (kind not served yet) is retried
 * @param maxRawFeedbackBytes the largest JSON value reported as a JsonRaw feedback value
 */
public record WorkAgentConfig(
    String clusterName,
    String agentNamespace,
    Duration resync,
    Duration feedbackResync,
    Duration retry,
    int maxRawFeedbackBytes,
    Clock clock) {
  public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(4);
  public static final Duration DEFAULT_FEEDBACK_RESYNC = Duration.ofSeconds(30);
  public static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_RAW_FEEDBACK_BYTES = 1024;

  public WorkAgentConfig {
    if (resync == null || resync.isNegative() || resync.isZero()) {
      throw new IllegalArgumentException("work resync " + resync + ": must be positive");
    }
    if (feedbackResync == null || feedbackResync.isNegative() || feedbackResync.isZero()) {
      throw new IllegalArgumentException(
          "work feedback resync " + feedbackResync + ": must be positive");
    }
    if (retry == null || retry.isNegative() || retry.isZero()) {
      throw new IllegalArgumentException("work retry " + retry + ": must be positive");
    }
    if (maxRawFeedbackBytes < 0) {
      throw new IllegalArgumentException(
          "status feedback size limit " + maxRawFeedbackBytes + ": must not be negative");
    }
  }

  /**
   * The defaults for a cluster: 4 min resync, 30 s for works with rules, 5 s retry, 1 KiB raw
   * feedback values.
   */
  public static WorkAgentConfig defaults(String clusterName, String agentNamespace) {
    return new WorkAgentConfig(
        clusterName,
        agentNamespace,
        DEFAULT_RESYNC,
        DEFAULT_FEEDBACK_RESYNC,
        DEFAULT_RETRY,
        DEFAULT_MAX_RAW_FEEDBACK_BYTES,
        Clock.systemUTC());
  }

  /**
   * When a work applied without an error is looked at again without an event: {@code
   * feedbackResync} for one with feedback or condition rules, else {@code resync} plus up to a
   * tenth of it at random ({@code random} in [0, 1)).
   */
  public Duration nextResync(boolean hasRules, double random) {
    if (hasRules) {
      return feedbackResync;
    }
    return resync.plusMillis((long) (resync.toMillis() / 10.0 * random));
  }
}
