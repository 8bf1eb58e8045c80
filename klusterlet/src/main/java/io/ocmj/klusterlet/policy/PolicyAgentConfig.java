package io.ocmj.klusterlet.policy;

import io.ocmj.api.policy.v1.Policy;
import io.ocmj.klusterlet.registration.HubKubeconfigSecret;
import io.ocmj.policy.rego.RegoModule;
import java.time.Clock;
import java.time.Duration;

/**
 * What the policy agent needs.
 *
 * @param clusterName the cluster namespace, on the hub and on the managed cluster
 * @param agentNamespace where its hub identity's Secret is on the managed cluster: the klusterlet's
 *     agent namespace, or the policy add-on's install namespace
 * @param identitySecret that Secret: the registration agent's {@code hub-kubeconfig-secret}, or
 *     {@code governance-policy-framework-hub-kubeconfig} when the agent runs as the {@value
 *     Policy#ADDON_NAME} add-on (then it also renews the add-on's Lease there)
 * @param klusterletNamespace the registration agent's namespace: as an add-on, the agent takes the
 *     hub's address and CA from the cluster's own identity there
 * @param evaluationInterval how often a ConfigurationPolicy whose evaluationInterval is {@code
 *     watch} (the default) is evaluated again; ocmj polls rather than watching every kind a policy
 *     names
 * @param resync how often policies are synced with the hub, their templates and status looked at
 *     and the policy reports checked without any event (default 5 min): events drive all of it,
 *     this only catches what no event tells, e.g. a hub replica whose status was lost
 * @param regoTimeLimit how long one Rego review may run before the audit of its constraint stops
 *     with an error
 */
public record PolicyAgentConfig(
    String clusterName,
    String agentNamespace,
    String identitySecret,
    String klusterletNamespace,
    Duration evaluationInterval,
    Duration resync,
    Duration regoTimeLimit,
    Clock clock) {
  public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(5);

  /** The policy add-on's hub identity, as the registration agent names add-on credentials. */
  public static final String ADDON_SECRET = HubKubeconfigSecret.addonSecretName(Policy.ADDON_NAME);

  /** Whether it runs as the policy add-on (its own identity and Lease). */
  public boolean asAddon() {
    return ADDON_SECRET.equals(identitySecret);
  }

  public PolicyAgentConfig {
    if (identitySecret == null || identitySecret.isBlank()) {
      throw new IllegalArgumentException("policy agent identity secret: must be set");
    }
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

  /** The agent with the registration agent's identity (the klusterlet's own namespace). */
  public static PolicyAgentConfig defaults(String clusterName, String agentNamespace) {
    return new PolicyAgentConfig(
        clusterName,
        agentNamespace,
        HubKubeconfigSecret.NAME,
        agentNamespace,
        DEFAULT_EVALUATION_INTERVAL,
        DEFAULT_RESYNC,
        RegoModule.DEFAULT_TIME_LIMIT,
        Clock.systemUTC());
  }

  /**
   * The agent as the {@value Policy#ADDON_NAME} add-on installed in {@code installNamespace}: it
   * runs once the add-on is enabled for the cluster and its hub credentials are issued, with that
   * identity alone, and stops when the add-on is disabled.
   */
  public static PolicyAgentConfig addon(
      String clusterName, String installNamespace, String klusterletNamespace) {
    return new PolicyAgentConfig(
        clusterName,
        installNamespace,
        ADDON_SECRET,
        klusterletNamespace,
        DEFAULT_EVALUATION_INTERVAL,
        DEFAULT_RESYNC,
        RegoModule.DEFAULT_TIME_LIMIT,
        Clock.systemUTC());
  }
}
