package io.ocmj.gitops.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import io.ocmj.api.gitops.v1alpha1.LocalObjectReference;
import io.ocmj.api.gitops.v1alpha1.WebhookSpec;
import io.ocmj.api.status.Conditions;
import io.ocmj.gitops.GitSyncController;
import io.ocmj.gitops.SyncRequest;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalClusterProvider;
import io.ocmj.testing.Percentiles;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;

/**
 * GitSync figures on a real hub. {@code webhook N}: N commits, each followed by a signed GitHub
 * webhook call; the time from the call until the changed ConfigMap is seen on the hub. {@code
 * objects N}: a repository of N ConfigMaps (100 per file); the time from creating the GitSync until
 * it is Ready, then the time of a reconcile that finds nothing to change (same commit, no drift),
 * averaged over 10 requested reconciles.
 *
 * <p>Run: {@code bin/bench-gitsync webhook 50}, {@code bin/bench-gitsync objects 10000}.
 */
public final class GitSyncBenchmark {
  private GitSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "webhook";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path work = Files.createTempDirectory("ocmj-bench-gitsync");
    try (ClusterSet clusters =
        new ClusterSet(
            new LocalClusterProvider(new Binaries(Binaries.defaultCacheDir()))
                .start(List.of("hub")))) {
      KubernetesClient hub = clusters.get("hub").client();
      HubCrds.install(hub);
      hub.resource(
              new NamespaceBuilder().withNewMetadata().withName("gitops").endMetadata().build())
          .serverSideApply();
      try (GitSyncController controller =
              GitSyncController.start(
                  hub,
                  work.resolve("cache"),
                  Clock.systemUTC(),
                  new InetSocketAddress("127.0.0.1", 0));
          Git git =
              Git.init()
                  .setDirectory(work.resolve("repo").toFile())
                  .setInitialBranch("main")
                  .call()) {
        if (mode.equals("objects")) {
          objects(hub, git, n);
        } else {
          webhook(hub, git, controller.webhookPort().orElseThrow(), n);
        }
      }
    }
    System.exit(0);
  }

  private static void webhook(KubernetesClient hub, Git git, int port, int n) throws Exception {
    hub.resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("hook")
                .withNamespace("gitops")
                .endMetadata()
                .addToStringData("token", "bench-token")
                .build())
        .serverSideApply();
    commit(git, Map.of("fleet/cm.yaml", configMaps(1, "v0")));
    GitSync sync = sync(git);
    WebhookSpec webhook = new WebhookSpec();
    LocalObjectReference ref = new LocalObjectReference();
    ref.setName("hook");
    webhook.setSecretRef(ref);
    sync.getSpec().setWebhook(webhook);
    hub.resource(sync).create();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> value(hub, "cm-00000") != null && path(hub) != null);
    String url = "http://127.0.0.1:" + port + path(hub);
    byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("bench-token".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    HttpClient http = HttpClient.newHttpClient();
    List<Double> millis = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String expected = "v" + i;
      commit(git, Map.of("fleet/cm.yaml", configMaps(1, expected)));
      long start = System.nanoTime();
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("X-Hub-Signature-256", signature)
                  .header("X-GitHub-Event", "push")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("webhook answered " + response.statusCode());
      }
      await()
          .atMost(Duration.ofMinutes(1))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(2))
          .until(() -> expected.equals(value(hub, "cm-00000")));
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "RESULT gitsync-webhook n=%d push_to_applied_ms p50=%.0f p90=%.0f p99=%.0f max=%.0f%n",
        n,
        Percentiles.of(millis, 50),
        Percentiles.of(millis, 90),
        Percentiles.of(millis, 99),
        millis.get(millis.size() - 1));
  }

  private static void objects(KubernetesClient hub, Git git, int n) throws Exception {
    Map<String, String> files = new java.util.HashMap<>();
    for (int first = 0; first < n; first += 100) {
      StringBuilder file = new StringBuilder();
      for (int i = first; i < Math.min(n, first + 100); i++) {
        file.append(configMap(i, "v1")).append("---\n");
      }
      files.put(String.format(Locale.ROOT, "fleet/cm-%05d.yaml", first), file.toString());
    }
    commit(git, files);
    long start = System.nanoTime();
    hub.resource(sync(git)).create();
    await()
        .atMost(Duration.ofMinutes(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> ready(hub));
    double syncSeconds = (System.nanoTime() - start) / 1e9;
    List<Double> noop = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String requested = Instant.now().toString() + "-" + i;
      long t = System.nanoTime();
      SyncRequest.request(hub, "gitops", "bench", requested);
      await()
          .atMost(Duration.ofMinutes(30))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                GitSync s =
                    hub.resources(GitSync.class).inNamespace("gitops").withName("bench").get();
                return requested.equals(s.getStatus().getLastHandledReconcileAt());
              });
      noop.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(noop);
    System.out.printf(
        Locale.ROOT,
        "RESULT gitsync-objects n=%d first_sync_s=%.1f no_change_reconcile_ms p50=%.0f max=%.0f%n",
        n,
        syncSeconds,
        Percentiles.of(noop, 50),
        noop.get(noop.size() - 1));
  }

  private static GitSync sync(Git git) {
    GitSync sync = new GitSync();
    sync.getMetadata().setName("bench");
    sync.getMetadata().setNamespace("gitops");
    GitSyncSpec spec = new GitSyncSpec();
    spec.setUrl(git.getRepository().getWorkTree().toPath().toUri().toString());
    GitRef ref = new GitRef();
    ref.setBranch("main");
    spec.setRef(ref);
    spec.setPaths(List.of("fleet"));
    spec.setInterval("1h");
    sync.setSpec(spec);
    return sync;
  }

  private static boolean ready(KubernetesClient hub) {
    GitSync s = hub.resources(GitSync.class).inNamespace("gitops").withName("bench").get();
    return s != null
        && s.getStatus() != null
        && Conditions.isTrue(s.getStatus().getConditions(), GitSync.CONDITION_READY);
  }

  private static String path(KubernetesClient hub) {
    GitSync s = hub.resources(GitSync.class).inNamespace("gitops").withName("bench").get();
    return s == null || s.getStatus() == null ? null : s.getStatus().getWebhookPath();
  }

  private static String value(KubernetesClient hub, String name) {
    ConfigMap cm = hub.configMaps().inNamespace("gitops").withName(name).get();
    return cm == null ? null : cm.getData().get("value");
  }

  private static void commit(Git git, Map<String, String> files) throws Exception {
    Path root = git.getRepository().getWorkTree().toPath();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path path = root.resolve(f.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, f.getValue());
    }
    git.add().addFilepattern(".").call();
    git.commit()
        .setMessage("bench")
        .setAuthor("b", "b@example.com")
        .setCommitter("b", "b@example.com")
        .call();
  }

  private static String configMaps(int n, String value) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(configMap(i, value)).append("---\n");
    }
    return s.toString();
  }

  private static String configMap(int i, String value) {
    return String.format(
        Locale.ROOT,
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-%05d, namespace: gitops}\ndata: {value: %s}\n",
        i,
        value);
  }
}
