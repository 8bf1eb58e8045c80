package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import io.ocmj.api.status.Conditions;
import io.ocmj.gitops.GitSyncController;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ocmj sync status|now|diff} against a real hub, a real GitSync and a real repository. */
@KubernetesClusters("hub")
class SyncCliIT {
  @TempDir Path dir;

  @Test
  void statusNowAndDiffShowWhatGitDoesToTheHub(ClusterSet clusters) throws Exception {
    KubernetesClient hub = clusters.get("hub").client();
    String kubeconfig = clusters.get("hub").kubeconfig().toString();
    HubCrds.install(hub);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("gitops").endMetadata().build())
        .serverSideApply();
    Path repo = dir.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        GitSyncController controller =
            GitSyncController.start(hub, dir.resolve("cache"), Clock.systemUTC())) {
      commit(git, repo, "one", configMap("one", "1"));
      GitSync sync = new GitSync();
      sync.getMetadata().setName("cli");
      sync.getMetadata().setNamespace("gitops");
      GitSyncSpec spec = new GitSyncSpec();
      spec.setUrl(repo.toUri().toString());
      GitRef ref = new GitRef();
      ref.setBranch("main");
      spec.setRef(ref);
      spec.setPaths(List.of("fleet"));
      spec.setInterval("1h");
      sync.setSpec(spec);
      hub.resource(sync).create();
      await("first sync")
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                GitSync s =
                    hub.resources(GitSync.class).inNamespace("gitops").withName("cli").get();
                return s.getStatus() != null
                    && Conditions.isTrue(s.getStatus().getConditions(), GitSync.CONDITION_READY);
              });

      CliRun status = run("sync", "status", "--hub-kubeconfig", kubeconfig);
      assertThat(status.out())
          .containsPattern("gitops +cli +True +ReconciliationSucceeded +main@sha1:[0-9a-f]{40}");

      String two = commit(git, repo, "two", configMap("two", "2"));
      CliRun diff = run("sync", "diff", "cli", "--hub-kubeconfig", kubeconfig);
      assertThat(diff.exit()).as(diff.err()).isZero();
      assertThat(diff.out())
          .contains(
              "main@sha1:" + two, "ConfigMap/gitops/two created", "ConfigMap/gitops/one deleted");
      assertThat(hub.configMaps().inNamespace("gitops").withName("two").get())
          .as("diff writes nothing")
          .isNull();

      CliRun now = run("sync", "now", "cli", "--hub-kubeconfig", kubeconfig);
      assertThat(now.exit()).as(now.out() + now.err()).isZero();
      assertThat(now.out())
          .contains("ReconciliationSucceeded: Applied revision: main@sha1:" + two)
          .contains("ConfigMap/gitops/two created", "ConfigMap/gitops/one deleted");
      assertThat(hub.configMaps().inNamespace("gitops").withName("two").get()).isNotNull();

      commit(
          git,
          repo,
          "bad",
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad, namespace: gitops}\ndata: {n: [1]}\n");
      CliRun failed = run("sync", "now", "cli", "--hub-kubeconfig", kubeconfig);
      assertThat(failed.exit()).as(failed.err()).isEqualTo(1);
      assertThat(failed.out())
          .contains("ReconciliationFailed", "fleet/cm.yaml[0] ConfigMap/gitops/bad", "data");
      CliRun missing = run("sync", "now", "nope", "--hub-kubeconfig", kubeconfig);
      assertThat(missing.err()).contains("GitSync nope not found in any namespace");
    }
  }

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + ", namespace: gitops}\ndata: {value: '"
        + value
        + "'}\n";
  }

  private static String commit(Git git, Path repo, String message, String cm) throws Exception {
    Files.createDirectories(repo.resolve("fleet"));
    Files.writeString(repo.resolve("fleet/cm.yaml"), cm);
    git.add().addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com")
        .call()
        .name();
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }
}
