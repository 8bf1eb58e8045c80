package io.ocmj.cli.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.klusterlet.registration.RegistrationAgent;
import io.ocmj.klusterlet.registration.RegistrationConfig;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalClusterProvider;
import io.ocmj.testing.ProcessStats;
import io.ocmj.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Registration at fleet scale: N simulated agents (each its own identity, CSR, certificate and
 * lease; they share one managed API server, each in its own agent namespace) join one real hub
 * whose controllers run as a separate {@code ocmj hub} process, so its CPU and memory can be read
 * from /proc. Prints clusters registered per minute and the hub controller's CPU time and RSS.
 *
 * <p>Run: {@code bin/bench-registration 100} (see docs/benchmarks.md).
 */
public final class RegistrationBenchmark {
  private RegistrationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path jar = Path.of(args.length > 1 ? args[1] : "cli/target/ocmj.jar").toAbsolutePath();
    try (ClusterSet clusters =
        new ClusterSet(
            new LocalClusterProvider(new Binaries(Binaries.defaultCacheDir()))
                .start(List.of("hub", "managed")))) {
      TestCluster hub = clusters.get("hub");
      TestCluster managed = clusters.get("managed");
      HubCrds.install(hub.client());
      Process controllers =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "hub",
                  "--hub-kubeconfig",
                  hub.kubeconfig().toString())
              .redirectErrorStream(true)
              .redirectOutput(Files.createTempFile("ocmj-hub-bench", ".log").toFile())
              .start();
      try {
        run(n, hub, managed, controllers.pid());
      } finally {
        controllers.destroy();
      }
    }
    System.exit(0);
  }

  private static void run(int n, TestCluster hub, TestCluster managed, long hubPid)
      throws Exception {
    String bootstrap =
        BootstrapIdentity.kubeconfig(
            hub.client(), hub.serverUrl(), hub.caCertificatePem(), Duration.ofHours(2));
    // The admin's side of the opt-in: accept every registered cluster, twice a second.
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleWithFixedDelay(() -> acceptOnce(hub.client()), 0, 500, TimeUnit.MILLISECONDS);
    List<RegistrationAgent> agents = new ArrayList<>();
    double cpuBefore = ProcessStats.cpuSeconds(hubPid);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      String name = String.format(Locale.ROOT, "sim-%04d", i);
      agents.add(
          new RegistrationAgent(
                  new RegistrationConfig(
                      name,
                      "agent-" + name,
                      bootstrap,
                      List.of(managed.serverUrl()),
                      null,
                      null,
                      Duration.ofSeconds(1),
                      Clock.systemUTC()),
                  managed.client())
              .start());
    }
    await("all " + n + " clusters joined")
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> joined(hub.client()) >= n);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuJoin = ProcessStats.cpuSeconds(hubPid) - cpuBefore;
    // The measurement window for steady state: one minute, in which every agent heartbeats once
    // (leaseDurationSeconds 60).
    double cpuSteadyStart = ProcessStats.cpuSeconds(hubPid);
    double cpuSteady =
        timer
            .schedule(() -> ProcessStats.cpuSeconds(hubPid) - cpuSteadyStart, 60, TimeUnit.SECONDS)
            .get();
    timer.shutdownNow();
    System.out.printf(
        Locale.ROOT,
        "RESULT n=%d joined_in_s=%.1f clusters_per_minute=%.0f hub_cpu_s_during_join=%.1f"
            + " hub_cpu_s_per_steady_minute=%.1f hub_rss_mib=%d hub_peak_rss_mib=%d%n",
        n,
        seconds,
        n / seconds * 60,
        cpuJoin,
        cpuSteady,
        ProcessStats.rssMib(hubPid),
        ProcessStats.peakRssMib(hubPid));
    agents.forEach(RegistrationAgent::close);
  }

  private static void acceptOnce(KubernetesClient hub) {
    try {
      for (ManagedCluster mc : hub.resources(ManagedCluster.class).list().getItems()) {
        if (mc.getSpec() == null || !mc.getSpec().isAccepted()) {
          hub.resources(ManagedCluster.class)
              .withName(mc.getMetadata().getName())
              .patch(
                  PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"hubAcceptsClient\":true}}");
        }
      }
    } catch (RuntimeException e) {
      // the hub is busy; the next round accepts what this one missed
    }
  }

  private static long joined(KubernetesClient hub) {
    return hub.resources(ManagedCluster.class).list().getItems().stream()
        .filter(mc -> ManagedCluster.isTrue(mc, ManagedCluster.CONDITION_JOINED))
        .count();
  }
}
