package io.ocmj.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.DaemonThreads;
import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import io.ocmj.api.gitops.v1alpha1.LocalObjectReference;
import io.ocmj.api.gitops.v1alpha1.WebhookSpec;
import io.ocmj.cli.JvmDefaults;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalClusterProvider;
import io.ocmj.testing.Percentiles;
import io.ocmj.testing.ProcessStats;
import io.ocmj.testing.TestCluster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;

/**
 * The fleet benchmark: N simulated clusters ({@link SimulatedFleet}) against one real hub (its own
 * etcd + kube-apiserver + kube-controller-manager) whose controllers run as an {@code ocmj hub}
 * process reading a Git repository. Scenarios, per N: (a) register N clusters (admin accepts as
 * they come); (b) steady state with leases for a window; (c) one commit that changes a
 * ManifestWorkReplicaSet and a Policy fanning out to all N, announced by a signed webhook: push to
 * Applied and push to Compliant per cluster (p50/p95/p99/max); (d) the hub process's CPU and RSS,
 * the API server's requests per second by verb, the etcd database size.
 *
 * <p>Results merge into {@code <out>/fleet.json} (one entry per N; a new run of an N replaces its
 * entry) and are rendered to {@code fleet.md} and {@code fleet-latency.png}. Run: {@code
 * bin/bench-fleet 100 500 1000} (see docs/benchmarks.md).
 */
public final class FleetBenchmark {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern REQUESTS =
      Pattern.compile("^apiserver_request_total\\{(.*)} ([0-9.e+]+)$");
  private static final Pattern VERB = Pattern.compile("verb=\"([A-Z]+)\"");
  private static final Pattern RESOURCE = Pattern.compile("[{,]resource=\"([^\"]*)\"");
  private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]*)\"");
  private static final Pattern SUBRESOURCE = Pattern.compile("subresource=\"([^\"]*)\"");
  private static final Pattern STORAGE =
      Pattern.compile("^apiserver_storage_size_bytes\\{.*} ([0-9.e+]+)$");

  /** PATCHes of the hub admin's acceptance sent at once. */
  static final int ACCEPTERS = 8;

  private FleetBenchmark() {}

  /** One N's figures. */
  public record Result(
      int clusters,
      String measuredAt,
      double registerSeconds,
      double clustersPerMinute,
      double hubCpuSecondsDuringJoin,
      double steadyMinutes,
      double hubCpuSecondsPerSteadyMinute,
      Map<String, Double> apiRequestsPerSecondByVerb,
      Map<String, Double> steadyBusiestRequestsPerSecond,
      Map<String, Double> pushToApplied,
      Map<String, Double> pushToCompliant,
      long hubRssMib,
      long hubPeakRssMib,
      long fleetJvmRssMib,
      long etcdBytes,
      double simulatorCpuSecondsPerSteadyMinute,
      Map<String, Double> steadyManagedBusiestRequestsPerSecond,
      int simulatorThreads,
      int simulatorPeakThreads) {}

  /**
   * Args: {@code <ocmj.jar> <out dir> <steady ISO duration> N...}.
   *
   * @throws Exception when a step fails; the partial figures are not written
   */
  public static void main(String[] args) throws Exception {
    JvmDefaults.apply(); // as in the workers and the ocmj hub it starts
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    Duration steady = Duration.parse(args[2]);
    for (int i = 3; i < args.length; i++) {
      int n = Integer.parseInt(args[i]);
      Result r = run(n, jar, steady);
      System.out.println("RESULT " + JSON.writeValueAsString(r).replaceAll("\\s+", " "));
      write(out, r);
    }
    System.exit(0);
  }

  private static Result run(int n, Path jar, Duration steady) throws Exception {
    Path work = Files.createTempDirectory("ocmj-bench-fleet");
    try (ClusterSet clusters =
        new ClusterSet(
            new LocalClusterProvider(new Binaries(Binaries.defaultCacheDir()))
                .start(List.of("hub")))) {
      TestCluster hubCluster = clusters.get("hub");
      KubernetesClient hub = hubCluster.client();
      HubCrds.install(hub);
      int webhookPort = freePort();
      Process controllers =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "hub",
                  "--hub-kubeconfig",
                  hubCluster.kubeconfig().toString(),
                  "--git-allow-file-urls",
                  "--git-cache",
                  work.resolve("git-cache").toString(),
                  "--webhook-listen",
                  "127.0.0.1:" + webhookPort,
                  "--monitoring-listen",
                  "off")
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("hub.log").toFile())
              .start();
      try (Git git =
          Git.init().setDirectory(work.resolve("repo").toFile()).setInitialBranch("main").call()) {
        return measure(n, hubCluster, controllers.pid(), git, webhookPort, steady, work);
      } finally {
        controllers.destroy();
        if (!controllers.waitFor(30, TimeUnit.SECONDS)) {
          controllers.destroyForcibly().waitFor();
        }
      }
    }
  }

  private static Result measure(
      int n,
      TestCluster hubCluster,
      long hubPid,
      Git git,
      int webhookPort,
      Duration steady,
      Path work)
      throws Exception {
    KubernetesClient hub = hubCluster.client();
    commit(git, "1");
    gitSync(hub, git);
    String bootstrap =
        BootstrapIdentity.kubeconfig(
            hub, hubCluster.serverUrl(), hubCluster.caCertificatePem(), Duration.ofHours(4));
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (FleetProgress progress = new FleetProgress(hub)) {
      progress.expect("1");
      // (a) registration; the admin accepts what registered, twice a second.
      // Accepting takes a PATCH per cluster, ~1.5 s each on a machine this busy: one at a time
      // they paced the whole join (~40/min); an admin script would send them side by side.
      ExecutorService accepters =
          Executors.newFixedThreadPool(
              ACCEPTERS, DaemonThreads.named("admin-accept")); // a failed run must still end
      Set<String> accepting = ConcurrentHashMap.newKeySet();
      ScheduledFuture<?> admin =
          timer.scheduleWithFixedDelay(
              () -> acceptOnce(hub, progress, accepters, accepting), 0, 500, TimeUnit.MILLISECONDS);
      double cpu0 = ProcessStats.cpuSeconds(hubPid);
      long t0 = System.nanoTime();
      try (FleetWorkers fleet = FleetWorkers.start(n, bootstrap, work)) {
        log("%d simulated clusters in %d processes", n, fleet.size());
        await("all " + n + " joined")
            .atMost(Duration.ofMinutes(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  fleet.checkAlive();
                  return progress.joined() >= n;
                });
        double registerSeconds = (System.nanoTime() - t0) / 1e9;
        admin.cancel(false); // the admin is done
        accepters.shutdownNow();
        double cpuJoin = ProcessStats.cpuSeconds(hubPid) - cpu0;
        log("%d joined in %.1f s", n, registerSeconds);
        return rollout(
            n,
            hub,
            hubPid,
            git,
            webhookPort,
            steady,
            fleet,
            progress,
            timer,
            registerSeconds,
            cpuJoin);
      }
    } finally {
      timer.shutdownNow();
    }
  }

  private static Result rollout(
      int n,
      KubernetesClient hub,
      long hubPid,
      Git git,
      int webhookPort,
      Duration steady,
      FleetWorkers fleet,
      FleetProgress progress,
      ScheduledExecutorService timer,
      double registerSeconds,
      double cpuJoin)
      throws Exception {
    awaitEverywhere("1", n, fleet, progress, Duration.ofSeconds(1));

    // (b) steady state: leases only.
    Map<String, Double> detail0 = requestsByVerbAndResource(hub);
    double cpuSteady0 = ProcessStats.cpuSeconds(hubPid);
    long self = ProcessHandle.current().pid();
    double simCpu0 = ProcessStats.cpuSeconds(self) + fleet.cpuSeconds();
    Map<String, Double> managed0 = asDoubles(FleetWorkers.managedRequestsByKind(fleet.stats()));
    long s0 = System.nanoTime();
    // The measurement window itself (no condition to wait for): the timer ends it.
    timer.schedule(() -> null, steady.toMillis(), TimeUnit.MILLISECONDS).get();
    double steadySeconds = (System.nanoTime() - s0) / 1e9;
    double cpuSteady = ProcessStats.cpuSeconds(hubPid) - cpuSteady0;
    double simCpu = ProcessStats.cpuSeconds(self) + fleet.cpuSeconds() - simCpu0;
    // Threads are what a machine runs out of first (pid_max counts them): the simulator's (this
    // process and the workers) at the end of the quiet window, and its most at any time (joins
    // and rollouts start more).
    // One reading of the workers at the window's end, for the record and the log.
    List<FleetWorker.Stats> stats1 = fleet.stats();
    int steadyThreads =
        ManagementFactory.getThreadMXBean().getThreadCount()
            + stats1.stream().mapToInt(FleetWorker.Stats::threads).sum();
    Map<String, Double> managed1 = asDoubles(FleetWorkers.managedRequestsByKind(stats1));
    Map<String, Double> managedBusiest = busiest(managed0, managed1, steadySeconds, 12);
    // One reading of /metrics at each end of the window; per-verb rates are derived from it.
    Map<String, Double> detail1 = requestsByVerbAndResource(hub);
    Map<String, Double> requests0 = byVerb(detail0);
    Map<String, Double> rates = new TreeMap<>();
    byVerb(detail1)
        .forEach(
            (verb, count) ->
                rates.put(
                    verb,
                    Math.round((count - requests0.getOrDefault(verb, 0.0)) / steadySeconds * 10)
                        / 10.0));
    Map<String, Double> busiest = busiest(detail0, detail1, steadySeconds, 12);
    // The log names every kind (the record keeps the busiest 12): where a cluster's cost goes.
    log(
        "steady window done: %s; busiest: %s; simulator %.1f CPU-s/min, in-memory APIs: %s",
        rates,
        busiest(detail0, detail1, steadySeconds, 60),
        simCpu / (steadySeconds / 60),
        busiest(managed0, managed1, steadySeconds, 60));

    // (c) one commit changes the work and the policy for all N.
    progress.expect("2");
    commit(git, "2");
    hook(hub, webhookPort);
    awaitEverywhere("2", n, fleet, progress, Duration.ofMillis(200));
    timer.shutdownNow();
    // Each process's own most, summed: an upper bound of what ran at one time.
    int peakThreads =
        ManagementFactory.getThreadMXBean().getPeakThreadCount()
            + fleet.stats().stream().mapToInt(FleetWorker.Stats::peakThreads).sum();
    return new Result(
        n,
        Instant.now().toString(),
        round(registerSeconds),
        round(n / registerSeconds * 60),
        round(cpuJoin),
        round(steadySeconds / 60),
        round(cpuSteady / (steadySeconds / 60)),
        rates,
        busiest,
        summary(progress.applied().values()),
        summary(progress.compliant().values()),
        ProcessStats.rssMib(hubPid),
        ProcessStats.peakRssMib(hubPid),
        ProcessStats.rssMib(self) + fleet.rssMib(),
        etcdBytes(hub),
        round(simCpu / (steadySeconds / 60)),
        managedBusiest,
        steadyThreads,
        peakThreads);
  }

  /** Waits until the expected version is Applied and Compliant on all n clusters. */
  private static void awaitEverywhere(
      String version, int n, FleetWorkers fleet, FleetProgress progress, Duration poll) {
    await("version " + version + " applied and compliant everywhere")
        .atMost(Duration.ofMinutes(60))
        .pollInterval(poll)
        .until(
            () -> {
              fleet.checkAlive();
              return progress.applied().size() == n && progress.compliant().size() == n;
            });
    log("version %s everywhere", version);
  }

  private static void log(String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "%s fleet-bench: %s%n",
        Instant.now(),
        String.format(Locale.ROOT, format, args));
  }

  private static Map<String, Double> summary(Collection<Long> nanos) {
    List<Double> ms = new ArrayList<>(nanos.stream().map(v -> v / 1e6).sorted().toList());
    Map<String, Double> s = new LinkedHashMap<>();
    s.put("p50_ms", (double) Math.round(Percentiles.of(ms, 50)));
    s.put("p95_ms", (double) Math.round(Percentiles.of(ms, 95)));
    s.put("p99_ms", (double) Math.round(Percentiles.of(ms, 99)));
    s.put("max_ms", (double) Math.round(ms.get(ms.size() - 1)));
    return s;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static void commit(Git git, String version) throws Exception {
    Path root = git.getRepository().getWorkTree().toPath();
    Files.createDirectories(root.resolve("fleet"));
    Files.writeString(root.resolve("fleet/base.yaml"), FleetManifests.base());
    Files.writeString(root.resolve("fleet/rollout.yaml"), FleetManifests.rollout(version));
    git.add().addFilepattern(".").call();
    git.commit()
        .setMessage("fleet-config version " + version)
        .setAuthor("bench", "bench@example.com")
        .setCommitter("bench", "bench@example.com")
        .call();
  }

  private static void gitSync(KubernetesClient hub, Git git) {
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("gitops").endMetadata().build())
        .serverSideApply();
    hub.resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("hook")
                .withNamespace("gitops")
                .endMetadata()
                .addToStringData("token", "bench-token")
                .build())
        .serverSideApply();
    GitSync sync = new GitSync();
    sync.getMetadata().setName("fleet");
    sync.getMetadata().setNamespace("gitops");
    GitSyncSpec spec = new GitSyncSpec();
    spec.setUrl(git.getRepository().getWorkTree().toPath().toUri().toString());
    GitRef ref = new GitRef();
    ref.setBranch("main");
    spec.setRef(ref);
    spec.setPaths(List.of("fleet"));
    spec.setInterval("1h");
    WebhookSpec webhook = new WebhookSpec();
    LocalObjectReference secret = new LocalObjectReference();
    secret.setName("hook");
    webhook.setSecretRef(secret);
    spec.setWebhook(webhook);
    sync.setSpec(spec);
    hub.resource(sync).create();
  }

  /** The signed GitHub-style push announcement the GitSync's receiver checks. */
  private static void hook(KubernetesClient hub, int port) throws Exception {
    String path =
        await("the GitSync's webhook path")
            .atMost(Duration.ofMinutes(1))
            .ignoreExceptions() // a GET that timed out on a busy hub is asked again
            .until(
                () -> {
                  GitSync s =
                      hub.resources(GitSync.class).inNamespace("gitops").withName("fleet").get();
                  return s == null || s.getStatus() == null ? null : s.getStatus().getWebhookPath();
                },
                p -> p != null);
    byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("bench-token".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header(
                        "X-Hub-Signature-256",
                        "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                    .header("X-GitHub-Event", "push")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the webhook answered " + response.statusCode());
    }
  }

  /** The hub admin's side of the opt-in: accepts the registered clusters the informer shows. */
  private static void acceptOnce(
      KubernetesClient hub, FleetProgress progress, ExecutorService accepters, Set<String> busy) {
    for (String name : progress.notAccepted()) {
      if (busy.add(name)) {
        accepters.execute(
            () -> {
              try {
                SimulatedFleet.accept(hub, name);
              } catch (RuntimeException e) {
                // the hub is busy; the next round accepts what this one missed
              } finally {
                busy.remove(name);
              }
            });
      }
    }
  }

  /** Counts per "VERB resource (scope)" summed per verb. */
  static Map<String, Double> byVerb(Map<String, Double> byVerbAndResource) {
    Map<String, Double> byVerb = new TreeMap<>();
    byVerbAndResource.forEach((key, count) -> byVerb.merge(key.split(" ")[0], count, Double::sum));
    return byVerb;
  }

  /**
   * apiserver_request_total summed per "VERB resource[/subresource] (scope)", from the API server's
   * own /metrics.
   */
  static Map<String, Double> requestsByVerbAndResource(KubernetesClient hub) {
    Map<String, Double> counts = new TreeMap<>();
    for (String line : hub.raw("/metrics").split("\n")) {
      Matcher m = REQUESTS.matcher(line);
      if (m.matches()) {
        Matcher verb = VERB.matcher(m.group(1));
        Matcher resource = RESOURCE.matcher(m.group(1));
        Matcher sub = SUBRESOURCE.matcher(m.group(1));
        Matcher scope = SCOPE.matcher(m.group(1));
        if (verb.find()) {
          String key =
              verb.group(1)
                  + " "
                  + (resource.find() ? resource.group(1) : "-")
                  + (sub.find() && !sub.group(1).isEmpty() ? "/" + sub.group(1) : "")
                  + (scope.find() ? " (" + scope.group(1) + ")" : "");
          counts.merge(key, Double.parseDouble(m.group(2)), Double::sum);
        }
      }
    }
    return counts;
  }

  /** The busiest "VERB resource" pairs between two readings, per second, most first. */
  static Map<String, Double> busiest(
      Map<String, Double> before, Map<String, Double> after, double seconds, int top) {
    Map<String, Double> rates = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(
            e ->
                Map.entry(
                    e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / seconds))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> rates.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
    return rates;
  }

  private static Map<String, Double> asDoubles(Map<String, Long> counts) {
    Map<String, Double> d = new TreeMap<>();
    counts.forEach((k, v) -> d.put(k, v.doubleValue()));
    return d;
  }

  /** The etcd database size the API server reports (apiserver_storage_size_bytes). */
  static long etcdBytes(KubernetesClient hub) {
    long max = -1;
    for (String line : hub.raw("/metrics").split("\n")) {
      Matcher m = STORAGE.matcher(line);
      if (m.matches()) {
        max = Math.max(max, (long) Double.parseDouble(m.group(1)));
      }
    }
    return max;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Merges {@code r} into fleet.json and renders fleet.md and fleet-latency.png from all of it. */
  static void write(Path out, Result r) throws IOException {
    Files.createDirectories(out);
    Path json = out.resolve("fleet.json");
    Map<Integer, Result> all = new TreeMap<>();
    if (Files.exists(json)) {
      for (Result old : JSON.readValue(json.toFile(), Result[].class)) {
        all.put(old.clusters(), old);
      }
    }
    all.put(r.clusters(), r);
    JSON.writeValue(json.toFile(), all.values());
    Files.writeString(out.resolve("fleet.md"), FleetReport.markdown(all.values()));
    FleetReport.plot(all.values(), out.resolve("fleet-latency.png"));
  }
}
