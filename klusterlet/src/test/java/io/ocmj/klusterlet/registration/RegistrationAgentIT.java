package io.ocmj.klusterlet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.OcmjVersion;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.cluster.v1alpha1.ClusterClaimSpec;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalCluster;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole handshake between a real hub and a real managed cluster. */
@KubernetesClusters({"hub", "cluster1"})
class RegistrationAgentIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static HubControllers controllers;
  private static String bootstrapKubeconfig;

  @BeforeAll
  static void startHub(ClusterSet clusters) {
    TestCluster hub = clusters.get("hub");
    HubCrds.install(hub.client());
    controllers = HubControllers.start(hub.client(), Clock.systemUTC());
    bootstrapKubeconfig =
        BootstrapIdentity.kubeconfig(
            hub.client(), hub.serverUrl(), hub.caCertificatePem(), Duration.ofHours(1));
  }

  @AfterAll
  static void stopHub() {
    if (controllers != null) {
      controllers.close();
    }
  }

  private static RegistrationAgent agent(
      TestCluster managed,
      String cluster,
      String namespace,
      Duration lifetime,
      Duration renewBefore) {
    return new RegistrationAgent(
            new RegistrationConfig(
                cluster,
                namespace,
                bootstrapKubeconfig,
                List.of(managed.serverUrl()),
                lifetime,
                renewBefore,
                Duration.ofMillis(500),
                Clock.systemUTC()),
            managed.client())
        .start();
  }

  private static void accept(KubernetesClient hub, String cluster) {
    hub.resources(ManagedCluster.class)
        .withName(cluster)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"hubAcceptsClient\":true}}");
  }

  private static ManagedCluster cluster(KubernetesClient hub, String name) {
    return hub.resources(ManagedCluster.class).withName(name).get();
  }

  @Test
  void joinsOnlyAfterTheHubAcceptsThenReportsJoinedAvailableAndItsLease(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    TestCluster managed = clusters.get("cluster1");
    try (RegistrationAgent agent =
        agent(managed, "cluster1", RegistrationConfig.DEFAULT_AGENT_NAMESPACE, null, null)) {
      await("the agent registered its cluster and asked for a certificate")
          .atMost(WAIT)
          .until(
              () ->
                  cluster(hub, "cluster1") != null && "waiting-for-approval".equals(agent.phase()));
      assertThat(cluster(hub, "cluster1").getSpec().getManagedClusterClientConfigs())
          .extracting(c -> c.getUrl())
          .containsExactly(managed.serverUrl());
      await("no certificate while not accepted")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !secret(managed).hasCertificate());

      accept(hub, "cluster1");

      await("Joined and Available")
          .atMost(WAIT)
          .until(
              () -> {
                ManagedCluster mc = cluster(hub, "cluster1");
                return ManagedCluster.isTrue(mc, ManagedCluster.CONDITION_JOINED)
                    && Conditions.isTrue(
                        mc.getStatus().getConditions(), ManagedCluster.CONDITION_AVAILABLE);
              });
      await("the hub finds the clocks in sync")
          .atMost(WAIT)
          .until(
              () ->
                  Conditions.isTrue(
                      cluster(hub, "cluster1").getStatus().getConditions(),
                      ManagedCluster.CONDITION_CLOCK_SYNCED));
      ManagedCluster joined = cluster(hub, "cluster1");
      assertThat(joined.getStatus().getVersion().getKubernetes())
          .isEqualTo(managed.client().getKubernetesVersion().getGitVersion());
      assertThat(
              Conditions.isTrue(
                  joined.getStatus().getConditions(), ManagedCluster.CONDITION_HUB_ACCEPTED))
          .as("the agent's status writes leave the hub's condition alone")
          .isTrue();
      HubKubeconfigSecret secret = secret(managed);
      assertThat(secret.clusterName()).isEqualTo("cluster1");
      assertThat(
              AgentCertificates.parse(secret.certificatePem()).getSubjectX500Principal().getName())
          .contains("CN=system:open-cluster-management:cluster1:" + secret.agentName());
      ZonedDateTime renewed =
          hub.leases()
              .inNamespace("cluster1")
              .withName("managed-cluster-lease")
              .get()
              .getSpec()
              .getRenewTime();
      assertThat(renewed).isAfter(ZonedDateTime.now().minusMinutes(1));
      assertThat(agent.phase()).isEqualTo("joined");

      ClusterClaim region = new ClusterClaim();
      region.getMetadata().setName("region.example.com");
      ClusterClaimSpec spec = new ClusterClaimSpec();
      spec.setValue("eu-west");
      region.setSpec(spec);
      managed.client().resource(region).serverSideApply();
      String kubeSystemUid =
          managed.client().namespaces().withName("kube-system").get().getMetadata().getUid();
      await("claims reported promptly (a claim change wakes the agent), reserved first")
          .atMost(WAIT)
          .until(
              () ->
                  cluster(hub, "cluster1").getStatus().getClusterClaims().stream()
                      .map(c -> c.getName() + "=" + c.getValue())
                      .toList()
                      .equals(
                          List.of(
                              "id.k8s.io=" + kubeSystemUid,
                              "agentversion.ocmj.io=" + OcmjVersion.get(),
                              "region.example.com=eu-west")));
    }
  }

  @Test
  void rotatesItsCertificateBeforeExpiryAndKeepsRenewingItsLease(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    TestCluster managed = clusters.get("cluster1");
    // 10-minute certificates (the signer's minimum) renewed when 9 m 50 s remain: one every ~10 s.
    try (RegistrationAgent agent =
        agent(
            managed,
            "rotating",
            "agent-rotating",
            Duration.ofMinutes(10),
            Duration.ofSeconds(590))) {
      await("registered").atMost(WAIT).until(() -> cluster(hub, "rotating") != null);
      accept(hub, "rotating");
      Set<BigInteger> serials = new LinkedHashSet<>();
      Set<ZonedDateTime> renewals = new LinkedHashSet<>();
      await("three certificates in turn, each used for heartbeats")
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                HubKubeconfigSecret s = secret(managed, "agent-rotating");
                if (s.hasCertificate()) {
                  serials.add(AgentCertificates.parse(s.certificatePem()).getSerialNumber());
                }
                var lease =
                    hub.leases().inNamespace("rotating").withName("managed-cluster-lease").get();
                if (lease != null) {
                  renewals.add(lease.getSpec().getRenewTime());
                }
                return serials.size() >= 3 && renewals.size() >= 3;
              });
      ManagedCluster mc = cluster(hub, "rotating");
      assertThat(
              Conditions.isTrue(mc.getStatus().getConditions(), ManagedCluster.CONDITION_AVAILABLE))
          .isTrue();
      assertThat(agent.phase()).isEqualTo("joined");
    }
  }

  @Test
  void quietAgentMakesTheClusterUnknownAndTaintedUntilItComesBack(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    TestCluster managed = clusters.get("cluster1");
    RegistrationAgent agent = agent(managed, "quiet", "agent-quiet", null, null);
    await("registered").atMost(WAIT).until(() -> cluster(hub, "quiet") != null);
    // One-second leases: the hub's grace period is five of them.
    hub.resources(ManagedCluster.class)
        .withName("quiet")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"hubAcceptsClient\":true,\"leaseDurationSeconds\":1}}");
    await("available, untainted")
        .atMost(WAIT)
        .until(
            () -> availability(hub, "quiet").equals("True") && taintKeys(hub, "quiet").isEmpty());

    agent.close();

    await("Unknown after the grace period, with the unreachable taint")
        .atMost(WAIT)
        .until(
            () ->
                availability(hub, "quiet").equals("Unknown")
                    && taintKeys(hub, "quiet")
                        .equals(List.of("cluster.open-cluster-management.io/unreachable")));
    assertThat(
            Conditions.find(
                    cluster(hub, "quiet").getStatus().getConditions(),
                    ManagedCluster.CONDITION_AVAILABLE)
                .orElseThrow()
                .getReason())
        .isEqualTo("ManagedClusterLeaseUpdateStopped");

    try (RegistrationAgent back = agent(managed, "quiet", "agent-quiet", null, null)) {
      await("available again, taint gone")
          .atMost(WAIT)
          .until(
              () -> availability(hub, "quiet").equals("True") && taintKeys(hub, "quiet").isEmpty());
    }
  }

  @Test
  void agentReconnectsByItselfAfterTheHubApiServerRestarts(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    TestCluster managed = clusters.get("cluster1");
    try (RegistrationAgent agent = agent(managed, "survivor", "agent-survivor", null, null)) {
      await("registered").atMost(WAIT).until(() -> cluster(hub, "survivor") != null);
      hub.resources(ManagedCluster.class)
          .withName("survivor")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"hubAcceptsClient\":true,\"leaseDurationSeconds\":1}}");
      await("joined").atMost(WAIT).until(() -> availability(hub, "survivor").equals("True"));

      ((LocalCluster) clusters.get("hub")).restartApiServer();
      ZonedDateTime restarted = ZonedDateTime.now();

      await("heartbeats resume after the restart")
          .atMost(WAIT)
          .until(
              () -> {
                var lease =
                    hub.leases().inNamespace("survivor").withName("managed-cluster-lease").get();
                return lease.getSpec().getRenewTime().isAfter(restarted)
                    && availability(hub, "survivor").equals("True");
              });
      assertThat(agent.phase()).isEqualTo("joined");
    }
  }

  @Test
  void agentNoticesWhenItIsDeniedAcceptedAgainAndRemoved(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    TestCluster managed = clusters.get("cluster1");
    try (RegistrationAgent agent = agent(managed, "leaving", "agent-leaving", null, null)) {
      await("registered").atMost(WAIT).until(() -> cluster(hub, "leaving") != null);
      hub.resources(ManagedCluster.class)
          .withName("leaving")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"hubAcceptsClient\":true,\"leaseDurationSeconds\":1}}");
      await("joined").atMost(WAIT).until(() -> "joined".equals(agent.phase()));

      hub.resources(ManagedCluster.class)
          .withName("leaving")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"hubAcceptsClient\":false}}");
      await("the agent knows it was denied")
          .atMost(WAIT)
          .until(() -> "denied".equals(agent.phase()));

      accept(hub, "leaving");
      await("and that it is back").atMost(WAIT).until(() -> "joined".equals(agent.phase()));

      hub.resources(ManagedCluster.class).withName("leaving").delete();
      await("the agent knows it was removed")
          .atMost(WAIT)
          .until(() -> "lost-access".equals(agent.phase()));
      await("the hub cleaned up")
          .atMost(WAIT)
          .until(
              () ->
                  cluster(hub, "leaving") == null
                      && hub.namespaces().withName("leaving").get() == null);
    }
  }

  private static String availability(KubernetesClient hub, String name) {
    ManagedCluster mc = cluster(hub, name);
    return mc.getStatus() == null
        ? ""
        : Conditions.find(mc.getStatus().getConditions(), ManagedCluster.CONDITION_AVAILABLE)
            .map(c -> c.getStatus())
            .orElse("");
  }

  private static List<String> taintKeys(KubernetesClient hub, String name) {
    return cluster(hub, name).getSpec().getTaints().stream().map(t -> t.getKey()).toList();
  }

  private static HubKubeconfigSecret secret(TestCluster managed) {
    return secret(managed, RegistrationConfig.DEFAULT_AGENT_NAMESPACE);
  }

  private static HubKubeconfigSecret secret(TestCluster managed, String namespace) {
    Secret secret =
        managed.client().secrets().inNamespace(namespace).withName(HubKubeconfigSecret.NAME).get();
    return secret == null
        ? new HubKubeconfigSecret(null, null, null, null, null)
        : HubKubeconfigSecret.from(secret);
  }
}
