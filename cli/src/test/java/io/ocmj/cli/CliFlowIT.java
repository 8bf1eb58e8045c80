package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.testing.CertificateAuthority;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCM workflow through the CLI, on a real hub and managed cluster: init, hub, join, accept,
 * get.
 */
@KubernetesClusters({"hub", "cluster1"})
class CliFlowIT {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** Runs a long-lived command (hub, join) on its own thread; interrupting it stops it. */
  private static Thread background(String name, String... args) {
    Thread t =
        new Thread(
            () -> {
              CliRun r = run(args);
              System.err.printf(
                  "%s ended: exit=%d%nout=%s%nerr=%s%n", name, r.exit(), r.out(), r.err());
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** A kubeconfig with a token user for {@code server}, written to {@code name} in the temp dir. */
  private Path tokenKubeconfig(String name, String server) throws IOException {
    return Files.writeString(
        dir.resolve(name),
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: x, cluster: {server: "%s"}}]
        users: [{name: x, user: {token: t}}]
        contexts: [{name: x, context: {cluster: x, user: x}}]
        current-context: x
        """
            .formatted(server));
  }

  @Test
  void badKubeconfigsAreOneLineErrorsNamingTheProblem() throws Exception {
    CliRun missing =
        run("get", "clusters", "--hub-kubeconfig", dir.resolve("nope.yaml").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err().strip())
        .isEqualTo("ocmj: --hub-kubeconfig " + dir.resolve("nope.yaml") + ": no such file");

    Path notYaml = Files.writeString(dir.resolve("bad.yaml"), "this: [is not a kubeconfig");
    CliRun bad = run("get", "clusters", "--hub-kubeconfig", notYaml.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).startsWith("ocmj: --hub-kubeconfig " + notYaml + ": not a kubeconfig");
    assertThat(bad.err().strip()).doesNotContain("\n");

    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    CliRun blank = run("get", "clusters", "--hub-kubeconfig", empty.toString());
    assertThat(blank.err().strip()).isEqualTo("ocmj: --hub-kubeconfig " + empty + ": is empty");

    Path nowhere = tokenKubeconfig("nowhere.yaml", "https://127.0.0.1:1");
    CliRun unreachable = run("get", "clusters", "--hub-kubeconfig", nowhere.toString());
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err())
        .startsWith("ocmj: --hub-kubeconfig " + nowhere + ": cannot reach https://127.0.0.1:1");
  }

  @Test
  void joinWithABootstrapKubeconfigThatCannotWorkFailsAtOnce(ClusterSet clusters) throws Exception {
    String managed = clusters.get("cluster1").kubeconfig().toString();
    Path plainHttp = tokenKubeconfig("http.kubeconfig", "http://127.0.0.1:8080");
    CliRun http =
        run(
            "join",
            "--bootstrap-kubeconfig",
            plainHttp.toString(),
            "--cluster-name",
            "c9",
            "--managed-kubeconfig",
            managed);
    assertThat(http.exit()).isEqualTo(1);
    assertThat(http.err().strip())
        .startsWith(
            "ocmj: --bootstrap-kubeconfig "
                + plainHttp
                + ": clusters[].cluster.server must be an https URL, was http://127.0.0.1:8080");

    Path nowhere = tokenKubeconfig("nowhere.kubeconfig", "https://127.0.0.1:1");
    CliRun unreachable =
        run(
            "join",
            "--bootstrap-kubeconfig",
            nowhere.toString(),
            "--cluster-name",
            "c9",
            "--managed-kubeconfig",
            managed);
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err())
        .startsWith(
            "ocmj: --bootstrap-kubeconfig " + nowhere + ": cannot reach https://127.0.0.1:1");

    CliRun badName =
        run(
            "join",
            "--bootstrap-kubeconfig",
            nowhere.toString(),
            "--cluster-name",
            "Not_A_Name",
            "--managed-kubeconfig",
            managed);
    assertThat(badName.exit()).isEqualTo(1);
    assertThat(badName.err())
        .contains("ocmj: --cluster-name: cluster name 'Not_A_Name': must be a DNS label");
  }

  @Test
  void initJoinAcceptGet(ClusterSet clusters) throws Exception {
    TestCluster hub = clusters.get("hub");
    TestCluster managed = clusters.get("cluster1");
    String hubKubeconfig = hub.kubeconfig().toString();
    Path bootstrap = dir.resolve("bootstrap.kubeconfig");

    CliRun init =
        run(
            "init",
            "--hub-kubeconfig",
            hubKubeconfig,
            "--bootstrap-kubeconfig-out",
            bootstrap.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out())
        .contains("ocmj join --bootstrap-kubeconfig " + bootstrap.toAbsolutePath());
    assertThat(bootstrap).exists();

    CliRun unknown = run("accept", "--hub-kubeconfig", hubKubeconfig, "--clusters", "ghost");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err())
        .contains("ocmj: cluster ghost: no ManagedCluster of that name on the hub");

    Thread hubThread = background("ocmj-hub", "hub", "--hub-kubeconfig", hubKubeconfig);
    Thread joinThread =
        background(
            "ocmj-join",
            "join",
            "--bootstrap-kubeconfig",
            bootstrap.toString(),
            "--cluster-name",
            "cluster1",
            "--managed-kubeconfig",
            managed.kubeconfig().toString());
    try {
      await("the agent registered")
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () ->
                  run("get", "clusters", "--hub-kubeconfig", hubKubeconfig)
                      .out()
                      .contains("cluster1"));

      CliRun accept = run("accept", "--hub-kubeconfig", hubKubeconfig, "--clusters", "cluster1");
      assertThat(accept.exit()).as(accept.err()).isZero();
      assertThat(accept.out()).contains("accepted cluster1", "joined");

      await("Available")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  run("get", "clusters", "--hub-kubeconfig", hubKubeconfig)
                      .out()
                      .lines()
                      .anyMatch(
                          l ->
                              l.matches(
                                  "cluster1\\s+true\\s+True\\s+True\\s+default\\s+v1\\.37\\.2\\s*")));
      CliRun json = run("get", "clusters", "--hub-kubeconfig", hubKubeconfig, "-o", "json");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> items = Serialization.unmarshal(json.out(), List.class);
      List<Object> names =
          items.stream().map(i -> (Object) ((Map<?, ?>) i.get("metadata")).get("name")).toList();
      assertThat(names).containsExactly("cluster1");
    } finally {
      joinThread.interrupt();
      hubThread.interrupt();
      joinThread.join(30_000);
      hubThread.join(30_000);
    }
    assertThat(joinThread.isAlive()).isFalse();
    assertThat(hubThread.isAlive()).isFalse();
  }

  @Test
  void rebootstrapWritesAFreshBootstrapSecretWithTheGivenCaBundle(ClusterSet clusters)
      throws Exception {
    TestCluster hub = clusters.get("hub");
    TestCluster managed = clusters.get("cluster1");
    String hubKubeconfig = hub.kubeconfig().toString();
    CliRun init =
        run(
            "init",
            "--hub-kubeconfig",
            hubKubeconfig,
            "--bootstrap-kubeconfig-out",
            dir.resolve("first.kubeconfig").toString());
    assertThat(init.exit()).as(init.err()).isZero();
    CliRun nowhere = run("rebootstrap", "--hub-kubeconfig", hubKubeconfig);
    assertThat(nowhere.exit()).isEqualTo(1);
    assertThat(nowhere.err()).startsWith("ocmj: nothing to re-issue to:");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    CliRun bad =
        run(
            "rebootstrap",
            "--hub-kubeconfig",
            hubKubeconfig,
            "--ca-bundle",
            garbage.toString(),
            "--managed-kubeconfig",
            managed.kubeconfig().toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).startsWith("ocmj: --ca-bundle " + garbage + ":");

    String bundle = hub.caCertificatePem() + CertificateAuthority.create("next").certificatePem();
    Path bundleFile = Files.writeString(dir.resolve("bundle.pem"), bundle);
    CliRun reissue =
        run(
            "rebootstrap",
            "--hub-kubeconfig",
            hubKubeconfig,
            "--ca-bundle",
            bundleFile.toString(),
            "--managed-kubeconfig",
            managed.kubeconfig().toString());
    assertThat(reissue.exit()).as(reissue.err()).isZero();
    assertThat(reissue.out())
        .contains("Re-issued open-cluster-management-agent/bootstrap-hub-kubeconfig");
    Secret secret =
        managed
            .client()
            .secrets()
            .inNamespace("open-cluster-management-agent")
            .withName("bootstrap-hub-kubeconfig")
            .get();
    Config written =
        Config.fromKubeconfig(
            new String(
                Base64.getDecoder().decode(secret.getData().get("kubeconfig")),
                StandardCharsets.UTF_8));
    assertThat(written.getMasterUrl()).startsWith(hub.serverUrl());
    assertThat(
            new String(Base64.getDecoder().decode(written.getCaCertData()), StandardCharsets.UTF_8))
        .isEqualTo(bundle);
    try (KubernetesClient bootstrap = new KubernetesClientBuilder().withConfig(written).build()) {
      assertThat(
              bootstrap
                  .resources(ManagedCluster.class)
                  .resource(newCluster("rebootstrapped"))
                  .create()
                  .getMetadata()
                  .getName())
          .as("the fresh token is a working bootstrap identity")
          .isEqualTo("rebootstrapped");
    }
  }

  private static ManagedCluster newCluster(String name) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    return cluster;
  }
}
