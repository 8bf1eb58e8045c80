package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import io.ocmj.api.gitops.v1alpha1.InventoryEntry;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitSync against a real hub and real Git repositories (file://). */
@KubernetesClusters("hub")
class GitSyncIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KubernetesClient hub;
  private static GitSyncController controller;
  @TempDir static Path cache;
  @TempDir Path repoDir;

  @BeforeAll
  static void start(ClusterSet clusters) {
    hub = clusters.get("hub").client();
    HubCrds.install(hub);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("gitops").endMetadata().build())
        .serverSideApply();
    controller = GitSyncController.start(hub, cache, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (controller != null) {
      controller.close();
    }
  }

  @Test
  void commitsApplyPruneAndABadCommitChangesNothing() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir)) {
      String first =
          repo.commit(
              "five objects",
              Map.of(
                  "fleet/namespace.yaml",
                  namespace("team-a"),
                  "fleet/config.yaml",
                  configMap("a", "1") + "---\n" + configMap("b", "1"),
                  "fleet/sets.yaml",
                  "apiVersion: cluster.open-cluster-management.io/v1beta2\nkind: ManagedClusterSet\nmetadata: {name: gitops-set}\n",
                  "fleet/placement.yaml",
                  placement("p1", 1),
                  "README.md",
                  "not applied\n"));
      createSync("fleet", repo.url());
      await("commit 1 applied").atMost(WAIT).until(() -> applied("fleet", first));
      GitSync sync = get("fleet");
      assertThat(sync.getStatus().getInventory().getEntries())
          .extracting(InventoryEntry::getId)
          .containsExactlyInAnyOrder(
              "_team-a__Namespace",
              "team-a_a__ConfigMap",
              "team-a_b__ConfigMap",
              "_gitops-set_cluster.open-cluster-management.io_ManagedClusterSet",
              "team-a_p1_cluster.open-cluster-management.io_Placement");
      assertThat(sync.getStatus().getLastAppliedRevision()).isEqualTo("main@sha1:" + first);
      ConfigMap a = hub.configMaps().inNamespace("team-a").withName("a").get();
      assertThat(a.getMetadata().getLabels()).containsEntry(GitSync.LABEL_SYNC, "gitops.fleet");
      assertThat(a.getMetadata().getAnnotations())
          .containsEntry(GitSync.ANNOTATION_REVISION, first);

      Map<String, String> second = new HashMap<>();
      second.put("fleet/config.yaml", configMap("a", "2"));
      String two = repo.commit("drop b, change a", second);
      requestSync("fleet");
      await("commit 2 applied").atMost(WAIT).until(() -> applied("fleet", two));
      assertThat(hub.configMaps().inNamespace("team-a").withName("b").get()).as("pruned").isNull();
      assertThat(data("a")).isEqualTo("2");

      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 15; i++) {
        many.append(configMap(String.format(Locale.ROOT, "c-%02d", i), "3")).append("---\n");
      }
      String three =
          repo.commit(
              "twenty objects, one invalid",
              Map.of(
                  "fleet/many.yaml", many.toString(),
                  "fleet/bad.yaml", placement("bad", -1),
                  "fleet/config.yaml", configMap("a", "3")));
      requestSync("fleet");
      await("commit 3 refused")
          .atMost(WAIT)
          .until(
              () ->
                  three.equals(shortSha(get("fleet").getStatus().getLastAttemptedRevision()))
                      && Conditions.isTrue(
                          get("fleet").getStatus().getConditions(), GitSync.CONDITION_STALLED));
      GitSync stalled = get("fleet");
      String message =
          Conditions.find(stalled.getStatus().getConditions(), GitSync.CONDITION_READY)
              .orElseThrow()
              .getMessage();
      assertThat(message)
          .contains("fleet/bad.yaml[0] Placement/team-a/bad", "spec.numberOfClusters")
          .contains("main@sha1:" + two + " stays applied");
      assertThat(stalled.getStatus().getLastAppliedRevision()).isEqualTo("main@sha1:" + two);
      assertThat(hub.configMaps().inNamespace("team-a").withName("c-00").get())
          .as("nothing of commit 3")
          .isNull();
      assertThat(data("a")).isEqualTo("2");

      String four = repo.commit("fix it", Map.of("fleet/bad.yaml", placement("bad", 1)));
      requestSync("fleet");
      await("commit 4 applied").atMost(WAIT).until(() -> applied("fleet", four));
      assertThat(hub.configMaps().inNamespace("team-a").withName("c-14").get()).isNotNull();
      assertThat(data("a")).isEqualTo("3");
      assertThat(get("fleet").getStatus().getInventory().getEntries()).hasSize(20);
      assertThat(get("fleet").getStatus().getConditions())
          .noneMatch(c -> c.getType().equals(GitSync.CONDITION_STALLED));
    }
  }

  @Test
  void driftIsCorrectedConflictsAreReportedAndALostRemoteOrBadYamlChangesNothing()
      throws Exception {
    try (TestRepo repo = new TestRepo(repoDir)) {
      String first =
          repo.commit(
              "drift",
              Map.of(
                  "drift/objects.yaml",
                  namespace("team-b")
                      + "---\n"
                      + configMap("team-b", "d", "1")
                      + "---\n"
                      + configMap("team-b", "keep", "1")
                          .replace(
                              "namespace: team-b}",
                              "namespace: team-b, annotations: {gitops.ocmj.io/prune: disabled}}")));
      createSync("drift", repo.url(), "drift");
      await("applied").atMost(WAIT).until(() -> applied("drift", first));

      edit("d", "kubectl-edit", "edited");
      requestSync("drift");
      await("a kubectl edit is reverted")
          .atMost(WAIT)
          .until(() -> "1".equals(value("team-b", "d")));

      edit("d", "another-controller", "theirs");
      requestSync("drift");
      await("another manager's field is a reported conflict")
          .atMost(WAIT)
          .until(() -> readyMessage("drift").contains("another-controller"));
      assertThat(value("team-b", "d")).isEqualTo("theirs");
      hub.resources(GitSync.class)
          .inNamespace("gitops")
          .withName("drift")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"force\":true}}");
      await("force takes it back").atMost(WAIT).until(() -> "1".equals(value("team-b", "d")));

      String second =
          repo.commit(
              "drop keep",
              Map.of(
                  "drift/objects.yaml",
                  namespace("team-b") + "---\n" + configMap("team-b", "d", "1")));
      requestSync("drift");
      await("applied").atMost(WAIT).until(() -> applied("drift", second));
      assertThat(value("team-b", "keep")).as("prune disabled: kept").isEqualTo("1");
      assertThat(get("drift").getStatus().getInventory().getEntries())
          .extracting(InventoryEntry::getId)
          .doesNotContain("team-b_keep__ConfigMap");

      Path moved = Files.move(repo.dir(), repoDir.resolveSibling(repoDir.getFileName() + "-gone"));
      requestSync("drift");
      await("a lost remote is reported")
          .atMost(WAIT)
          .until(() -> GitSync.REASON_GIT_FAILED.equals(readyReason("drift")));
      assertThat(value("team-b", "d")).as("what is applied stays").isEqualTo("1");
      assertThat(get("drift").getStatus().getLastAppliedRevision())
          .isEqualTo("main@sha1:" + second);
      Files.move(moved, repo.dir());

      String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
      for (char c = 'b'; c <= 'j'; c++) {
        bomb +=
            c
                + ": &"
                + c
                + " [*"
                + (char) (c - 1)
                + ", *"
                + (char) (c - 1)
                + ", *"
                + (char) (c - 1)
                + ", *"
                + (char) (c - 1)
                + ", *"
                + (char) (c - 1)
                + ", *"
                + (char) (c - 1)
                + "]\n";
      }
      repo.commit("a YAML bomb", Map.of("drift/bomb.yaml", bomb));
      requestSync("drift");
      await("the bomb is a build failure naming the file")
          .atMost(WAIT)
          .until(() -> GitSync.REASON_BUILD_FAILED.equals(readyReason("drift")));
      assertThat(readyMessage("drift")).contains("drift/bomb.yaml", "aliases");
      assertThat(get("drift").getStatus().getFailures()).isNotEmpty();
      assertThat(value("team-b", "d")).isEqualTo("1");

      String fixed = repo.commit("no bomb", new HashMap<>(Map.of("drift/bomb.yaml", "")));
      requestSync("drift");
      await("recovers").atMost(WAIT).until(() -> applied("drift", fixed));
    }
  }

  /** A change as {@code kubectl edit} (or another controller) makes it: an Update by manager. */
  private static void edit(String name, String manager, String value) {
    hub.configMaps()
        .inNamespace("team-b")
        .withName(name)
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.JSON_MERGE)
                .withFieldManager(manager)
                .build(),
            "{\"data\":{\"value\":\"" + value + "\"}}");
  }

  private static String value(String namespace, String name) {
    ConfigMap cm = hub.configMaps().inNamespace(namespace).withName(name).get();
    return cm == null ? null : cm.getData().get("value");
  }

  private static String readyReason(String name) {
    return Conditions.find(get(name).getStatus().getConditions(), GitSync.CONDITION_READY)
        .map(c -> c.getReason())
        .orElse("");
  }

  private static String readyMessage(String name) {
    GitSync sync = get(name);
    return sync.getStatus() == null
        ? ""
        : Conditions.find(sync.getStatus().getConditions(), GitSync.CONDITION_READY)
            .map(c -> c.getMessage())
            .orElse("");
  }

  private static String shortSha(String revision) {
    return revision == null ? "" : revision.substring(revision.indexOf("sha1:") + 5);
  }

  private static String data(String configMap) {
    return hub.configMaps().inNamespace("team-a").withName(configMap).get().getData().get("value");
  }

  private static boolean applied(String name, String sha) {
    GitSync sync = get(name);
    return sync != null
        && sync.getStatus() != null
        && ("main@sha1:" + sha).equals(sync.getStatus().getLastAppliedRevision())
        && Conditions.isTrue(sync.getStatus().getConditions(), GitSync.CONDITION_READY);
  }

  private static GitSync get(String name) {
    return hub.resources(GitSync.class).inNamespace("gitops").withName(name).get();
  }

  private static void createSync(String name, String url) {
    createSync(name, url, "fleet");
  }

  private static void createSync(String name, String url, String path) {
    GitSync sync = new GitSync();
    sync.getMetadata().setName(name);
    sync.getMetadata().setNamespace("gitops");
    GitSyncSpec spec = new GitSyncSpec();
    spec.setUrl(url);
    GitRef ref = new GitRef();
    ref.setBranch("main");
    spec.setRef(ref);
    spec.setPaths(List.of(path));
    spec.setInterval("1h");
    sync.setSpec(spec);
    hub.resource(sync).create();
  }

  /** What {@code ocmj sync now} and the webhook do. */
  private static void requestSync(String name) {
    hub.resources(GitSync.class)
        .inNamespace("gitops")
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + GitSync.ANNOTATION_REQUESTED_AT
                + "\":\""
                + Instant.now()
                + "\"}}}");
  }

  private static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name + "}\n";
  }

  private static String configMap(String name, String value) {
    return configMap("team-a", name, value);
  }

  private static String configMap(String namespace, String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\ndata: {value: '"
        + value
        + "'}\n";
  }

  private static String placement(String name, int n) {
    return "apiVersion: cluster.open-cluster-management.io/v1beta1\nkind: Placement\nmetadata: {name: "
        + name
        + ", namespace: team-a}\nspec: {numberOfClusters: "
        + n
        + "}\n";
  }
}
