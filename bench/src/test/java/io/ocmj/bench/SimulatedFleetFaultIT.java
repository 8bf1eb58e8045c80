package io.ocmj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.work.v1.AppliedManifestWork;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite at fleet size: 50 simulated clusters and the hub controllers as their own {@code
 * ocmj hub} process on a real hub. During the rollout of a new version of a work and a policy, the
 * hub process, the hub's kube-apiserver and etcd are killed with SIGKILL and restarted; one
 * cluster's agents are stopped in the middle of it and started again on the objects they had (the
 * simulated agents live in this JVM: they are closed, not SIGKILLed; {@code FleetFaultIT} SIGKILLs
 * real agent processes); another cluster's agents are away for two minutes. Then the hub process,
 * etcd and kube-apiserver are SIGKILLed together, every agent is stopped, and all start again.
 * After each, the fleet must be exactly as desired: every cluster has the new version once (one
 * work per purpose, one AppliedManifestWork each, one policy replica), reports it Compliant, and no
 * step by hand is needed.
 */
@KubernetesClusters({"hub"})
class SimulatedFleetFaultIT {
  private static final int N = 50;
  private static final Duration WAIT = Duration.ofMinutes(6);
  private static final Duration AWAY = Duration.ofMinutes(2);
  private static final String ADDON_WORK = "addon-governance-policy-framework-deploy-0";
  @TempDir Path dir;
  private Process hubProcess;

  @AfterEach
  void stopHub() throws InterruptedException {
    if (hubProcess != null) {
      hubProcess.destroy();
      if (!hubProcess.waitFor(30, TimeUnit.SECONDS)) {
        hubProcess.destroyForcibly();
      }
    }
  }

  @Test
  void aRolloutToFiftyClustersSurvivesKillsAnAbsentAgentAndARestartOfEverything(ClusterSet clusters)
      throws Exception {
    LocalCluster hubCluster = (LocalCluster) clusters.get("hub");
    KubernetesClient hub = hubCluster.client();
    HubCrds.install(hub);
    String bootstrap =
        BootstrapIdentity.kubeconfig(
            hub, hubCluster.serverUrl(), hubCluster.caCertificatePem(), Duration.ofHours(1));
    startHub(hubCluster);
    try (SimulatedFleet fleet = new SimulatedFleet(bootstrap);
        FleetProgress progress = new FleetProgress(hub)) {
      fleet.start(0, N);
      within("all " + N + " register", () -> registered(hub) == N);
      SimulatedFleet.acceptAll(hub);
      within(
          "all joined",
          () -> SimulatedFleet.withCondition(hub, ManagedCluster.CONDITION_JOINED) == N);
      SimulatedFleetIT.apply(hub, FleetManifests.base());
      progress.expect("1");
      SimulatedFleetIT.apply(hub, FleetManifests.rollout("1"));
      within("version 1 everywhere", () -> everywhere(progress));

      // Version 2, and the faults while it rolls out.
      String killed = SimulatedFleet.name(3);
      String away = SimulatedFleet.name(7);
      fleet.stop(away); // away: no agent of it reaches the hub for two minutes
      long awaySince = System.nanoTime();
      progress.expect("2");
      SimulatedFleetIT.apply(hub, FleetManifests.rollout("2"));
      hubProcess.destroyForcibly().waitFor();
      hubCluster.killAndRestart("kube-apiserver");
      startHub(hubCluster);
      fleet.stop(killed);
      hubCluster.killAndRestart("etcd");
      fleet.restart(killed);
      within(
          "version 2 on every cluster but the absent one",
          () -> progress.applied().size() >= N - 1 && progress.compliant().size() >= N - 1);
      await("the absent agent stays away for " + AWAY)
          .atMost(AWAY.plusMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> System.nanoTime() - awaySince >= AWAY.toNanos());
      assertThat(progress.applied()).doesNotContainKey(away);
      fleet.restart(away);
      within("version 2 everywhere", () -> everywhere(progress));
      exactlyAsDesired(hub, fleet, "2");

      // Everything at once: the hub process, etcd and kube-apiserver SIGKILLed together, every
      // agent stopped; then all started again.
      progress.expect("3");
      SimulatedFleetIT.apply(hub, FleetManifests.rollout("3"));
      hubProcess.destroyForcibly().waitFor();
      List<String> names = fleet.members().stream().map(SimulatedFleet.Member::name).toList();
      names.parallelStream().forEach(fleet::stop);
      hubCluster.killAndRestart("etcd", "kube-apiserver");
      startHub(hubCluster);
      names.parallelStream().forEach(fleet::restart);
      within("version 3 everywhere after a restart of everything", () -> everywhere(progress));
      exactlyAsDesired(hub, fleet, "3");
      within(
          "every cluster Available again",
          () -> SimulatedFleet.withCondition(hub, ManagedCluster.CONDITION_AVAILABLE) == N);
    }
  }

  /** Exactly the desired state: each object once, the version everywhere, nothing else. */
  private void exactlyAsDesired(KubernetesClient hub, SimulatedFleet fleet, String version) {
    for (int i = 0; i < N; i++) {
      String name = SimulatedFleet.name(i);
      assertThat(hub.resources(ManifestWork.class).inNamespace(name).list().getItems())
          .as("works in %s", name)
          .extracting(w -> w.getMetadata().getName())
          .containsExactlyInAnyOrder(FleetManifests.REPLICA_SET, ADDON_WORK);
      assertThat(hub.resources(Policy.class).inNamespace(name).list().getItems())
          .as("policy replicas in %s", name)
          .extracting(p -> p.getMetadata().getName())
          .containsExactly(FleetManifests.NAMESPACE + "." + FleetManifests.POLICY);
      ConfigMap cm = fleet.fleetConfig(name);
      assertThat(cm.getData()).as("%s's ConfigMap", name).containsEntry("version", version);
      try (KubernetesClient managed = fleet.managedClient(name)) {
        assertThat(managed.resources(AppliedManifestWork.class).list().getItems())
            .as("AppliedManifestWorks on %s", name)
            .hasSize(2);
      }
    }
    Policy root =
        hub.resources(Policy.class)
            .inNamespace(FleetManifests.NAMESPACE)
            .withName(FleetManifests.POLICY)
            .get();
    within(
        "the root policy Compliant from all " + N,
        () -> {
          Policy r =
              hub.resources(Policy.class)
                  .inNamespace(FleetManifests.NAMESPACE)
                  .withName(FleetManifests.POLICY)
                  .get();
          return r.getStatus().getStatus().size() == N
              && r.getStatus().getStatus().stream()
                  .map(CompliancePerClusterStatus::getCompliant)
                  .allMatch(Policy.COMPLIANT::equals);
        });
    assertThat(root).isNotNull();
  }

  private static boolean everywhere(FleetProgress progress) {
    return progress.applied().size() == N && progress.compliant().size() == N;
  }

  private static long registered(KubernetesClient hub) {
    return hub.resources(ManagedCluster.class).list().getItems().size();
  }

  private void startHub(LocalCluster hubCluster) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-Xmx512m", "-jar"));
    command.add(Path.of("..", "cli", "target", "ocmj.jar").toAbsolutePath().normalize().toString());
    command.addAll(
        List.of(
            "hub",
            "--hub-kubeconfig",
            hubCluster.kubeconfig().toString(),
            "--webhook-listen",
            "off",
            "--monitoring-listen",
            "off"));
    hubProcess =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("hub.log").toFile()))
            .start();
  }

  /** Awaits the condition; on a timeout the failure carries the end of the hub process's log. */
  private void within(String what, Callable<Boolean> condition) {
    try {
      await(what)
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + hubLogTail(), e);
    }
  }

  private String hubLogTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("hub.log"));
      return "\n--- ocmj hub (last 40 lines)\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (java.io.IOException e) {
      return "\n--- no hub log: " + e.getMessage();
    }
  }
}
