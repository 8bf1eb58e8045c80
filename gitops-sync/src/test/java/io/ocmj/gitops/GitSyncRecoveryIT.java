package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.InventoryEntry;
import io.ocmj.api.status.StatusPatch;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller that stopped in the middle of applying a commit: the state it leaves (the attempt's
 * set recorded as pending inventory, part of it applied) is made on a real hub with the controller
 * stopped; a new controller on a newer commit converges to exactly that commit's objects.
 */
@KubernetesClusters("hub")
class GitSyncRecoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KubernetesClient hub;
  private static GitSyncFixtures fx;
  @TempDir Path repoDir;
  @TempDir Path cache;

  /** The hub with ocmj's CRDs and namespace gitops; each test runs its own controllers. */
  @BeforeAll
  static void hub(ClusterSet clusters) {
    hub = clusters.get("hub").client();
    HubCrds.install(hub);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("gitops").endMetadata().build())
        .serverSideApply();
    fx = new GitSyncFixtures(hub);
  }

  @Test
  void anInterruptedAttemptLeavesNothingBehindOnceANewerCommitIsApplied() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir)) {
      String a =
          repo.commit(
              "a",
              Map.of(
                  "rec/objects.yaml",
                  TestManifests.namespace("team-r")
                      + "---\n"
                      + TestManifests.configMap("team-r", "a1", "1")
                      + "---\n"
                      + TestManifests.configMap("team-r", "a2", "1")));
      try (GitSyncController controller = GitSyncController.start(hub, cache, Clock.systemUTC())) {
        fx.createSync("rec", repo.url(), "rec");
        await("commit a applied").atMost(WAIT).until(() -> fx.applied("rec", a));
      }

      // What a controller killed while applying commit b leaves: b's set recorded as pending, b1
      // applied (labelled as the GitSync's), b2 not yet.
      GitSync stopped = fx.get("rec");
      hub.resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("b1")
                  .withNamespace("team-r")
                  .addToLabels(GitSync.LABEL_SYNC, stopped.syncLabel())
                  .endMetadata()
                  .addToData("value", "b")
                  .build())
          .fieldManager(GitSync.FIELD_MANAGER)
          .serverSideApply();
      // Written as the controller writes status (same field manager, the whole status), so that
      // the controller owns the pending inventory as it would after a real crash.
      @SuppressWarnings("unchecked")
      Map<String, Object> status =
          new java.util.HashMap<>(
              Serialization.jsonMapper().convertValue(stopped.getStatus(), Map.class));
      status.put(
          "pendingInventory",
          Map.of(
              "entries",
              List.of(
                  Map.of("id", "_team-r__Namespace", "v", "v1"),
                  Map.of("id", "team-r_a1__ConfigMap", "v", "v1"),
                  Map.of("id", "team-r_b1__ConfigMap", "v", "v1"),
                  Map.of("id", "team-r_b2__ConfigMap", "v", "v1"))));
      hub.resource(StatusPatch.of(stopped, status))
          .subresource("status")
          .patch(
              new PatchContext.Builder()
                  .withPatchType(PatchType.SERVER_SIDE_APPLY)
                  .withFieldManager(GitSyncReconciler.STATUS_MANAGER)
                  .withForce(true)
                  .build());

      String c =
          repo.commit(
              "c",
              Map.of(
                  "rec/objects.yaml",
                  TestManifests.namespace("team-r")
                      + "---\n"
                      + TestManifests.configMap("team-r", "a1", "1")
                      + "---\n"
                      + TestManifests.configMap("team-r", "c1", "1")));
      try (GitSyncController controller = GitSyncController.start(hub, cache, Clock.systemUTC())) {
        fx.requestSync("rec");
        await("commit c applied").atMost(WAIT).until(() -> fx.applied("rec", c));
      }
      assertThat(fx.value("team-r", "a1")).isEqualTo("1");
      assertThat(fx.value("team-r", "c1")).isEqualTo("1");
      assertThat(fx.value("team-r", "a2")).as("from the old inventory: pruned").isNull();
      assertThat(fx.value("team-r", "b1")).as("from the interrupted attempt: pruned").isNull();
      assertThat(fx.value("team-r", "b2")).isNull();
      GitSync done = fx.get("rec");
      assertThat(done.getStatus().getPendingInventory()).isNull();
      assertThat(done.getStatus().getInventory().getEntries())
          .extracting(InventoryEntry::getId)
          .containsExactlyInAnyOrder(
              "_team-r__Namespace", "team-r_a1__ConfigMap", "team-r_c1__ConfigMap");
    }
  }

  @Test
  void aControllerCutOffInTheMiddleOfApplyingConvergesOnTheNextStart() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir)) {
      String a =
          repo.commit("a", Map.of("cut/a.yaml", TestManifests.configMap("gitops", "a1", "1")));
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        many.append(TestManifests.configMap("gitops", String.format(Locale.ROOT, "b-%03d", i), "b"))
            .append("---\n");
      }
      KubernetesClient doomed =
          new KubernetesClientBuilder().withConfig(hub.getConfiguration()).build();
      GitSyncController first = GitSyncController.start(doomed, cache, Clock.systemUTC());
      try {
        fx.createSync("cut", repo.url(), "cut");
        await("commit a applied").atMost(WAIT).until(() -> fx.applied("cut", a));
        repo.commit("b: 400 objects, a1 dropped", Map.of("cut/a.yaml", many.toString()));
        fx.requestSync("cut");
        await("b is being applied")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(20))
            .until(() -> hub.configMaps().inNamespace("gitops").withName("b-000").get() != null);
        // The controller loses the API server in the middle of the apply, as a killed process does.
        doomed.close();
      } finally {
        first.close();
      }
      long written =
          hub.configMaps().inNamespace("gitops").list().getItems().stream()
              .filter(cm -> cm.getMetadata().getName().startsWith("b-"))
              .count();
      assertThat(written).as("cut off in the middle, not after").isLessThan(400);

      String c =
          repo.commit(
              "c: only c1", Map.of("cut/a.yaml", TestManifests.configMap("gitops", "c1", "1")));
      try (GitSyncController second =
          GitSyncController.start(hub, cache.resolve("2"), Clock.systemUTC())) {
        fx.requestSync("cut");
        await("commit c applied").atMost(WAIT).until(() -> fx.applied("cut", c));
      }
      assertThat(
              hub.configMaps().inNamespace("gitops").list().getItems().stream()
                  .map(cm -> cm.getMetadata().getName())
                  .filter(n -> n.startsWith("b-") || n.equals("a1") || n.equals("c1")))
          .as("exactly commit c: nothing of a or of the interrupted b")
          .containsExactly("c1");
      assertThat(fx.get("cut").getStatus().getPendingInventory()).isNull();
    }
  }
}
