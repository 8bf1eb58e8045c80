package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.hub.HubConfig;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.TestCluster;
import java.time.Clock;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A hub with its CRDs and controllers, and the bootstrap identity agents join with: what the hub
 * registration tests share.
 */
final class HubBed implements AutoCloseable {
  final TestCluster hub;
  final KubernetesClient bootstrap;
  private final HubControllers controllers;

  HubBed(TestCluster hub, HubConfig config) {
    this.hub = hub;
    HubCrds.install(hub.client());
    controllers = HubControllers.start(hub.client(), Clock.systemUTC(), config);
    String kubeconfig =
        BootstrapIdentity.kubeconfig(
            hub.client(), hub.serverUrl(), hub.caCertificatePem(), Duration.ofHours(1));
    bootstrap = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
  }

  static ManagedCluster cluster(String name) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    cluster.setSpec(new ManagedClusterSpec());
    cluster.setStatus(null);
    return cluster;
  }

  /**
   * Sets spec.hubAcceptsClient with a merge patch, as an admin would: no read-modify-write race.
   */
  static void accept(KubernetesClient admin, String name, boolean accept) {
    admin
        .resources(ManagedCluster.class)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"hubAcceptsClient\":" + accept + "}}");
  }

  /**
   * Joins {@code name} through the bootstrap identity and the hub's acceptance; returns the agent's
   * client.
   */
  KubernetesClient join(String name) {
    bootstrap.resource(cluster(name)).create();
    AgentIdentity agent = AgentIdentity.request(bootstrap, name, name);
    accept(hub.client(), name, true);
    return agent.awaitClient(hub);
  }

  static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
  }

  @Override
  public void close() {
    bootstrap.close();
    controllers.close();
  }
}
