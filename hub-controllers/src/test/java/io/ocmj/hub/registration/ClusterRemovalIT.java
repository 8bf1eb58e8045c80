package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Taking clusters and works away on a real hub: what is cleaned up, when the hub stops waiting for
 * an agent that does not come back, and what it records then.
 */
@KubernetesClusters("hub")
class ClusterRemovalIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(8);
  private static HubBed bed;

  @BeforeAll
  static void startHub(ClusterSet clusters) {
    bed = new HubBed(clusters.get("hub"), new HubConfig(GRACE, GRACE));
  }

  @AfterAll
  static void stopHub() {
    if (bed != null) {
      bed.close();
    }
  }

  private static KubernetesClient join(TestCluster hub, String name) {
    return bed.join(name);
  }

  private static void assertForbidden(ThrowingCallable call) {
    HubBed.assertForbidden(call);
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
      await("the Event is there")
          .atMost(WAIT)
          .until(
              () ->
                  admin.v1().events().inNamespace("offline").list().getItems().stream()
                      .anyMatch(e -> "stuck".equals(e.getInvolvedObject().getName())));
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
}
