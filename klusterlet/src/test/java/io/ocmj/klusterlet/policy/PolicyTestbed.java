package io.ocmj.klusterlet.policy;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.DetailsPerTemplate;
import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.klusterlet.registration.HubKubeconfigSecret;
import io.ocmj.klusterlet.registration.RegistrationConfig;
import io.ocmj.klusterlet.work.WorkTestbed;
import io.ocmj.testing.TestCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hub with its controllers and managed clusters joined, each running a policy agent (1 s
 * evaluation, 2 s resync); policies, bindings and decisions are written in namespace {@value #NS}.
 */
final class PolicyTestbed implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(90);
  static final String NS = "policies";

  /** Short, so a runaway Rego review stops quickly in tests. */
  static final Duration REGO_TIME_LIMIT = Duration.ofSeconds(1);

  final WorkTestbed bed;
  final KubernetesClient hub;
  private final Map<String, PolicyAgent> agents = new LinkedHashMap<>();

  PolicyTestbed(TestCluster hubCluster, List<TestCluster> managed) {
    this(hubCluster, managed, true);
  }

  /** With {@code agents} false, no policy agent runs until a test starts one. */
  PolicyTestbed(TestCluster hubCluster, List<TestCluster> managed, boolean agents) {
    bed = new WorkTestbed(hubCluster, managed);
    hub = bed.hub;
    hub.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
    if (agents) {
      managed.forEach(c -> startAgent(c.name()));
    }
  }

  /**
   * A policy agent as the governance-policy-framework add-on (its own identity, once the add-on is
   * enabled for the cluster); not awaited, as it is idle until then.
   */
  PolicyAgent startAddonAgent(String cluster) {
    PolicyAgent agent =
        new PolicyAgent(
                PolicyAgentConfig.addon(
                    cluster,
                    ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE,
                    RegistrationConfig.DEFAULT_AGENT_NAMESPACE),
                bed.managed(cluster))
            .start();
    agents.put(cluster, agent);
    return agent;
  }

  KubernetesClient managed(String cluster) {
    return bed.managed(cluster);
  }

  void startAgent(String cluster) {
    PolicyAgent agent =
        new PolicyAgent(
                new PolicyAgentConfig(
                    cluster,
                    RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
                    HubKubeconfigSecret.NAME,
                    RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    REGO_TIME_LIMIT,
                    Clock.systemUTC()),
                bed.managed(cluster))
            .start();
    agents.put(cluster, agent);
    await("the policy agent of " + cluster + " runs").atMost(WAIT).until(agent::running);
  }

  void stopAgent(String cluster) {
    agents.remove(cluster).close();
  }

  /** An inform Policy: ConfigMap default/settings must have {@code mode: strict}. */
  static Policy requireSettings(String name) {
    return policy(
        name,
        "inform",
        """
        - complianceType: musthave
          objectDefinition:
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: default}
            data: {mode: strict}
        """);
  }

  /** A Policy with one ConfigurationPolicy template named {@code <name>-cfg}. */
  static Policy policy(String name, String action, String objectTemplates) {
    String yaml =
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: Policy
        metadata: {name: %s, namespace: %s}
        spec:
          disabled: false
          remediationAction: %s
          policy-templates:
          - objectDefinition:
              apiVersion: policy.open-cluster-management.io/v1
              kind: ConfigurationPolicy
              metadata: {name: %s-cfg}
              spec:
                object-templates:
        %s
        """
            .formatted(name, NS, action, name, objectTemplates.indent(8));
    return Serialization.unmarshal(yaml, Policy.class);
  }

  Policy create(Policy policy) {
    return hub.resource(policy).serverSideApply();
  }

  /** Binds the policy to a placement (written as {@code <policy>-binding}). */
  void bind(String policy, String placement) {
    String yaml =
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: PlacementBinding
        metadata: {name: %s-binding, namespace: %s}
        placementRef: {apiGroup: cluster.open-cluster-management.io, kind: Placement, name: %s}
        subjects:
        - {apiGroup: policy.open-cluster-management.io, kind: Policy, name: %s}
        """
            .formatted(policy, NS, placement, policy);
    hub.resource(Serialization.unmarshal(yaml, PlacementBinding.class)).serverSideApply();
  }

  /** Writes the placement's decision as the scheduler would (tests move clusters directly). */
  void decide(String placement, List<String> clusters) {
    bed.decide(NS, placement, clusters);
  }

  Policy root(String name) {
    return hub.resources(Policy.class).inNamespace(NS).withName(name).get();
  }

  Policy hubReplica(String name, String cluster) {
    return hub.resources(Policy.class)
        .inNamespace(cluster)
        .withName(Policy.replicaName(NS, name))
        .get();
  }

  Policy managedReplica(String name, String cluster) {
    return bed.managed(cluster)
        .resources(Policy.class)
        .inNamespace(cluster)
        .withName(Policy.replicaName(NS, name))
        .get();
  }

  /** The root's per-cluster state; null when the cluster is not listed. */
  String clusterState(String name, String cluster) {
    Policy root = root(name);
    if (root == null || root.getStatus() == null) {
      return null;
    }
    return root.getStatus().getStatus().stream()
        .filter(s -> cluster.equals(s.getClustername()))
        .findFirst()
        .map(CompliancePerClusterStatus::getCompliant)
        .orElse(null);
  }

  /** The newest message of the hub replica's first template, or null. */
  String latestMessage(String name, String cluster) {
    List<DetailsPerTemplate> details = details(name, cluster);
    return details.isEmpty() || details.get(0).getHistory().isEmpty()
        ? null
        : details.get(0).getHistory().get(0).getMessage();
  }

  List<DetailsPerTemplate> details(String name, String cluster) {
    Policy replica = hubReplica(name, cluster);
    return replica == null || replica.getStatus() == null
        ? List.of()
        : replica.getStatus().getDetails();
  }

  @Override
  public void close() {
    agents.values().forEach(PolicyAgent::close);
    bed.close();
  }
}
