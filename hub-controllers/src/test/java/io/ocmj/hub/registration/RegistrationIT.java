package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.HubConfig;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hub's half of the double opt-in, on a real hub API server with real RBAC. */
@KubernetesClusters("hub")
class RegistrationIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(8);
  private static HubControllers controllers;
  private static KubernetesClient bootstrap;

  @BeforeAll
  static void startHub(ClusterSet clusters) {
    TestCluster hub = clusters.get("hub");
    HubCrds.install(hub.client());
    controllers =
        HubControllers.start(hub.client(), Clock.systemUTC(), new HubConfig(GRACE, GRACE));
    bootstrap = bootstrapClient(hub);
  }

  @AfterAll
  static void stopHub() {
    if (bootstrap != null) {
      bootstrap.close();
    }
    if (controllers != null) {
      controllers.close();
    }
  }

  /** The bootstrap identity agents join with. */
  private static KubernetesClient bootstrapClient(TestCluster hub) {
    String kubeconfig =
        BootstrapIdentity.kubeconfig(
            hub.client(), hub.serverUrl(), hub.caCertificatePem(), Duration.ofHours(1));
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(kubeconfig))
        .build();
  }

  private static ManagedCluster cluster(String name) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    cluster.setSpec(new ManagedClusterSpec());
    cluster.setStatus(null);
    return cluster;
  }

  /**
   * Sets spec.hubAcceptsClient with a merge patch, as an admin would: no read-modify-write race.
   */
  private static void accept(KubernetesClient admin, String name, boolean accept) {
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
  private static KubernetesClient join(TestCluster hub, String name) {
    bootstrap.resource(cluster(name)).create();
    AgentIdentity agent = AgentIdentity.request(bootstrap, name, name);
    accept(hub.client(), name, true);
    return agent.awaitClient(hub);
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
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

  @Test
  void deletingAClusterRemovesItsNamespaceAndRbac(ClusterSet clusters) {
    TestCluster hub = clusters.get("hub");
    KubernetesClient admin = hub.client();
    try (KubernetesClient agent = join(hub, "gone")) {
      await("namespace and finalizer")
          .atMost(WAIT)
          .until(
              () ->
                  admin.namespaces().withName("gone").get() != null
                      && admin
                          .resources(ManagedCluster.class)
                          .withName("gone")
                          .get()
                          .getMetadata()
                          .getFinalizers()
                          .contains(ManagedCluster.FINALIZER_CLEANUP));

      admin.resources(ManagedCluster.class).withName("gone").delete();

      await("cluster, namespace and RBAC removed")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  admin.resources(ManagedCluster.class).withName("gone").get() == null
                      && admin.namespaces().withName("gone").get() == null
                      && admin
                              .rbac()
                              .clusterRoles()
                              .withName(ClusterRbac.clusterRoleName("gone"))
                              .get()
                          == null
                      && admin
                              .rbac()
                              .clusterRoleBindings()
                              .withName(ClusterRbac.clusterRoleName("gone"))
                              .get()
                          == null);
      assertForbidden(() -> agent.resources(ManagedCluster.class).withName("gone").get());
    }
  }

  @Test
  void aDeletedClusterWaitsForItsAgentThenForcesItsWorksOutWithAnEvent(ClusterSet clusters) {
    KubernetesClient admin = clusters.get("hub").client();
    try (KubernetesClient agent = join(clusters.get("hub"), "vanished")) {
      await("namespace")
          .atMost(WAIT)
          .until(() -> admin.namespaces().withName("vanished").get() != null);
      admin.resource(work("vanished", "w1")).create();
      admin.resource(work("vanished", "w2")).create();

      admin.resources(ManagedCluster.class).withName("vanished").delete();

      await("the hub waits for the agent while the grace period lasts")
          .during(GRACE.dividedBy(2))
          .atMost(GRACE)
          .until(
              () ->
                  admin.resources(ManagedCluster.class).withName("vanished").get() != null
                      && admin
                              .resources(ManifestWork.class)
                              .inNamespace("vanished")
                              .withName("w1")
                              .get()
                              .getMetadata()
                              .getDeletionTimestamp()
                          != null);
      await("then removes the works' finalizers, the cluster and its namespace")
          .atMost(WAIT.plus(GRACE))
          .until(
              () ->
                  admin.resources(ManagedCluster.class).withName("vanished").get() == null
                      && admin.namespaces().withName("vanished").get() == null);
      List<Event> events =
          admin.v1().events().inNamespace("default").list().getItems().stream()
              .filter(e -> "vanished".equals(e.getInvolvedObject().getName()))
              .toList();
      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getReason()).isEqualTo(ManagedCluster.EVENT_FORCED_CLEANUP);
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getInvolvedObject().getKind()).isEqualTo("ManagedCluster");
                assertThat(e.getMessage())
                    .contains("vanished/w1", "vanished/w2", "may be left on the managed cluster");
              });
    }
  }

  @Test
  void aDeletedClusterWhoseAgentCleansUpInTimeIsRemovedWithoutForce(ClusterSet clusters) {
    KubernetesClient admin = clusters.get("hub").client();
    try (KubernetesClient agent = join(clusters.get("hub"), "tidy")) {
      await("namespace")
          .atMost(WAIT)
          .until(() -> admin.namespaces().withName("tidy").get() != null);
      admin.resource(work("tidy", "w1")).create();

      admin.resources(ManagedCluster.class).withName("tidy").delete();
      await("the work is being deleted")
          .atMost(WAIT)
          .until(
              () ->
                  admin
                          .resources(ManifestWork.class)
                          .inNamespace("tidy")
                          .withName("w1")
                          .get()
                          .getMetadata()
                          .getDeletionTimestamp()
                      != null);
      // What the work agent does once it removed the applied resources (issue 5).
      admin
          .resources(ManifestWork.class)
          .inNamespace("tidy")
          .withName("w1")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");

      await("gone before the grace period ends")
          .atMost(GRACE)
          .until(() -> admin.resources(ManagedCluster.class).withName("tidy").get() == null);
      assertThat(admin.v1().events().inNamespace("default").list().getItems())
          .noneMatch(e -> "tidy".equals(e.getInvolvedObject().getName()));
    }
  }

  @Test
  void aWorkDeletedWhileItsClusterIsUnavailableIsCompletedAfterTheGraceWithWhatWasLeft(
      ClusterSet clusters) {
    KubernetesClient admin = clusters.get("hub").client();
    try (KubernetesClient agent = join(clusters.get("hub"), "offline")) {
      await("namespace")
          .atMost(WAIT)
          .until(() -> admin.namespaces().withName("offline").get() != null);
      ManifestWork work = admin.resource(work("offline", "stuck")).create();
      work.setStatus(appliedConfigMap("app", "cfg"));
      admin.resource(work).updateStatus();

      admin.resources(ManifestWork.class).inNamespace("offline").withName("stuck").delete();

      await("waits for the agent during the grace period")
          .during(GRACE.dividedBy(2))
          .atMost(GRACE)
          .until(
              () ->
                  admin.resources(ManifestWork.class).inNamespace("offline").withName("stuck").get()
                      != null);
      await("then completes the deletion on the hub")
          .atMost(WAIT.plus(GRACE))
          .until(
              () ->
                  admin.resources(ManifestWork.class).inNamespace("offline").withName("stuck").get()
                      == null);
      assertThat(admin.v1().events().inNamespace("offline").list().getItems())
          .filteredOn(e -> "stuck".equals(e.getInvolvedObject().getName()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getReason()).isEqualTo("ForcedCleanup");
                assertThat(e.getMessage())
                    .contains(
                        "cluster offline was unavailable",
                        "may be left on the cluster: ConfigMap app/cfg");
              });
      assertThat(admin.resources(ManagedCluster.class).withName("offline").get())
          .as("the cluster stays")
          .isNotNull();
    }
  }

  @Test
  void aWorkOfAnAvailableClusterWaitsForItsAgent(ClusterSet clusters) {
    KubernetesClient admin = clusters.get("hub").client();
    try (KubernetesClient agent = join(clusters.get("hub"), "online")) {
      await("namespace")
          .atMost(WAIT)
          .until(() -> admin.namespaces().withName("online").get() != null);
      ManagedCluster cluster = admin.resources(ManagedCluster.class).withName("online").get();
      io.ocmj.hub.status.ConditionsApply.setAndApply(
          admin,
          cluster,
          List.of(),
          "test-agent",
          ManagedCluster.CONDITION_AVAILABLE,
          Conditions.TRUE,
          "ManagedClusterAvailable",
          "Managed cluster is available",
          java.time.Instant.now());
      admin.resource(work("online", "patient")).create();

      admin.resources(ManifestWork.class).inNamespace("online").withName("patient").delete();

      await("an available cluster's agent is waited for, past the grace period")
          .during(GRACE.plusSeconds(2))
          .atMost(GRACE.plusSeconds(4))
          .until(
              () ->
                  admin
                          .resources(ManifestWork.class)
                          .inNamespace("online")
                          .withName("patient")
                          .get()
                      != null);
    }
  }

  private static io.ocmj.api.work.v1.ManifestWorkStatus appliedConfigMap(
      String namespace, String name) {
    io.ocmj.api.work.v1.ManifestResourceMeta meta = new io.ocmj.api.work.v1.ManifestResourceMeta();
    meta.setOrdinal(0);
    meta.setVersion("v1");
    meta.setKind("ConfigMap");
    meta.setResource("configmaps");
    meta.setNamespace(namespace);
    meta.setName(name);
    io.ocmj.api.work.v1.ManifestCondition manifest = new io.ocmj.api.work.v1.ManifestCondition();
    manifest.setResourceMeta(meta);
    io.ocmj.api.work.v1.ManifestResourceStatus resources =
        new io.ocmj.api.work.v1.ManifestResourceStatus();
    resources.setManifests(List.of(manifest));
    io.ocmj.api.work.v1.ManifestWorkStatus status = new io.ocmj.api.work.v1.ManifestWorkStatus();
    status.setResourceStatus(resources);
    return status;
  }

  /** A ManifestWork carrying the work agent's finalizer, as one the agent picked up would. */
  private static ManifestWork work(String cluster, String name) {
    ManifestWork work = new ManifestWork();
    work.getMetadata().setName(name);
    work.getMetadata().setNamespace(cluster);
    work.getMetadata().setFinalizers(List.of(ManifestWork.FINALIZER_CLEANUP));
    return work;
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
