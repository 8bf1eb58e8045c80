package io.ocmj.cli.command;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.cluster.v1alpha1.ClusterClaimSpec;
import io.ocmj.hub.HubConfig;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.monitoring.ControllerMetrics;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.klusterlet.policy.PolicyAgent;
import io.ocmj.klusterlet.policy.PolicyAgentConfig;
import io.ocmj.klusterlet.registration.RegistrationAgent;
import io.ocmj.klusterlet.registration.RegistrationConfig;
import io.ocmj.klusterlet.work.WorkAgent;
import io.ocmj.klusterlet.work.WorkAgentConfig;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.TestCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ocmj stack on a dev environment: CRDs and hub controllers on the first cluster (the hub), a
 * registration agent and a work agent on every other one, each accepted on the hub as {@code ocmj
 * accept} would, and the policy agent as the governance-policy-framework add-on: dev clusters have
 * no kubelet to run the add-on's Deployment, so this process runs what it would, and it starts once
 * the example repository's ClusterManagementAddOn installs the add-on.
 */
final class DevStack implements AutoCloseable {
  /** The claim the example placement {@code europe} selects by. */
  static final String REGION_CLAIM = "region.open-cluster-management.io";

  private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration WORK_RESYNC = Duration.ofSeconds(10);
  private final HubControllers hub;
  private final List<RegistrationAgent> agents;
  private final List<WorkAgent> workAgents = new ArrayList<>();
  private final List<PolicyAgent> policyAgents = new ArrayList<>();

  private DevStack(HubControllers hub, List<RegistrationAgent> agents) {
    this.hub = hub;
    this.agents = agents;
  }

  static DevStack start(ClusterSet clusters, Path opa) {
    TestCluster hubCluster = clusters.get(0);
    KubernetesClient hubClient = hubCluster.client();
    HubCrds.install(hubClient);
    HubControllers controllers =
        HubControllers.start(hubClient, Clock.systemUTC(), HubConfig.defaults().withOpa(opa));
    List<RegistrationAgent> agents = new ArrayList<>();
    DevStack stack = new DevStack(controllers, agents);
    try {
      String bootstrap =
          BootstrapIdentity.kubeconfig(
              hubClient,
              hubCluster.serverUrl(),
              hubCluster.caCertificatePem(),
              Duration.ofHours(24));
      for (TestCluster managed : clusters.all().subList(1, clusters.size())) {
        agents.add(
            new RegistrationAgent(
                    new RegistrationConfig(
                        managed.name(),
                        RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
                        bootstrap,
                        List.of(managed.serverUrl()),
                        null,
                        null,
                        Duration.ofSeconds(1),
                        Clock.systemUTC()),
                    managed.client())
                .start());
      }
      for (TestCluster managed : clusters.all().subList(1, clusters.size())) {
        stack.workAgents.add(
            new WorkAgent(
                    new WorkAgentConfig(
                        managed.name(),
                        RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
                        WORK_RESYNC,
                        WORK_RESYNC,
                        WorkAgentConfig.DEFAULT_RETRY,
                        WorkAgentConfig.DEFAULT_MAX_RAW_FEEDBACK_BYTES,
                        Clock.systemUTC()),
                    managed.client())
                .withMetrics(ControllerMetrics.global())
                .start());
      }
      for (TestCluster managed : clusters.all().subList(1, clusters.size())) {
        stack.policyAgents.add(
            new PolicyAgent(
                    PolicyAgentConfig.addon(
                        managed.name(),
                        ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE,
                        RegistrationConfig.DEFAULT_AGENT_NAMESPACE),
                    managed.client())
                .withMetrics(ControllerMetrics.global())
                .start());
      }
      List<TestCluster> managedClusters = clusters.all().subList(1, clusters.size());
      for (int i = 0; i < managedClusters.size(); i++) {
        TestCluster managed = managedClusters.get(i);
        // What the example fleet's placements select by: a claim the cluster's admin makes ...
        claim(managed.client(), REGION_CLAIM, i % 2 == 0 ? "eu-west" : "us-east");
        // ... and a label the hub admin gives it on acceptance.
        acceptWhenRegistered(hubClient, managed.name(), i % 2 == 0 ? "staging" : "production");
      }
      for (TestCluster managed : clusters.all().subList(1, clusters.size())) {
        awaitJoinedAndAvailable(hubClient, managed.name());
      }
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private static void claim(KubernetesClient managed, String name, String value) {
    ClusterClaim claim = new ClusterClaim();
    claim.getMetadata().setName(name);
    claim.setSpec(new ClusterClaimSpec());
    claim.getSpec().setValue(value);
    await("the ClusterClaim CRD is served")
        .atMost(JOIN_TIMEOUT)
        .ignoreExceptions()
        .until(() -> managed.resource(claim).fieldManager("ocmj-dev").serverSideApply() != null);
  }

  private static void acceptWhenRegistered(
      KubernetesClient hub, String cluster, String environment) {
    await("cluster " + cluster + " registers with the hub")
        .atMost(JOIN_TIMEOUT)
        .until(() -> hub.resources(ManagedCluster.class).withName(cluster).get() != null);
    hub.resources(ManagedCluster.class)
        .withName(cluster)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"environment\":\""
                + environment
                + "\"}},\"spec\":{\"hubAcceptsClient\":true}}");
  }

  private static void awaitJoinedAndAvailable(KubernetesClient hub, String cluster) {
    await("cluster " + cluster + " is Joined and Available")
        .atMost(JOIN_TIMEOUT)
        .until(
            () -> {
              ManagedCluster mc = hub.resources(ManagedCluster.class).withName(cluster).get();
              return ManagedCluster.isTrue(mc, ManagedCluster.CONDITION_JOINED)
                  && ManagedCluster.isTrue(mc, ManagedCluster.CONDITION_AVAILABLE);
            });
  }

  /** Whether the hub controllers and every work agent run. */
  boolean ready() {
    return hub.ready() && workAgents.stream().allMatch(WorkAgent::running);
  }

  @Override
  public void close() {
    policyAgents.forEach(PolicyAgent::close);
    workAgents.forEach(WorkAgent::close);
    agents.forEach(RegistrationAgent::close);
    hub.close();
  }
}
