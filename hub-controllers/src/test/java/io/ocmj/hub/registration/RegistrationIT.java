package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.HubConfig;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hub's half of the double opt-in, on a real hub API server with real RBAC. */
@KubernetesClusters("hub")
class RegistrationIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static HubBed bed;
  private static KubernetesClient bootstrap;

  @BeforeAll
  static void startHub(ClusterSet clusters) {
    bed = new HubBed(clusters.get("hub"), HubConfig.defaults());
    bootstrap = bed.bootstrap;
  }

  @AfterAll
  static void stopHub() {
    if (bed != null) {
      bed.close();
    }
  }

  private static ManagedCluster cluster(String name) {
    return HubBed.cluster(name);
  }

  private static void accept(KubernetesClient admin, String name, boolean accept) {
    HubBed.accept(admin, name, accept);
  }

  private static KubernetesClient join(TestCluster hub, String name) {
    return bed.join(name);
  }

  private static void assertForbidden(ThrowingCallable call) {
    HubBed.assertForbidden(call);
  }

  @Test
  void requestIsApprovedOnlyOnceTheHubAcceptsTheCluster(ClusterSet clusters) {
    TestCluster hub = clusters.get("hub");
    KubernetesClient admin = hub.client();
    bootstrap.resource(cluster("pending")).create();
    AgentIdentity agent = AgentIdentity.request(bootstrap, "pending", "pending");

    await("not approved while not accepted")
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(
            () -> !agent.approved(admin) && admin.namespaces().withName("pending").get() == null);
    assertForbidden(() -> bootstrap.secrets().inNamespace("default").list());
    assertForbidden(() -> bootstrap.resources(ManifestWork.class).inAnyNamespace().list());
    await("the cluster says it waits for acceptance")
        .atMost(WAIT)
        .until(
            () ->
                joined(admin, "pending")
                    .equals(
                        "False/WaitingForAcceptance/Waiting for a hub admin to accept cluster"
                            + " pending: set spec.hubAcceptsClient to true (ocmj accept --clusters"
                            + " pending)"));

    accept(admin, "pending", true);

    try (KubernetesClient agentClient = agent.awaitClient(hub)) {
      assertThat(agentClient.resources(ManagedCluster.class).withName("pending").get()).isNotNull();
    }
    await("namespace and acceptance condition")
        .atMost(WAIT)
        .until(
            () ->
                admin.namespaces().withName("pending").get() != null
                    && Conditions.isTrue(
                        admin
                            .resources(ManagedCluster.class)
                            .withName("pending")
                            .get()
                            .getStatus()
                            .getConditions(),
                        ManagedCluster.CONDITION_HUB_ACCEPTED));
    assertThat(
            Conditions.find(
                    admin
                        .resources(ManagedCluster.class)
                        .withName("pending")
                        .get()
                        .getStatus()
                        .getConditions(),
                    ManagedCluster.CONDITION_HUB_ACCEPTED)
                .orElseThrow()
                .getReason())
        .isEqualTo("HubClusterAdminAccepted");
  }

  @Test
  void agentIdentityReachesItsOwnClusterAndNothingElse(ClusterSet clusters) {
    TestCluster hub = clusters.get("hub");
    try (KubernetesClient a = join(hub, "iso-a");
        KubernetesClient b = join(hub, "iso-b")) {
      await("RBAC of both clusters in place")
          .atMost(WAIT)
          .ignoreExceptions()
          .until(
              () ->
                  a.resources(ManifestWork.class).inNamespace("iso-a").list() != null
                      && b.resources(ManifestWork.class).inNamespace("iso-b").list() != null);

      // Its own: read its ManagedCluster, write its status, read its works, take leases.
      assertThat(a.resources(ManagedCluster.class).withName("iso-a").get()).isNotNull();
      patchStatusLabel(a, "iso-a");
      assertThat(a.resources(ManifestWork.class).inNamespace("iso-a").list().getItems()).isEmpty();
      assertThat(a.leases().inNamespace("iso-a").list()).isNotNull();

      // Anyone else's: 403, every one.
      assertForbidden(() -> a.resources(ManagedCluster.class).withName("iso-b").get());
      assertForbidden(() -> patchStatusLabel(a, "iso-b"));
      assertForbidden(() -> a.resources(ManifestWork.class).inNamespace("iso-b").list());
      assertForbidden(() -> a.leases().inNamespace("iso-b").list());
      assertForbidden(() -> a.configMaps().inNamespace("iso-b").list());
      assertForbidden(() -> a.secrets().inNamespace("iso-a").list());
      assertForbidden(() -> a.secrets().inAnyNamespace().list());
      assertForbidden(() -> a.namespaces().list());
      assertForbidden(() -> a.rbac().clusterRoles().list());
      assertForbidden(() -> a.resources(ManagedCluster.class).list());
    }
  }

  private static void patchStatusLabel(KubernetesClient client, String name) {
    GenericKubernetesResource patch = new GenericKubernetesResource();
    patch.setApiVersion(ManagedCluster.GROUP + "/" + ManagedCluster.VERSION);
    patch.setKind("ManagedCluster");
    patch.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).build());
    patch.setAdditionalProperty(
        "status", java.util.Map.of("version", java.util.Map.of("kubernetes", "v1.37.2")));
    client
        .resource(patch)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager("agent")
                .withForce(true)
                .build());
  }

  @Test
  void requestForAnotherClustersIdentityIsNeverApproved(ClusterSet clusters) {
    KubernetesClient admin = clusters.get("hub").client();
    bootstrap.resource(cluster("thief")).create();
    accept(admin, "thief", true);
    bootstrap.resource(cluster("victim")).create();
    accept(admin, "victim", true);
    AgentIdentity foreign = AgentIdentity.request(bootstrap, "thief", "victim");
    AgentIdentity honest = AgentIdentity.request(bootstrap, "thief", "thief");

    await("the honest request is approved").atMost(WAIT).until(() -> honest.approved(admin));
    await("the foreign one is not")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !foreign.approved(admin));
  }

  @Test
  void denyingTheClusterTakesItsAccessAway(ClusterSet clusters) {
    TestCluster hub = clusters.get("hub");
    KubernetesClient admin = hub.client();
    try (KubernetesClient agent = join(hub, "revoked")) {
      await("access granted")
          .atMost(WAIT)
          .ignoreExceptions()
          .until(() -> agent.resources(ManifestWork.class).inNamespace("revoked").list() != null);

      accept(admin, "revoked", false);

      await("access to its works is gone")
          .atMost(WAIT)
          .until(
              () ->
                  forbidden(
                      () -> agent.resources(ManifestWork.class).inNamespace("revoked").list()));
      assertForbidden(() -> patchStatusLabel(agent, "revoked"));
      await("denied condition")
          .atMost(WAIT)
          .until(
              () ->
                  Conditions.find(
                          admin
                              .resources(ManagedCluster.class)
                              .withName("revoked")
                              .get()
                              .getStatus()
                              .getConditions(),
                          ManagedCluster.CONDITION_HUB_ACCEPTED)
                      .map(c -> "HubClusterAdminDenied".equals(c.getReason()))
                      .orElse(false));
      assertThat(admin.resources(ManagedCluster.class).withName("revoked").get()).isNotNull();
    }
  }

  private static String joined(KubernetesClient admin, String name) {
    ManagedCluster cluster = admin.resources(ManagedCluster.class).withName(name).get();
    return cluster.getStatus() == null
        ? ""
        : Conditions.find(cluster.getStatus().getConditions(), ManagedCluster.CONDITION_JOINED)
            .map(c -> c.getStatus() + "/" + c.getReason() + "/" + c.getMessage())
            .orElse("");
  }

  private static boolean forbidden(Runnable call) {
    try {
      call.run();
      return false;
    } catch (KubernetesClientException e) {
      return e.getCode() == 403;
    }
  }
}
