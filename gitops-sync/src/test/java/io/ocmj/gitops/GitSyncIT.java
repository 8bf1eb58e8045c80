package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.InventoryEntry;
import io.ocmj.api.status.Conditions;
import io.ocmj.testing.junit.KubernetesClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GitSync against a real hub and real Git repositories (file://). */
@KubernetesClusters("hub")
class GitSyncIT extends GitSyncHubTest {
  @Test
  void commitsApplyPruneAndABadCommitChangesNothing() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir)) {
      String first =
          repo.commit(
              "five objects",
              Map.of(
                  "fleet/namespace.yaml",
                  TestManifests.namespace("team-a"),
                  "fleet/config.yaml",
                  TestManifests.configMap("a", "1") + "---\n" + TestManifests.configMap("b", "1"),
                  "fleet/sets.yaml",
                  "apiVersion: cluster.open-cluster-management.io/v1beta2\nkind: ManagedClusterSet\nmetadata: {name: gitops-set}\n",
                  "fleet/placement.yaml",
                  TestManifests.placement("p1", 1),
                  "README.md",
                  "not applied\n"));
      fx.createSync("fleet", repo.url());
      await("commit 1 applied").atMost(WAIT).until(() -> fx.applied("fleet", first));
      GitSync sync = fx.get("fleet");
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
      second.put("fleet/config.yaml", TestManifests.configMap("a", "2"));
      String two = repo.commit("drop b, change a", second);
      fx.requestSync("fleet");
      await("commit 2 applied").atMost(WAIT).until(() -> fx.applied("fleet", two));
      assertThat(hub.configMaps().inNamespace("team-a").withName("b").get()).as("pruned").isNull();
      assertThat(fx.data("a")).isEqualTo("2");
      assertThat(
              hub.configMaps()
                  .inNamespace("team-a")
                  .withName("a")
                  .get()
                  .getMetadata()
                  .getAnnotations())
          .as("changed by commit 2")
          .containsEntry(GitSync.ANNOTATION_REVISION, two);
      assertThat(hub.namespaces().withName("team-a").get().getMetadata().getAnnotations())
          .as("left as it was by commit 2: still commit 1's")
          .containsEntry(GitSync.ANNOTATION_REVISION, first);

      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 15; i++) {
        many.append(TestManifests.configMap(String.format(Locale.ROOT, "c-%02d", i), "3"))
            .append("---\n");
      }
      String three =
          repo.commit(
              "twenty objects, one invalid",
              Map.of(
                  "fleet/many.yaml", many.toString(),
                  "fleet/bad.yaml", TestManifests.placement("bad", -1),
                  "fleet/config.yaml", TestManifests.configMap("a", "3")));
      fx.requestSync("fleet");
      await("commit 3 refused")
          .atMost(WAIT)
          .until(
              () ->
                  three.equals(fx.shortSha(fx.get("fleet").getStatus().getLastAttemptedRevision()))
                      && Conditions.isTrue(
                          fx.get("fleet").getStatus().getConditions(), GitSync.CONDITION_STALLED));
      GitSync stalled = fx.get("fleet");
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
      assertThat(fx.data("a")).isEqualTo("2");

      String four =
          repo.commit("fix it", Map.of("fleet/bad.yaml", TestManifests.placement("bad", 1)));
      fx.requestSync("fleet");
      await("commit 4 applied").atMost(WAIT).until(() -> fx.applied("fleet", four));
      assertThat(hub.configMaps().inNamespace("team-a").withName("c-14").get()).isNotNull();
      assertThat(fx.data("a")).isEqualTo("3");
      assertThat(fx.get("fleet").getStatus().getInventory().getEntries()).hasSize(20);
      assertThat(fx.get("fleet").getStatus().getConditions())
          .noneMatch(c -> c.getType().equals(GitSync.CONDITION_STALLED));
    }
  }

  @Test
  void aGitSyncWithAnUnusableUrlOrIntervalIsRejectedNamingTheField() {
    assertThatThrownBy(() -> fx.createSync("scp", "git@example.com:org/repo.git", "x"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.url");
    assertThatThrownBy(
            () -> fx.createSync("slow", "file:///repo", "x", spec -> spec.setInterval("5 minutes")))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.interval");
  }

  @Test
  void aBadObjectInANewNamespaceLeavesOnlyTheNamespace() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir)) {
      repo.commit(
          "new namespace, one bad object in it",
          Map.of(
              "newns/objects.yaml",
              TestManifests.namespace("team-n")
                  + "---\n"
                  + TestManifests.configMap("team-n", "fine", "1")
                  + "---\n"
                  + TestManifests.placement("bad", -1).replace("team-a", "team-n")));
      fx.createSync("newns", repo.url(), "newns");
      await("refused")
          .atMost(WAIT)
          .until(() -> fx.readyMessage("newns").contains("Placement/team-n/bad"));
      assertThat(hub.namespaces().withName("team-n").get())
          .as("a new Namespace is created before what lives in it can be checked")
          .isNotNull();
      assertThat(fx.value("team-n", "fine")).as("nothing else of the commit").isNull();
      assertThat(fx.get("newns").getStatus().getInventory()).isNull();
    }
  }

  @Test
  void aSemverRangeFollowsTheHighestMatchingTag() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir)) {
      for (String version : List.of("1.0.0", "1.2.0", "2.0.0")) {
        repo.commit(
            version, Map.of("rel/cm.yaml", TestManifests.configMap("gitops", "release", version)));
        repo.tag("v" + version);
      }
      repo.commit(
          "untagged", Map.of("rel/cm.yaml", TestManifests.configMap("gitops", "release", "head")));
      fx.createSync("rel", repo.url(), "rel", spec -> spec.getRef().setSemver(">=1.0.0, <2.0.0"));
      await("v1.2.0 applied and recorded")
          .atMost(WAIT)
          .until(
              () ->
                  fx.get("rel").getStatus() != null
                      && String.valueOf(fx.get("rel").getStatus().getLastAppliedRevision())
                          .startsWith("v1.2.0@sha1:"));
      assertThat(fx.value("gitops", "release")).isEqualTo("1.2.0");
      repo.commit(
          "1.3.0", Map.of("rel/cm.yaml", TestManifests.configMap("gitops", "release", "1.3.0")));
      repo.tag("v1.3.0");
      fx.requestSync("rel");
      await("a new matching tag")
          .atMost(WAIT)
          .until(() -> "1.3.0".equals(fx.value("gitops", "release")));
      hub.resources(GitSync.class)
          .inNamespace("gitops")
          .withName("rel")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"ref\":{\"semver\":\">=3.0.0\"}}}");
      await("no tag matches")
          .atMost(WAIT)
          .until(() -> fx.readyMessage("rel").contains("ref.semver: no tag on"));
      assertThat(fx.readyMessage("rel")).contains(">=3.0.0", "v2.0.0");
      assertThat(fx.value("gitops", "release")).isEqualTo("1.3.0");
    }
  }

  @Test
  void anHttpRemoteWithBasicAuthSyncsWithItsSecretAndSaysWhenTheCredentialsAreWrong()
      throws Exception {
    try (TestRepo repo = new TestRepo(repoDir);
        GitHttpServer server = new GitHttpServer(repo.repository(), "git-user", "s3cret")) {
      String sha =
          repo.commit(
              "over http",
              Map.of(
                  "web/cm.yaml",
                  TestManifests.namespace("team-h")
                      + "---\n"
                      + TestManifests.configMap("team-h", "h", "1")));
      hub.resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("git-auth")
                  .withNamespace("gitops")
                  .endMetadata()
                  .addToStringData("username", "git-user")
                  .addToStringData("password", "wrong")
                  .build())
          .serverSideApply();
      fx.createSync("web", server.url(), "web");
      hub.resources(GitSync.class)
          .inNamespace("gitops")
          .withName("web")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"secretRef\":{\"name\":\"git-auth\"}}}");
      await("wrong credentials are reported")
          .atMost(WAIT)
          .until(() -> GitSync.REASON_AUTH_FAILED.equals(fx.readyReason("web")));
      assertThat(fx.readyMessage("web")).doesNotContain("wrong").contains(server.url());
      hub.secrets()
          .inNamespace("gitops")
          .withName("git-auth")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE), "{\"stringData\":{\"password\":\"s3cret\"}}");
      fx.requestSync("web");
      await("applied over http").atMost(WAIT).until(() -> fx.applied("web", sha));
      assertThat(fx.value("team-h", "h")).isEqualTo("1");
    }
  }

  @Test
  void theExampleRepositorySyncsAsItIs() throws Exception {
    Path examples = Path.of("..", "examples-repo");
    Map<String, String> files = new HashMap<>();
    try (var walk = Files.walk(examples)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(examples.relativize(file).toString(), Files.readString(file));
      }
    }
    try (TestRepo repo = new TestRepo(repoDir)) {
      String sha = repo.commit("the example fleet", files);
      fx.createSync("examples", repo.url(), "fleet");
      await("the example fleet is applied")
          .atMost(WAIT)
          .until(
              () ->
                  fx.applied("examples", sha)
                      || !fx.readyReason("examples").isEmpty()
                          && !fx.readyReason("examples").equals(GitSync.REASON_SUCCEEDED));
      assertThat(fx.readyMessage("examples")).isEqualTo("Applied revision: main@sha1:" + sha);
      assertThat(fx.get("examples").getStatus().getInventory().getEntries())
          .extracting(InventoryEntry::getId)
          .contains(
              "fleet_hello-world_work.open-cluster-management.io_ManifestWorkReplicaSet",
              "fleet_all-clusters_cluster.open-cluster-management.io_Placement",
              "fleet_global_cluster.open-cluster-management.io_ManagedClusterSetBinding");
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
                  TestManifests.namespace("team-b")
                      + "---\n"
                      + TestManifests.configMap("team-b", "d", "1")
                      + "---\n"
                      + TestManifests.configMap("team-b", "keep", "1")
                          .replace(
                              "namespace: team-b}",
                              "namespace: team-b, annotations: {gitops.ocmj.io/prune: disabled}}")));
      fx.createSync("drift", repo.url(), "drift");
      await("applied").atMost(WAIT).until(() -> fx.applied("drift", first));

      fx.edit("d", "kubectl-edit", "edited");
      fx.requestSync("drift");
      await("a kubectl edit is reverted")
          .atMost(WAIT)
          .until(() -> "1".equals(fx.value("team-b", "d")));
      fx.edit("d", GitSync.DEFAULTS_FIELD_MANAGER, "hub-default");
      fx.requestSync("drift");
      await("the hub's defaults are taken over as kubectl's are")
          .atMost(WAIT)
          .until(() -> "1".equals(fx.value("team-b", "d")));

      fx.edit("d", "another-controller", "theirs");
      fx.requestSync("drift");
      await("another manager's field is a reported conflict")
          .atMost(WAIT)
          .until(() -> fx.readyMessage("drift").contains("another-controller"));
      assertThat(fx.value("team-b", "d")).isEqualTo("theirs");
      hub.resources(GitSync.class)
          .inNamespace("gitops")
          .withName("drift")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"force\":true}}");
      await("force takes it back").atMost(WAIT).until(() -> "1".equals(fx.value("team-b", "d")));

      String second =
          repo.commit(
              "drop keep",
              Map.of(
                  "drift/objects.yaml",
                  TestManifests.namespace("team-b")
                      + "---\n"
                      + TestManifests.configMap("team-b", "d", "1")));
      fx.requestSync("drift");
      await("applied").atMost(WAIT).until(() -> fx.applied("drift", second));
      assertThat(fx.value("team-b", "keep")).as("prune disabled: kept").isEqualTo("1");
      assertThat(fx.get("drift").getStatus().getInventory().getEntries())
          .extracting(InventoryEntry::getId)
          .doesNotContain("team-b_keep__ConfigMap");

      Path moved = Files.move(repo.dir(), repoDir.resolveSibling(repoDir.getFileName() + "-gone"));
      fx.requestSync("drift");
      await("a lost remote is reported")
          .atMost(WAIT)
          .until(() -> GitSync.REASON_GIT_FAILED.equals(fx.readyReason("drift")));
      assertThat(fx.value("team-b", "d")).as("what is applied stays").isEqualTo("1");
      assertThat(fx.get("drift").getStatus().getLastAppliedRevision())
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
      fx.requestSync("drift");
      await("the bomb is a build failure naming the file")
          .atMost(WAIT)
          .until(() -> GitSync.REASON_BUILD_FAILED.equals(fx.readyReason("drift")));
      assertThat(fx.readyMessage("drift")).contains("drift/bomb.yaml", "aliases");
      assertThat(fx.get("drift").getStatus().getFailures()).isNotEmpty();
      assertThat(fx.value("team-b", "d")).isEqualTo("1");

      String fixed = repo.commit("no bomb", new HashMap<>(Map.of("drift/bomb.yaml", "")));
      fx.requestSync("drift");
      await("recovers").atMost(WAIT).until(() -> fx.applied("drift", fixed));
    }
  }
}
