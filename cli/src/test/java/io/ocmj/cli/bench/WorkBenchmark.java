package io.ocmj.cli.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.klusterlet.registration.RegistrationAgent;
import io.ocmj.klusterlet.registration.RegistrationConfig;
import io.ocmj.klusterlet.work.WorkAgent;
import io.ocmj.klusterlet.work.WorkAgentConfig;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalClusterProvider;
import io.ocmj.testing.Percentiles;
import io.ocmj.testing.ProcessStats;
import io.ocmj.testing.TestCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Work distribution figures on real API servers. {@code latency N}: one joined cluster with its
 * work agent; N ManifestWorks (a ConfigMap each) are created one after the other and the time from
 * create until the hub sees Applied=True is taken per work (an informer on the hub notes the first
 * Applied). {@code fleet N}: N simulated clusters (own identity and work agent each, sharing one
 * managed API server, one namespace each) join; one ManifestWork per cluster is created, and the
 * time from the first create until every work is Applied is taken, with the RSS of this JVM, which
 * runs the N agents (hub controllers run here too).
 *
 * <p>Run: {@code bin/bench-work latency 200}, {@code bin/bench-work fleet 100}.
 */
public final class WorkBenchmark {
  private WorkBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "latency";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    try (ClusterSet clusters =
        new ClusterSet(
            new LocalClusterProvider(new Binaries(Binaries.defaultCacheDir()))
                .start(List.of("hub", "managed")))) {
      TestCluster hub = clusters.get("hub");
      HubCrds.install(hub.client());
      try (HubControllers controllers = HubControllers.start(hub.client(), Clock.systemUTC())) {
        if (mode.equals("fleet")) {
          fleet(n, hub, clusters.get("managed"));
        } else {
          latency(n, hub, clusters.get("managed"));
        }
      }
    }
    System.exit(0);
  }

  private static void latency(int n, TestCluster hub, TestCluster managed) throws Exception {
    List<AutoCloseable> agents = join(hub, managed, List.of("bench"));
    Map<String, Long> created = new ConcurrentHashMap<>();
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    SharedIndexInformer<ManifestWork> informer =
        hub.client()
            .resources(ManifestWork.class)
            .inNamespace("bench")
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ManifestWork work) {}

                  @Override
                  public void onUpdate(ManifestWork before, ManifestWork after) {
                    Long start = created.get(after.getMetadata().getName());
                    if (start != null
                        && after.getStatus() != null
                        && Conditions.isTrue(
                            after.getStatus().getConditions(), ManifestWork.CONDITION_APPLIED)
                        && created.remove(after.getMetadata().getName()) != null) {
                      millis.add((System.nanoTime() - start) / 1e6);
                    }
                  }

                  @Override
                  public void onDelete(ManifestWork work, boolean unknown) {}
                });
    managed
        .client()
        .resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
        .serverSideApply();
    for (int i = 0; i < n; i++) {
      String name = String.format(Locale.ROOT, "w-%04d", i);
      ManifestWork work = new ManifestWork();
      work.getMetadata().setName(name);
      work.getMetadata().setNamespace("bench");
      work.setSpec(spec("bench", name));
      created.put(name, System.nanoTime());
      hub.client().resource(work).create();
      int done = i + 1;
      await().atMost(Duration.ofMinutes(1)).until(() -> millis.size() >= done);
    }
    informer.close();
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "RESULT latency n=%d create_to_applied_ms p50=%.0f p90=%.0f p99=%.0f max=%.0f%n",
        n,
        Percentiles.of(sorted, 50),
        Percentiles.of(sorted, 90),
        Percentiles.of(sorted, 99),
        sorted.get(sorted.size() - 1));
    close(agents);
  }

  private static void fleet(int n, TestCluster hub, TestCluster managed) throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(String.format(Locale.ROOT, "sim-%04d", i));
    }
    long joinStart = System.nanoTime();
    List<AutoCloseable> agents = join(hub, managed, names);
    double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
    for (String name : names) {
      managed
          .client()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .serverSideApply();
    }
    KubernetesClient client = hub.client();
    long t0 = System.nanoTime();
    for (String name : names) {
      // One work per cluster, each into that cluster's own namespace: the simulated clusters share
      // one managed API server, and a shared object would only measure their write conflicts.
      ManifestWork work = new ManifestWork();
      work.getMetadata().setName("fleet-config");
      work.getMetadata().setNamespace(name);
      work.setSpec(spec(name, "fleet-config"));
      client.resource(work).create();
    }
    await("all " + n + " works Applied")
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> applied(client) >= n);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.gc();
    long pid = ProcessHandle.current().pid();
    System.out.printf(
        Locale.ROOT,
        "RESULT fleet n=%d joined_in_s=%.1f all_applied_in_s=%.1f jvm_rss_mib=%d"
            + " jvm_peak_rss_mib=%d rss_per_agent_mib=%.1f%n",
        n,
        joinSeconds,
        seconds,
        ProcessStats.rssMib(pid),
        ProcessStats.peakRssMib(pid),
        ProcessStats.rssMib(pid) / (double) n);
    close(agents);
  }

  private static long applied(KubernetesClient hub) {
    return hub.resources(ManifestWork.class).inAnyNamespace().list().getItems().stream()
        .filter(
            w ->
                w.getStatus() != null
                    && Conditions.isTrue(
                        w.getStatus().getConditions(), ManifestWork.CONDITION_APPLIED))
        .count();
  }

  /** Joins each named cluster (own agent namespace) and starts its work agent. */
  static List<AutoCloseable> join(TestCluster hub, TestCluster managed, List<String> names) {
    String bootstrap =
        BootstrapIdentity.kubeconfig(
            hub.client(), hub.serverUrl(), hub.caCertificatePem(), Duration.ofHours(2));
    List<AutoCloseable> agents = new ArrayList<>();
    List<RegistrationAgent> registrations = new ArrayList<>();
    for (String name : names) {
      RegistrationAgent agent =
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
              .start();
      registrations.add(agent);
      agents.add(agent);
    }
    await("all registered")
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              for (ManagedCluster mc :
                  hub.client().resources(ManagedCluster.class).list().getItems()) {
                if (mc.getSpec() == null || !mc.getSpec().isAccepted()) {
                  hub.client()
                      .resources(ManagedCluster.class)
                      .withName(mc.getMetadata().getName())
                      .patch(
                          PatchContext.of(PatchType.JSON_MERGE),
                          "{\"spec\":{\"hubAcceptsClient\":true}}");
                }
              }
              return registrations.stream().allMatch(a -> "joined".equals(a.phase()));
            });
    for (String name : names) {
      WorkAgent work =
          new WorkAgent(
                  new WorkAgentConfig(
                      name,
                      "agent-" + name,
                      WorkAgentConfig.DEFAULT_RESYNC,
                      WorkAgentConfig.DEFAULT_FEEDBACK_RESYNC,
                      WorkAgentConfig.DEFAULT_RETRY,
                      WorkAgentConfig.DEFAULT_MAX_RAW_FEEDBACK_BYTES,
                      Clock.systemUTC()),
                  managed.client())
              .start();
      agents.add(work);
    }
    List<WorkAgent> works =
        agents.stream().filter(a -> a instanceof WorkAgent).map(a -> (WorkAgent) a).toList();
    await("all work agents run")
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> works.stream().allMatch(WorkAgent::running));
    return agents;
  }

  private static ManifestWorkSpec spec(String namespace, String name) {
    ManifestWorkSpec spec = new ManifestWorkSpec();
    spec.getWorkload()
        .setManifests(
            List.of(
                Manifest.of(
                    Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        Map.of("name", name, "namespace", namespace),
                        "data",
                        Map.of("key", "value")))));
    return spec;
  }

  static void close(List<AutoCloseable> agents) throws Exception {
    for (AutoCloseable a : agents) {
      a.close();
    }
  }
}
