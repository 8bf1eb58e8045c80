package io.ocmj.klusterlet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.operator.v1.Klusterlet;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalCluster;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub's serving CA rolls over: an agent whose bundle holds old and new keeps working; one that
 * trusts only the old CA says so on its Klusterlet and recovers once bootstrap material is
 * re-issued, keeping its identity.
 */
@KubernetesClusters({"hub", "cluster1"})
class HubCaRolloverIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String FIELD_MANAGER = "hub-ca-rollover-it";
  private static HubControllers controllers;

  @BeforeAll
  static void startHub(ClusterSet clusters) {
    HubCrds.install(clusters.get("hub").client());
    controllers = HubControllers.start(clusters.get("hub").client(), Clock.systemUTC());
  }

  @AfterAll
  static void stopHub() {
    if (controllers != null) {
      controllers.close();
    }
  }

  @Test
  void agentsTrustingTheNewCaKeepWorkingAndAStaleOneRecoversAfterARebootstrap(ClusterSet clusters) {
    assumeTrue(
        clusters.get("hub") instanceof LocalCluster,
        "rolls the hub's serving CA, which needs local clusters (-Docmj.test.clusters=local)");
    LocalCluster hub = (LocalCluster) clusters.get("hub");
    TestCluster managed = clusters.get("cluster1");
    String oldCa = hub.caCertificatePem();
    String bothCas = oldCa + hub.nextServingCaPem();
    try (RegistrationAgent bundled = agent(hub, managed, "bundled", bootstrap(hub, bothCas));
        RegistrationAgent stale = agent(hub, managed, "stale", bootstrap(hub, oldCa))) {
      for (String cluster : List.of("bundled", "stale")) {
        await("registered").atMost(WAIT).until(() -> cluster(hub.client(), cluster) != null);
        hub.client()
            .resources(ManagedCluster.class)
            .withName(cluster)
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"hubAcceptsClient\":true,\"leaseDurationSeconds\":1}}");
      }
      for (String cluster : List.of("bundled", "stale")) {
        await(cluster + " joined and reports a functional hub connection")
            .atMost(WAIT)
            .until(
                () ->
                    hubConnection(managed, "agent-" + cluster)
                        .map(c -> Klusterlet.REASON_HUB_CONNECTION_FUNCTIONAL.equals(c.getReason()))
                        .orElse(false));
      }
      String staleCertificate = secret(managed, "agent-stale").certificatePem();

      hub.serveWithNextCa();
      ZonedDateTime rolled = ZonedDateTime.now();

      await("the stale agent reports that it does not trust the hub")
          .atMost(WAIT)
          .until(
              () ->
                  hubConnection(managed, "agent-stale")
                      .filter(c -> Conditions.TRUE.equals(c.getStatus()))
                      .map(c -> Klusterlet.REASON_HUB_KUBECONFIG_ERROR.equals(c.getReason()))
                      .orElse(false));
      assertThat(hubConnection(managed, "agent-stale").orElseThrow().getMessage())
          .contains(HubKubeconfigSecret.NAME, hub.serverUrl(), "ocmj rebootstrap");
      assertThat(stale.phase()).isEqualTo("hub-untrusted");
      await("the agent that trusts old and new keeps renewing its lease")
          .atMost(WAIT)
          .until(() -> renewTime(hub.client(), "bundled").isAfter(rolled));
      assertThat(hubConnection(managed, "agent-bundled").orElseThrow().getStatus())
          .isEqualTo(Conditions.FALSE);

      BootstrapKubeconfigSecret.write(
          managed.client(), "agent-stale", bootstrap(hub, bothCas), FIELD_MANAGER);
      ZonedDateTime reissued = ZonedDateTime.now();

      await("the stale agent adopts the re-issued CA bundle and heartbeats again")
          .atMost(WAIT)
          .until(
              () ->
                  renewTime(hub.client(), "stale").isAfter(reissued)
                      && hubConnection(managed, "agent-stale")
                          .map(c -> Conditions.FALSE.equals(c.getStatus()))
                          .orElse(false));
      assertThat(stale.phase()).isEqualTo("joined");
      assertThat(secret(managed, "agent-stale").certificatePem())
          .as("it kept its identity: no new CSR was needed")
          .isEqualTo(staleCertificate);
      assertThat(bundled.phase()).isEqualTo("joined");
    }
  }

  @Test
  void anInvalidReissuedBootstrapKubeconfigIsReportedAndTheWorkingOneKept(ClusterSet clusters) {
    TestCluster hub = clusters.get("hub");
    TestCluster managed = clusters.get("cluster1");
    String trust = hub.caCertificatePem();
    if (hub instanceof LocalCluster local) {
      trust = trust + local.nextServingCaPem(); // the other test may have rolled the CA already
    }
    try (RegistrationAgent agent = agent(hub, managed, "steady", bootstrap(hub, trust))) {
      await("registered").atMost(WAIT).until(() -> cluster(hub.client(), "steady") != null);
      hub.client()
          .resources(ManagedCluster.class)
          .withName("steady")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"hubAcceptsClient\":true,\"leaseDurationSeconds\":1}}");
      await("joined").atMost(WAIT).until(() -> "joined".equals(agent.phase()));

      BootstrapKubeconfigSecret.write(
          managed.client(),
          "agent-steady",
          bootstrap(hub, trust).replace("https://", "http://"),
          FIELD_MANAGER);
      await("the bad bootstrap secret is reported, naming the secret and the field")
          .atMost(WAIT)
          .until(
              () ->
                  hubConnection(managed, "agent-steady")
                      .map(c -> Klusterlet.REASON_BOOTSTRAP_SECRET_ERROR.equals(c.getReason()))
                      .orElse(false));
      assertThat(hubConnection(managed, "agent-steady").orElseThrow().getMessage())
          .contains(BootstrapKubeconfigSecret.NAME, "clusters[].cluster.server");
      ZonedDateTime reported = ZonedDateTime.now();
      await("heartbeats go on with the identity it has")
          .atMost(WAIT)
          .until(() -> renewTime(hub.client(), "steady").isAfter(reported));

      BootstrapKubeconfigSecret.write(
          managed.client(), "agent-steady", bootstrap(hub, trust), FIELD_MANAGER);
      await("a valid one clears the condition")
          .atMost(WAIT)
          .until(
              () ->
                  hubConnection(managed, "agent-steady")
                      .map(c -> Conditions.FALSE.equals(c.getStatus()))
                      .orElse(false));
    }
  }

  private static String bootstrap(TestCluster hub, String caPem) {
    return BootstrapIdentity.kubeconfig(hub.client(), hub.serverUrl(), caPem, Duration.ofHours(1));
  }

  private static RegistrationAgent agent(
      TestCluster hub, TestCluster managed, String cluster, String bootstrap) {
    return new RegistrationAgent(
            new RegistrationConfig(
                cluster,
                "agent-" + cluster,
                bootstrap,
                List.of(managed.serverUrl()),
                null,
                null,
                Duration.ofMillis(500),
                Clock.systemUTC()),
            managed.client())
        .start();
  }

  private static ManagedCluster cluster(KubernetesClient hub, String name) {
    return hub.resources(ManagedCluster.class).withName(name).get();
  }

  private static Optional<Condition> hubConnection(TestCluster managed, String klusterlet) {
    Klusterlet k = managed.client().resources(Klusterlet.class).withName(klusterlet).get();
    return k == null || k.getStatus() == null
        ? Optional.empty()
        : Conditions.find(
            k.getStatus().getConditions(), Klusterlet.CONDITION_HUB_CONNECTION_DEGRADED);
  }

  private static HubKubeconfigSecret secret(TestCluster managed, String namespace) {
    return HubKubeconfigSecret.from(
        managed.client().secrets().inNamespace(namespace).withName(HubKubeconfigSecret.NAME).get());
  }

  private static ZonedDateTime renewTime(KubernetesClient hub, String cluster) {
    return hub.leases()
        .inNamespace(cluster)
        .withName("managed-cluster-lease")
        .get()
        .getSpec()
        .getRenewTime();
  }
}
