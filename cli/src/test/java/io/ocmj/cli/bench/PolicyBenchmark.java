package io.ocmj.cli.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecisionStatus;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.klusterlet.policy.PolicyAgent;
import io.ocmj.klusterlet.policy.PolicyAgentConfig;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalClusterProvider;
import io.ocmj.testing.Percentiles;
import io.ocmj.testing.TestCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time from creating a Policy (and its PlacementBinding) on the hub until the root policy shows
 * Compliant from every one of N clusters. The clusters are simulated as in {@link WorkBenchmark}:
 * each has its own identity and agents (registration, work, policy; 10 s evaluation interval, the
 * default; the policy agent with its own connection) and its own namespace on one shared managed
 * API server. P policies are created one after the other, each waited for. Hub controllers and
 * agents run in this JVM.
 *
 * <p>Run: {@code bin/bench-policy e2e 2 5}, {@code bin/bench-policy e2e 100 5}.
 */
public final class PolicyBenchmark {
  private static final String NS = "bench-policies";

  private PolicyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int policies = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try (ClusterSet clusters =
        new ClusterSet(
            new LocalClusterProvider(new Binaries(Binaries.defaultCacheDir()))
                .start(List.of("hub", "managed")))) {
      TestCluster hub = clusters.get("hub");
      HubCrds.install(hub.client());
      try (HubControllers controllers = HubControllers.start(hub.client(), Clock.systemUTC())) {
        run(n, policies, hub, clusters.get("managed"));
      }
    }
    System.exit(0);
  }

  private static void run(int n, int policies, TestCluster hub, TestCluster managed)
      throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(String.format(Locale.ROOT, "sim-%04d", i));
    }
    List<AutoCloseable> agents = WorkBenchmark.join(hub, managed, names);
    List<PolicyAgent> policyAgents = new ArrayList<>();
    List<KubernetesClient> agentClients = new ArrayList<>();
    for (String name : names) {
      // Each simulated cluster's policy agent has its own connection, as a real one would: on one
      // shared HTTP/2 connection 100 agents' watches exceed the API server's concurrent streams.
      KubernetesClient own =
          new KubernetesClientBuilder().withConfig(managed.client().getConfiguration()).build();
      agentClients.add(own);
      policyAgents.add(
          new PolicyAgent(
                  new PolicyAgentConfig(
                      name,
                      "agent-" + name,
                      io.ocmj.klusterlet.registration.HubKubeconfigSecret.NAME,
                      "agent-" + name,
                      PolicyAgentConfig.DEFAULT_EVALUATION_INTERVAL,
                      PolicyAgentConfig.DEFAULT_RESYNC,
                      io.ocmj.policy.rego.RegoModule.DEFAULT_TIME_LIMIT,
                      Clock.systemUTC()),
                  own)
              .start());
    }
    await("all policy agents run")
        .atMost(Duration.ofMinutes(10))
        .until(() -> policyAgents.stream().allMatch(PolicyAgent::running));
    KubernetesClient client = hub.client();
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
    decide(client, names);
    List<Double> millis = new ArrayList<>();
    for (int p = 0; p < policies; p++) {
      String name = String.format(Locale.ROOT, "bench-%02d", p);
      long start = System.nanoTime();
      client.resource(policy(name)).serverSideApply();
      client.resource(binding(name)).serverSideApply();
      await(name + " Compliant from all " + n)
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> compliantEverywhere(client, name, n));
      millis.add((System.nanoTime() - start) / 1e6);
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "RESULT policy clusters=%d policies=%d create_to_root_compliant_ms p50=%.0f max=%.0f"
            + " (each: %s)%n",
        n,
        policies,
        Percentiles.of(sorted, 50),
        sorted.get(sorted.size() - 1),
        millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList());
    for (PolicyAgent a : policyAgents) {
      a.close();
    }
    agentClients.forEach(KubernetesClient::close);
    WorkBenchmark.close(agents);
  }

  private static boolean compliantEverywhere(KubernetesClient client, String name, int n) {
    Policy root = client.resources(Policy.class).inNamespace(NS).withName(name).get();
    if (root == null || root.getStatus() == null || root.getStatus().getStatus().size() != n) {
      return false;
    }
    return root.getStatus().getStatus().stream()
            .map(CompliancePerClusterStatus::getCompliant)
            .allMatch(Policy.COMPLIANT::equals)
        && Policy.COMPLIANT.equals(root.getStatus().getCompliant());
  }

  private static void decide(KubernetesClient client, List<String> names) {
    PlacementDecision decision = new PlacementDecision();
    decision.getMetadata().setName("everywhere-decision-1");
    decision.getMetadata().setNamespace(NS);
    decision.getMetadata().setLabels(Map.of(PlacementDecision.LABEL_PLACEMENT, "everywhere"));
    decision = client.resource(decision).create();
    PlacementDecisionStatus status = new PlacementDecisionStatus();
    status.setDecisions(names.stream().map(ClusterDecision::new).toList());
    decision.setStatus(status);
    client.resource(decision).updateStatus();
  }

  private static Policy policy(String name) {
    return Serialization.unmarshal(
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: Policy
        metadata: {name: %s, namespace: %s}
        spec:
          disabled: false
          remediationAction: inform
          policy-templates:
          - objectDefinition:
              apiVersion: policy.open-cluster-management.io/v1
              kind: ConfigurationPolicy
              metadata: {name: %s}
              spec:
                object-templates:
                - complianceType: musthave
                  objectDefinition: {apiVersion: v1, kind: Namespace, metadata: {name: default}}
        """
            .formatted(name, NS, name),
        Policy.class);
  }

  private static PlacementBinding binding(String name) {
    return Serialization.unmarshal(
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: PlacementBinding
        metadata: {name: %s, namespace: %s}
        placementRef: {apiGroup: cluster.open-cluster-management.io, kind: Placement, name: everywhere}
        subjects:
        - {apiGroup: policy.open-cluster-management.io, kind: Policy, name: %s}
        """
            .formatted(name, NS, name),
        PlacementBinding.class);
  }
}
