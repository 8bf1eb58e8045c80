package io.ocmj.klusterlet.policy;

import java.time.Clock;
import java.time.Duration;

/**
 * What the policy agent needs.
 *
 * @param clusterName the cluster namespace, on the hub and on the managed cluster
 * @param agentNamespace where {@code hub-kubeconfig-secret} is on the managed cluster
 * @param evaluationInterval how often a ConfigurationPolicy whose evaluationInterval is {@code
 *     watch} (the default) is evaluated again; ocmj polls rather than watching every kind a policy
 *     names
 * @param resync how often policies are synced and their status recomputed without any event
 */
public record PolicyAgentConfig(
    String clusterName,
    String agentNamespace,
    Duration evaluationInterval,
    Duration resync,
    Clock clock) {
  public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RESYNC = Duration.ofSeconds(30);

  public PolicyAgentConfig {
    if (evaluationInterval == null
        || evaluationInterval.isNegative()
        || evaluationInterval.isZero()) {
      throw new IllegalArgumentException(
          "policy evaluation interval " + evaluationInterval + ": must be positive");
    }
    if (resync == null || resync.isNegative() || resync.isZero()) {
      throw new IllegalArgumentException("policy resync " + resync + ": must be positive");
    }
  }

  public static PolicyAgentConfig defaults(String clusterName, String agentNamespace) {
    return new PolicyAgentConfig(
        clusterName,
        agentNamespace,
        DEFAULT_EVALUATION_INTERVAL,
        DEFAULT_RESYNC,
        Clock.systemUTC());
  }
}
