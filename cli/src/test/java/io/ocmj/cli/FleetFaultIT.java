package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.work.v1.AppliedManifestWork;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalCluster;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite on real processes: the hub controllers ({@code ocmj hub}) and an agent ({@code
 * ocmj join}) per managed cluster run as their own JVMs. During a rollout, the hub process, the
 * hub's kube-apiserver and etcd and one agent are killed with SIGKILL and started again. The fleet
 * must end exactly as desired: every cluster has the new revision once, nothing is duplicated, what
 * was not ocmj's stays, and no step by hand is needed.
 */
@KubernetesClusters({"hub", "c1", "c2", "c3"})
class FleetFaultIT {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final List<String> CLUSTERS = List.of("c1", "c2", "c3");
  private final Map<String, Process> processes = new LinkedHashMap<>();
  @TempDir Path dir;

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : processes.values()) {
      p.destroy();
    }
    for (Process p : processes.values()) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void aRolloutSurvivesKillsOfTheHubItsApiServerEtcdAndAnAgent(ClusterSet clusters)
      throws Exception {
    LocalCluster hubCluster = (LocalCluster) clusters.get("hub");
    KubernetesClient hub = hubCluster.client();
    HubCrds.install(hub);
    Path bootstrap = dir.resolve("bootstrap.kubeconfig");
    CliRun init =
        CliRun.of(
            "init",
            "--hub-kubeconfig",
            hubCluster.kubeconfig().toString(),
            "--bootstrap-kubeconfig-out",
            bootstrap.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    startHub(hubCluster);
    for (String c : CLUSTERS) {
      startAgent(c, clusters.get(c), bootstrap);
    }
    // Not ocmj's: must stay whatever happens.
    clusters
        .get("c1")
        .client()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("keep-me")
                .withNamespace("default")
                .endMetadata()
                .addToData("owner", "someone else")
                .build())
        .create();
    within("every cluster registers", () -> registered(hub) == CLUSTERS.size());
    CliRun accept =
        CliRun.of(
            "accept",
            "--hub-kubeconfig",
            hubCluster.kubeconfig().toString(),
            "--clusters",
            String.join(",", CLUSTERS));
    assertThat(accept.exit()).as(accept.err()).isZero();
    within("every cluster is Available", () -> available(hub));

    apply(hub, FLEET.formatted("1"));
    within("revision 1 everywhere", () -> everywhere(clusters, "1"));

    // The rollout of revision 2, and the faults during it.
    apply(hub, FLEET.formatted("2"));
    processes.remove("hub").destroyForcibly().waitFor();
    hubCluster.killAndRestart("kube-apiserver");
    startHub(hubCluster);
    processes.remove("c2").destroyForcibly().waitFor();
    hubCluster.killAndRestart("etcd");
    startAgent("c2", clusters.get("c2"), bootstrap);

    within("revision 2 everywhere, once", () -> everywhere(clusters, "2"));
    within("every cluster is Available again", () -> available(hub));
    ManifestWorkReplicaSet set =
        hub.resources(ManifestWorkReplicaSet.class).inNamespace("fleet").withName("web").get();
    within(
        "the replica set reports the rollout done",
        () -> {
          var s =
              hub.resources(ManifestWorkReplicaSet.class)
                  .inNamespace("fleet")
                  .withName("web")
                  .get()
                  .getStatus();
          return s != null
              && s.getSummary() != null
              && s.getSummary().getApplied() == CLUSTERS.size()
              && s.getSummary().getTotal() == CLUSTERS.size();
        });
    assertThat(set).isNotNull();
    for (String c : CLUSTERS) {
      assertThat(hub.resources(ManifestWork.class).inNamespace(c).list().getItems())
          .as("one work in %s", c)
          .extracting(w -> w.getMetadata().getName())
          .containsExactly("web");
      assertThat(clusters.get(c).client().resources(AppliedManifestWork.class).list().getItems())
          .as("one AppliedManifestWork on %s", c)
          .hasSize(1);
    }
    ConfigMap kept =
        clusters.get("c1").client().configMaps().inNamespace("default").withName("keep-me").get();
    assertThat(kept).isNotNull();
    assertThat(kept.getData()).containsEntry("owner", "someone else");
  }

  private static final String FLEET =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: fleet}
      ---
      apiVersion: cluster.open-cluster-management.io/v1beta2
      kind: ManagedClusterSetBinding
      metadata: {name: global, namespace: fleet}
      spec: {clusterSet: global}
      ---
      apiVersion: cluster.open-cluster-management.io/v1beta1
      kind: Placement
      metadata: {name: all, namespace: fleet}
      spec:
        clusterSets: [global]
        # A killed agent misses leases: the rollout must not drop its cluster meanwhile.
        tolerations:
        - {key: cluster.open-cluster-management.io/unreachable, operator: Exists}
        - {key: cluster.open-cluster-management.io/unavailable, operator: Exists}
      ---
      apiVersion: work.open-cluster-management.io/v1alpha1
      kind: ManifestWorkReplicaSet
      metadata: {name: web, namespace: fleet}
      spec:
        placementRefs: [{name: all}]
        manifestWorkTemplate:
          workload:
            manifests:
            - {apiVersion: v1, kind: Namespace, metadata: {name: web}}
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: config, namespace: web}, data: {revision: "%s"}}
      """;

  /** Awaits the condition; on a timeout, the failure carries the end of every process's log. */
  private void within(String what, java.util.concurrent.Callable<Boolean> condition) {
    try {
      await(what).atMost(WAIT).ignoreExceptions().until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      StringBuilder logs = new StringBuilder(e.getMessage());
      for (String name : List.of("hub", "c1", "c2", "c3")) {
        Path log = dir.resolve(name + ".log");
        try {
          List<String> lines = java.nio.file.Files.readAllLines(log);
          logs.append("\n--- ").append(name).append(" (last 30 lines)\n");
          lines
              .subList(Math.max(0, lines.size() - 30), lines.size())
              .forEach(l -> logs.append(l).append('\n'));
        } catch (java.io.IOException ignored) {
          logs.append("\n--- ").append(name).append(": no log");
        }
      }
      throw new AssertionError(logs.toString(), e);
    }
  }

  private static void apply(KubernetesClient hub, String yaml) {
    List<HasMetadata> objects =
        hub.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    for (HasMetadata o : objects) {
      hub.resource(o).fieldManager("fault-test").forceConflicts().serverSideApply();
    }
  }

  /** The ConfigMap has this revision on every cluster, and its namespace holds only it. */
  private static boolean everywhere(ClusterSet clusters, String revision) {
    for (String c : CLUSTERS) {
      List<ConfigMap> maps =
          clusters.get(c).client().configMaps().inNamespace("web").list().getItems().stream()
              .filter(m -> !m.getMetadata().getName().equals("kube-root-ca.crt"))
              .toList();
      if (maps.size() != 1 || !revision.equals(maps.get(0).getData().get("revision"))) {
        return false;
      }
    }
    return true;
  }

  private static long registered(KubernetesClient hub) {
    return hub.resources(ManagedCluster.class).list().getItems().size();
  }

  private static boolean available(KubernetesClient hub) {
    return hub.resources(ManagedCluster.class).list().getItems().stream()
            .filter(mc -> ManagedCluster.isTrue(mc, ManagedCluster.CONDITION_AVAILABLE))
            .count()
        == CLUSTERS.size();
  }

  private void startHub(TestCluster hub) throws Exception {
    processes.put(
        "hub",
        start(
            "hub",
            List.of(
                "hub",
                "--hub-kubeconfig",
                hub.kubeconfig().toString(),
                "--webhook-listen",
                "off",
                "--monitoring-listen",
                "off")));
  }

  private void startAgent(String name, TestCluster managed, Path bootstrap) throws Exception {
    processes.put(
        name,
        start(
            name,
            List.of(
                "join",
                "--bootstrap-kubeconfig",
                bootstrap.toString(),
                "--cluster-name",
                name,
                "--managed-kubeconfig",
                managed.kubeconfig().toString(),
                "--policy-agent",
                "deployment",
                "--monitoring-listen",
                "off")));
  }

  private Process start(String name, List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-Xmx384m", "-jar"));
    command.add(Path.of("target", "ocmj.jar").toAbsolutePath().toString());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()))
        .start();
  }
}
