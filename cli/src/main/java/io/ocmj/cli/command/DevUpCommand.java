package io.ocmj.cli.command;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.cli.UserError;
import io.ocmj.cli.monitoring.MonitoringServer;
import io.ocmj.gitops.GitSyncController;
import io.ocmj.hub.console.ConsoleServer;
import io.ocmj.hub.monitoring.ControllerMetrics;
import io.ocmj.hub.monitoring.FleetGauges;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalClusterProvider;
import io.ocmj.testing.TestCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj dev up}: starts a hub and N managed clusters as real local API servers, prints their
 * kubeconfigs and stays up until Ctrl-C.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description =
        "Start a local hub and managed clusters (real kube-apiservers); Ctrl-C stops them.")
public final class DevUpCommand implements Callable<Integer> {
  @Mixin MonitoringMixin monitoringOptions;

  @Spec CommandSpec spec;

  @Option(
      names = "--managed-clusters",
      defaultValue = "${env:OCMJ_DEV_MANAGED_CLUSTERS:-2}",
      description = "Number of managed clusters besides the hub (default: ${DEFAULT-VALUE}).")
  int managedClusters;

  @Option(
      names = "--kubeconfig-dir",
      defaultValue = "${env:OCMJ_DEV_KUBECONFIG_DIR:-.ocmj/dev}",
      description = "Where to write <cluster>.kubeconfig files (default: ${DEFAULT-VALUE}).")
  Path kubeconfigDir;

  @Option(
      names = "--cache-dir",
      defaultValue = "${env:OCMJ_CACHE:-}",
      description = "Cache of built binaries and run state (default: ~/.cache/ocmj).")
  String cacheDir;

  @Option(
      names = "--examples-repo",
      defaultValue = "examples-repo",
      description =
          "Example fleet repository, copied once into a local Git repository that a GitSync syncs"
              + " (default: ${DEFAULT-VALUE}).")
  Path examples;

  @Option(
      names = "--console-port",
      defaultValue = "${env:OCMJ_DEV_CONSOLE_PORT:-0}",
      description =
          "Port of the fleet console on 127.0.0.1, in dev mode (no sign-in; default: any free"
              + " port; the URL is printed).")
  int consolePort;

  @Option(
      names = "--stop-after",
      description = "Stop by itself after this ISO-8601 duration (e.g. PT30S) instead of Ctrl-C.")
  Duration stopAfter;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (consolePort < 0 || consolePort > 65535) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--console-port: must be 0..65535, was " + consolePort);
    }
    if (managedClusters < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--managed-clusters: must be 0 or more, was " + managedClusters);
    }
    List<String> names = new ArrayList<>(List.of("hub"));
    for (int i = 1; i <= managedClusters; i++) {
      names.add("cluster" + i);
    }
    // Progress lines here, the controllers' and agents' logs in a file: not a wall of logs.
    Files.createDirectories(kubeconfigDir);
    Path logFile = kubeconfigDir.resolve("dev-up.log").toAbsolutePath();
    PrintStream console = System.err;
    try (PrintStream log =
        new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
      System.setErr(log);
      return run(out, names, logFile);
    } finally {
      System.setErr(console);
    }
  }

  private int run(PrintWriter out, List<String> names, Path logFile) throws Exception {
    Path cache =
        cacheDir == null || cacheDir.isBlank() ? Binaries.defaultCacheDir() : Path.of(cacheDir);
    out.printf(
        "Starting %s (first run builds the Kubernetes binaries from source; logs: %s)...%n",
        names, logFile);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    try (ClusterSet clusters =
        new ClusterSet(new LocalClusterProvider(new Binaries(cache)).start(names))) {
      out.printf(
          "Clusters are up; starting the hub controllers and a registration and a work agent per"
              + " managed cluster, and accepting them on the hub...%n");
      out.flush();
      Path repository = DevGitSync.repository(examples, kubeconfigDir.resolve("examples-repo"));
      if (!Files.exists(repository.resolve(DevGitSync.POLICY_ADDON_FILE))
          && Files.exists(examples.resolve(DevGitSync.POLICY_ADDON_FILE))) {
        out.printf(
            "Note: the example repository %s (kept from an earlier run) has no %s: the policy"
                + " agent is an add-on now, and without that file no cluster gets it. Copy it"
                + " from %s and commit, or start afresh with 'ocmj dev down'.%n",
            repository, DevGitSync.POLICY_ADDON_FILE, examples);
      }
      try (MonitoringServer monitoring = monitoringOptions.start();
          DevStack stack = DevStack.start(clusters, new Binaries(cache).ensure("opa"));
          GitSyncController gitops =
              GitSyncController.start(
                  clusters.get(0).client(),
                  cache.resolve("gitsync"),
                  Clock.systemUTC(),
                  new InetSocketAddress("127.0.0.1", 0),
                  ControllerMetrics.global(),
                  null,
                  true); // dev up's own example repository is a local one
          FleetGauges fleet =
              monitoring == null
                  ? null
                  : FleetGauges.start(clusters.get(0).client(), monitoring.registry());
          ConsoleServer console =
              ConsoleServer.start(
                  clusters.get(0).client(),
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), consolePort),
                  true, // dev mode: loopback only, no sign-in
                  Clock.systemUTC())) {
        if (monitoring != null) {
          monitoring.ready("dev-stack", stack::ready).ready("gitsync", gitops::ready);
        }
        List<String> managed =
            clusters.all().subList(1, clusters.size()).stream().map(TestCluster::name).toList();
        KubernetesClient hub = clusters.get(0).client();
        out.printf(
            "Syncing %s/fleet into the hub (GitSync %s/%s)...%n",
            repository, DevGitSync.NAMESPACE, DevGitSync.NAME);
        out.flush();
        DevGitSync.create(hub, repository);
        await("the GitSync's first attempt")
            .atMost(Duration.ofMinutes(2))
            .until(() -> DevGitSync.settled(hub));
        if (!DevGitSync.ready(hub)) {
          throw new UserError("GitSync " + DevGitSync.NAME + ": " + DevGitSync.describe(hub));
        }
        out.printf(
            "GitSync %s: waiting for the work agents to apply the fleet's works...%n",
            DevGitSync.describe(hub));
        out.flush();
        if (!managed.isEmpty()) {
          await("the example works are applied")
              .atMost(Duration.ofMinutes(2))
              .until(() -> ExampleWorks.allApplied(hub, "fleet"));
        }
        out.println("Works applied; waiting for the policy agents' first compliance reports...");
        out.flush();
        try {
          await("the example policies are Compliant on every cluster")
              .atMost(Duration.ofMinutes(2))
              .until(() -> managed.isEmpty() || ExamplePolicies.compliant(hub, "fleet"));
        } catch (ConditionTimeoutException e) {
          out.println("The example policies are not all Compliant yet; their state follows.");
        }
        List<Path> written = writeKubeconfigs(clusters);
        Thread onCtrlC =
            new Thread(
                () -> shutdown(out, gitops, stack, clusters, written, stopped), "ocmj-dev-down");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
          printSummary(out, clusters, written);
          out.printf(
              "GitSync %s/%s: %s%n",
              DevGitSync.NAMESPACE, DevGitSync.NAME, DevGitSync.describe(hub));
          out.printf("  Change the fleet: edit and commit in %s, then%n", repository);
          out.printf(
              "  java -jar cli/target/ocmj.jar sync now %s --hub-kubeconfig %s%n",
              DevGitSync.NAME, written.get(0));
          out.printf(
              "  or POST to the webhook http://127.0.0.1:%d%s (GitHub-style HMAC with the token in"
                  + " Secret %s/%s)%n%n",
              gitops.webhookPort().orElseThrow(),
              DevGitSync.get(hub).getStatus().getWebhookPath(),
              DevGitSync.NAMESPACE,
              DevGitSync.WEBHOOK_SECRET);
          DevTour.printPlacements(out, hub, "fleet");
          if (!managed.isEmpty()) {
            out.println(
                "ManifestWorks made by the ManifestWorkReplicaSets of fleet (status reported by"
                    + " the work agents):");
            ExampleWorks.print(out, hub, "fleet");
            out.println(
                "  (AVAILABLE means every resource exists, as in OCM; these clusters have no"
                    + " kubelet, so pods stay Pending and ReadyReplicas is never reported.)");
            out.println();
            out.printf("  kubectl --kubeconfig %s get manifestworks -A%n%n", written.get(0));
          }
          ExamplePolicies.print(out, hub, "fleet", written.get(0));
          DevTour.printTryACommit(out, repository, written.get(0));
          out.printf(
              "Fleet console (dev mode, no sign-in; clusters, compliance matrix, rollouts, Git;"
                  + " live): %s%n%n",
              console.url());
          if (monitoring != null) {
            out.printf(
                "Metrics (Prometheus) of this process: %s/metrics; health: %s/healthz,"
                    + " %s/readyz%n%n",
                monitoring.url(), monitoring.url(), monitoring.url());
          }
          out.println("Press Ctrl-C to stop everything.");
          out.flush();
          awaitStop(stopped);
        } finally {
          deleteAll(written);
          removeHook(onCtrlC);
        }
      }
    }
    if (stopped.getCount() > 0) { // else the Ctrl-C hook stopped everything and said so
      out.println("Stopped.");
    }
    return 0;
  }

  /** Waits for Ctrl-C, --stop-after or an interrupt; each one is a normal stop. */
  private void awaitStop(CountDownLatch stopped) {
    try {
      if (stopAfter != null) {
        stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        stopped.await();
      }
    } catch (InterruptedException e) {
      // The interrupt is the stop request itself, handled here; not re-raised, so that the
      // clusters below still get their graceful SIGTERM.
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is what is stopping us
    }
  }

  private List<Path> writeKubeconfigs(ClusterSet clusters) throws IOException {
    Files.createDirectories(kubeconfigDir);
    List<Path> written = new ArrayList<>();
    for (TestCluster cluster : clusters.all()) {
      Path target = kubeconfigDir.resolve(cluster.name() + ".kubeconfig").toAbsolutePath();
      Files.copy(cluster.kubeconfig(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      written.add(target);
    }
    return written;
  }

  private static void printSummary(PrintWriter out, ClusterSet clusters, List<Path> kubeconfigs) {
    out.println();
    out.println("ocmj dev environment is up:");
    for (int i = 0; i < clusters.size(); i++) {
      TestCluster c = clusters.get(i);
      out.printf("  %-10s %s  kubeconfig: %s%n", c.name(), c.serverUrl(), kubeconfigs.get(i));
    }
    out.println();
    out.println("Try:");
    out.printf("  kubectl --kubeconfig %s get managedclusters%n", kubeconfigs.get(0));
    out.println();
  }

  private static void shutdown(
      PrintWriter out,
      GitSyncController gitops,
      DevStack stack,
      ClusterSet clusters,
      List<Path> written,
      CountDownLatch stopped) {
    // Credentials first: they must not outlive the clusters, whatever happens below.
    deleteAll(written);
    try {
      gitops.close();
      stack.close();
      clusters.close();
      out.println("Stopped.");
      out.flush();
    } finally {
      stopped.countDown();
    }
  }

  private static void deleteAll(List<Path> files) {
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        // best effort on the way out; the files hold credentials of clusters that are gone
      }
    }
  }
}
