package io.ocmj.klusterlet.registration;

import io.ocmj.api.operator.v1.Klusterlet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What the registration agent needs: who it is, how to reach the hub first (bootstrap kubeconfig),
 * how the hub reaches this cluster, and when to rotate its certificate.
 *
 * @param clusterName the ManagedCluster name (also its namespace on the hub)
 * @param agentNamespace where the agent keeps {@code hub-kubeconfig-secret} on the managed cluster
 * @param bootstrapKubeconfig YAML of a kubeconfig that may only create ManagedClusters and CSRs
 * @param managedClusterUrls https URLs of this cluster's API server, for the hub's inventory
 * @param certificateLifetime the lifetime to ask for (CSR expirationSeconds, at least 10 minutes);
 *     null leaves it to the signer
 * @param renewBefore rotate the certificate this long before it expires; null means at 80 % of its
 *     lifetime, as OCM does
 * @param retry the pause between attempts while waiting (for approval, the hub, acceptance)
 */
public record RegistrationConfig(
    String clusterName,
    String agentNamespace,
    String bootstrapKubeconfig,
    List<String> managedClusterUrls,
    Duration certificateLifetime,
    Duration renewBefore,
    Duration retry,
    Clock clock) {
  public static final String DEFAULT_AGENT_NAMESPACE = "open-cluster-management-agent";

  /**
   * The Klusterlet this agent reports on: {@code klusterlet} in the default namespace, else named
   * after its namespace (several simulated agents may share one managed cluster).
   */
  public String klusterletName() {
    return DEFAULT_AGENT_NAMESPACE.equals(agentNamespace)
        ? Klusterlet.DEFAULT_NAME
        : agentNamespace;
  }

  public RegistrationConfig {
    if (clusterName == null || !clusterName.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "cluster name '" + clusterName + "': must be a DNS label (lower case, digits, '-')");
    }
    if (certificateLifetime != null && certificateLifetime.toSeconds() < 600) {
      throw new IllegalArgumentException(
          "certificate lifetime " + certificateLifetime + ": must be at least 10 minutes (PT10M)");
    }
    if (renewBefore != null && renewBefore.isNegative()) {
      throw new IllegalArgumentException("renew-before " + renewBefore + ": must not be negative");
    }
  }
}
