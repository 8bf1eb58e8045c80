package io.ocmj.klusterlet.policy;

import io.ocmj.policy.rego.RegoModule;
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
 * @param regoTimeLimit how long one Rego review may run before the audit of its constraint stops
 *     with an error
 */
public record PolicyAgentConfig(
    String clusterName,
    String agentNamespace,
    Duration evaluationInterval,
    Duration resync,
    Duration regoTimeLimit,
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
    if (regoTimeLimit == null || regoTimeLimit.isNegative() || regoTimeLimit.isZero()) {
      throw new IllegalArgumentException("Rego time limit " + regoTimeLimit + ": must be positive");
    }
  }

  public static PolicyAgentConfig defaults(String clusterName, String agentNamespace) {
    return new PolicyAgentConfig(
        clusterName,
        agentNamespace,
        DEFAULT_EVALUATION_INTERVAL,
        DEFAULT_RESYNC,
        RegoModule.DEFAULT_TIME_LIMIT,
        Clock.systemUTC());
  }
}
