package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.status.Conditions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;

/**
 * What dev up tells a user to try, done as the user would on the running dev environment: a commit
 * to the example repository changes a policy and flips its compliance; a commit with an invalid
 * file is refused, named in the GitSync's status, and changes nothing.
 */
final class GitStory {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final String GREETING = "Hello from the ocmj hub";
  private final Path jar;
  private final Path repository;
  private final Path hubKubeconfig;
  private final KubernetesClient hub;

  GitStory(Path jar, Path repository, Path hubKubeconfig, KubernetesClient hub) {
    this.jar = jar;
    this.repository = repository;
    this.hubKubeconfig = hubKubeconfig;
    this.hub = hub;
  }

  void run() throws Exception {
    Path policies = repository.resolve("fleet/policies.yaml");
    String original = Files.readString(policies, StandardCharsets.UTF_8);
    assertThat(original).contains(GREETING);
    Files.writeString(policies, original.replace(GREETING, "Hello from Git"));
    String changed = commit("Expect a new greeting");
    syncNow();
    await("the changed policy turns NonCompliant on every cluster")
        .atMost(WAIT)
        .until(() -> "NonCompliant".equals(compliance("greeting-present")));
    assertThat(appliedRevision()).endsWith(changed);

    // One invalid object and a valid change in the same commit: the commit is refused as a whole.
    Files.writeString(policies, original);
    Files.writeString(
        repository.resolve("fleet/broken.yaml"),
        """
        apiVersion: cluster.open-cluster-management.io/v1beta1
        kind: Placement
        metadata:
          name: broken
          namespace: fleet
        spec:
          numberOfClusters: -1
        """);
    commit("A placement of minus one cluster");
    syncNow();
    await("the GitSync refuses the commit, naming the object")
        .atMost(WAIT)
        .until(
            () ->
                readyMessage().contains("Placement/fleet/broken")
                    && !Conditions.isTrue(
                        sync().getStatus().getConditions(), GitSync.CONDITION_READY));
    assertThat(appliedRevision()).as("the last good commit stays applied").endsWith(changed);
    assertThat(hub.resources(Placement.class).inNamespace("fleet").withName("broken").get())
        .isNull();
    assertThat(
            Serialization.asJson(
                hub.resources(Policy.class)
                    .inNamespace("fleet")
                    .withName("greeting-present")
                    .get()
                    .getSpec()))
        .as("the commit's valid change is not applied either")
        .contains("Hello from Git");
    assertThat(compliance("greeting-present")).isEqualTo("NonCompliant");
  }

  private String commit(String message) throws Exception {
    try (Git git = Git.open(repository.toFile())) {
      git.add().addFilepattern("fleet").call();
      return git.commit().setAll(true).setMessage(message).call().getName();
    }
  }

  private void syncNow() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "sync",
                "now",
                "examples",
                "--hub-kubeconfig",
                hubKubeconfig.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    // Exit 0 when the revision applied, 1 when the GitSync says why not: both are answers.
    assertThat(p.exitValue()).as(out).isIn(0, 1);
  }

  private GitSync sync() {
    return hub.resources(GitSync.class).inNamespace("ocmj-gitops").withName("examples").get();
  }

  private String appliedRevision() {
    return sync().getStatus().getLastAppliedRevision();
  }

  private String readyMessage() {
    return Conditions.find(sync().getStatus().getConditions(), GitSync.CONDITION_READY)
        .map(c -> c.getMessage())
        .orElse("");
  }

  private String compliance(String policy) {
    Policy root = hub.resources(Policy.class).inNamespace("fleet").withName(policy).get();
    List<String> states =
        root.getStatus() == null
            ? List.of()
            : root.getStatus().getStatus().stream().map(s -> s.getCompliant()).toList();
    return states.size() == 2 && states.stream().allMatch(states.get(0)::equals)
        ? states.get(0)
        : "mixed " + states;
  }
}
