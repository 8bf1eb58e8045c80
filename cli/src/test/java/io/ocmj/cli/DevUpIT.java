package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.status.Conditions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README command (a), as a user runs it: the packaged {@code ocmj.jar dev up} brings up a hub and
 * two managed clusters whose kubeconfigs work, with both clusters joined (Joined and Available on
 * the hub), and a signal (as Ctrl-C sends) stops everything.
 */
class DevUpIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void hubAndTwoManagedClustersServeNamespacesUntilSignalled(@TempDir Path dir) throws Exception {
    Path jar = Path.of("target", "ocmj.jar").toAbsolutePath();
    assertThat(jar).as("packaged before integration tests").exists();
    Path log = dir.resolve("dev-up.log");
    Path kubeconfigDir = dir.resolve("kubeconfigs");
    String webhookToken = null;
    Process up =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "dev",
                "up",
                "--kubeconfig-dir",
                kubeconfigDir.toString(),
                "--examples-repo",
                Path.of("..", "examples-repo").toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await("dev up prints its summary")
          .atMost(Duration.ofMinutes(5))
          .until(() -> !up.isAlive() || read(log).contains("Press Ctrl-C"));
      String summary = read(log);
      assertThat(up.isAlive()).as("dev up is running; its output:%n%s", summary).isTrue();
      List<Path> kubeconfigs = new ArrayList<>();
      for (String name : List.of("hub", "cluster1", "cluster2")) {
        kubeconfigs.add(kubeconfigDir.resolve(name + ".kubeconfig"));
      }
      assertThat(summary)
          .contains("kubectl --kubeconfig " + kubeconfigs.get(0) + " get managedclusters");
      assertThat(summary)
          .as("the example fleet comes from Git")
          .contains(
              "GitSync ocmj-gitops/examples: Ready=True ReconciliationSucceeded: Applied revision: main@sha1:")
          .containsPattern("POST to the webhook http://127\\.0\\.0\\.1:\\d+/hooks/[0-9a-f]{64}");
      assertThat(summary.lines())
          .as("the example work is applied to both clusters, with feedback")
          .anyMatch(
              l ->
                  l.matches(
                      "\\s*hello-world\\s+cluster1\\s+True\\s+True\\s+deployments/hello: .*Replicas=1.*"))
          .anyMatch(
              l ->
                  l.matches(
                      "\\s*hello-world\\s+cluster2\\s+True\\s+True\\s+deployments/hello: .*Replicas=1.*"));
      assertThat(summary.lines())
          .as("the example policies report from both clusters")
          .anyMatch(
              l ->
                  l.matches(
                      "fleet/greeting-present\\s+inform\\s+cluster1\\s+Compliant\\s+[0-9a-f]{12}\\s+Compliant; .*"))
          .anyMatch(
              l ->
                  l.matches(
                      "fleet/platform-baseline\\s+enforce\\s+cluster2\\s+Compliant\\s+[0-9a-f]{12}\\s+Compliant; .*"));
      assertMetricsAndHealth(summary);
      assertConsole(summary);
      assertThat(summary.lines())
          .as("placements by label, claim and CEL chose what dev up labelled and claimed")
          .anyMatch(l -> l.matches("\\s*production\\s+1\\s+cluster2"))
          .anyMatch(l -> l.matches("\\s*europe\\s+1\\s+cluster1"))
          .anyMatch(l -> l.matches("\\s*staging\\s+1\\s+cluster1"))
          .anyMatch(l -> l.matches("\\s*all-clusters\\s+2\\s+cluster1, cluster2"));
      assertThat(summary.lines())
          .as("the Gatekeeper policy audits the production cluster")
          .anyMatch(
              l ->
                  l.matches(
                      "fleet/namespaces-have-owners\\s+inform\\s+cluster2\\s+Compliant\\s+[0-9a-f]{12}\\s+Compliant; .*"));
      assertThat(summary).contains("Try a change through Git").contains("commit -qam");

      List<URI> servers = new ArrayList<>();
      for (Path kubeconfig : kubeconfigs) {
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        servers.add(URI.create(config.getMasterUrl()));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
          assertThat(client.namespaces().list().getItems())
              .extracting(Namespace::getMetadata)
              .extracting(m -> m.getName())
              .contains("default", "kube-system");
        }
      }

      try (KubernetesClient hub =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(Files.readString(kubeconfigs.get(0))))
              .build()) {
        new GitStory(jar, kubeconfigDir.resolve("examples-repo"), kubeconfigs.get(0), hub).run();
        webhookToken =
            new String(
                java.util.Base64.getDecoder()
                    .decode(
                        hub.secrets()
                            .inNamespace("ocmj-gitops")
                            .withName("examples-webhook")
                            .get()
                            .getData()
                            .get("token")),
                StandardCharsets.UTF_8);
        for (String cluster : List.of("cluster1", "cluster2")) {
          ManagedCluster mc = hub.resources(ManagedCluster.class).withName(cluster).get();
          assertThat(mc.getSpec().isAccepted()).isTrue();
          assertThat(
                  Conditions.isTrue(
                      mc.getStatus().getConditions(), ManagedCluster.CONDITION_JOINED))
              .as(cluster + " Joined")
              .isTrue();
          assertThat(
                  Conditions.isTrue(
                      mc.getStatus().getConditions(), ManagedCluster.CONDITION_AVAILABLE))
              .as(cluster + " Available")
              .isTrue();
        }
      }

      up.destroy(); // SIGTERM; Ctrl-C's SIGINT takes the same shutdown path
      assertThat(up.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(kubeconfigs).noneMatch(Files::exists);
      assertThat(servers).noneMatch(DevUpIT::accepts);

      // The whole run's log, hub, agents and GitSync included, holds no secret.
      String runLog = read(kubeconfigDir.resolve("dev-up.log")) + read(log);
      assertThat(runLog).as("dev up logged its run").contains("reconciled");
      assertThat(webhookToken).isNotBlank();
      assertThat(runLog)
          .doesNotContain(webhookToken)
          .doesNotContain("PRIVATE KEY")
          .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");
    } finally {
      up.destroyForcibly();
    }
  }

  /**
   * The summary names the fleet console; in dev mode it answers without a token, as the hub's
   * admin, with both clusters and the example policies.
   */
  private static void assertConsole(String summary) {
    Matcher url =
        Pattern.compile(
                "Fleet console \\(dev mode, no sign-in;.*\\): (http://127\\.0\\.0\\.1:\\d+)")
            .matcher(summary);
    assertThat(url.find()).as("the summary names the console URL:%n%s", summary).isTrue();
    String base = url.group(1);
    assertThat(get(base + "/").body()).contains("<script src=\"console.js\"");
    assertThat(get(base + "/api/whoami").body()).contains("\"dev\":true");
    await("the console's fleet shows both clusters")
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> get(base + "/api/fleet").body(),
            b -> b.contains("\"name\":\"cluster1\"") && b.contains("\"name\":\"cluster2\""));
    assertThat(get(base + "/api/matrix").body()).contains("\"namespace\":\"fleet\"");
  }

  /** The process's /metrics has each component's ocmj_ metrics; /healthz and /readyz answer 200. */
  private static void assertMetricsAndHealth(String summary) {
    Matcher url =
        Pattern.compile(
                "Metrics \\(Prometheus\\) of this process: (http://127\\.0\\.0\\.1:\\d+)/metrics")
            .matcher(summary);
    assertThat(url.find()).as("the summary names the metrics URL:%n%s", summary).isTrue();
    String base = url.group(1);
    assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
    await("/readyz says ready")
        .atMost(Duration.ofMinutes(1))
        .until(() -> get(base + "/readyz").statusCode() == 200);
    await("the fleet gauges count both clusters Available and a Compliant policy")
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              String scrape = get(base + "/metrics").body();
              return sample(
                          scrape,
                          "ocmj_managed_clusters",
                          "condition=\"ManagedClusterConditionAvailable\"",
                          "status=\"True\"")
                      == 2
                  && sample(scrape, "ocmj_policies", "compliance=\"Compliant\"") >= 1
                  && sample(scrape, "ocmj_gitsyncs", "ready=\"True\"") == 1;
            });
    String scrape = get(base + "/metrics").body();
    assertThat(scrape).contains("# HELP ocmj_reconcile_total ");
    assertThat(sample(scrape, "ocmj_reconcile_total", "result=\"success\""))
        .as("controllers reconciled")
        .isPositive();
    assertThat(sample(scrape, "ocmj_reconcile_duration_seconds_count", "operation=\"reconcile\""))
        .isPositive();
    assertThat(sample(scrape, "ocmj_gitsync_revisions_applied_total")).isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "ocmj_gitsync_last_success_timestamp_seconds")).isPositive();
    assertThat(sample(scrape, "ocmj_gitsync_fetch_duration_seconds_count")).isPositive();
    assertThat(sample(scrape, "ocmj_work_apply_duration_seconds_count", "outcome=\"applied\""))
        .as("the work agents applied works")
        .isPositive();
    assertThat(
            sample(
                scrape,
                "ocmj_policy_evaluations_total",
                "engine=\"configuration\"",
                "compliance=\"Compliant\""))
        .isPositive();
    assertThat(dashboardMetrics())
        .as("every metric the Grafana dashboard charts is served")
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(scrape.lines())
                    .as(m)
                    .anyMatch(l -> l.startsWith(m + "{") || l.startsWith(m + " ")));
    assertThat(scrape.lines().filter(l -> l.startsWith("ocmj_")))
        .as("no label names a resource")
        .noneMatch(l -> l.contains("cluster1") || l.contains("hello-world"));
  }

  /** The metric names in deploy/grafana/ocmj-dashboard.json's queries. */
  private static List<String> dashboardMetrics() {
    try {
      String dashboard =
          Files.readString(Path.of("..", "deploy", "grafana", "ocmj-dashboard.json"));
      Matcher names = Pattern.compile("\\b(?:ocmj|jvm|process)_[a-z_]+\\b").matcher(dashboard);
      List<String> found = new ArrayList<>();
      while (names.find()) {
        if (!found.contains(names.group())) {
          found.add(names.group());
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sum of the samples of {@code metric} whose labels include every one given. */
  private static double sample(String scrape, String metric, String... labels) {
    return scrape
        .lines()
        .filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
        .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean accepts(URI server) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
