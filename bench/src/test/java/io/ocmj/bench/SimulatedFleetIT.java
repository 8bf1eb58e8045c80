package io.ocmj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Simulated clusters against a real hub: each joins with its own identity (the admin accepts it),
 * gets the governance add-on, applies the rolled-out work into its in-memory API and reports the
 * policy's compliance; and each identity is limited to its own cluster namespace.
 */
@KubernetesClusters({"hub"})
class SimulatedFleetIT {
  private static final int N = 4;
  private static final Duration WAIT = Duration.ofMinutes(3);

  @Test
  void simulatedClustersJoinApplyAndReportAsRealOnesDo(ClusterSet clusters) throws Exception {
    TestCluster hubCluster = clusters.get("hub");
    KubernetesClient hub = hubCluster.client();
    HubCrds.install(hub);
    String bootstrap =
        BootstrapIdentity.kubeconfig(
            hub, hubCluster.serverUrl(), hubCluster.caCertificatePem(), Duration.ofHours(1));
    try (HubControllers controllers = HubControllers.start(hub, Clock.systemUTC());
        SimulatedFleet fleet = new SimulatedFleet(bootstrap);
        FleetProgress progress = new FleetProgress(hub)) {
      fleet.start(0, N);
      await("all " + N + " register")
          .atMost(WAIT)
          .until(() -> hub.resources(ManagedCluster.class).list().getItems().size() == N);
      SimulatedFleet.acceptAll(hub);
      await("all joined and available")
          .atMost(WAIT)
          .until(() -> SimulatedFleet.withCondition(hub, ManagedCluster.CONDITION_AVAILABLE) == N);
      apply(hub, FleetManifests.base());
      progress.expect("1");
      apply(hub, FleetManifests.rollout("1"));
      rolledOut(hub, progress, "work applied and policy compliant on all");

      for (int i = 0; i < N; i++) {
        String name = SimulatedFleet.name(i);
        ConfigMap cm = fleet.fleetConfig(name);
        assertThat(cm).as("the work's ConfigMap in %s's in-memory API", name).isNotNull();
        assertThat(cm.getData()).containsEntry("version", "1");
        assertThat(hub.resources(ManifestWork.class).inNamespace(name).list().getItems())
            .extracting(w -> w.getMetadata().getName())
            .as("the rolled-out work and the policy add-on's, once each")
            .containsExactlyInAnyOrder(
                FleetManifests.REPLICA_SET, "addon-governance-policy-framework-deploy-0");
      }

      // A second version: the work and the policy change in one go.
      progress.expect("2");
      apply(hub, FleetManifests.rollout("2"));
      rolledOut(hub, progress, "version 2 applied and compliant on all");

      // Each identity is confined to its own cluster namespace: every pair is tried.
      for (int i = 0; i < N; i++) {
        String own = SimulatedFleet.name(i);
        try (KubernetesClient asAgent = fleet.hubClientOf(own)) {
          assertThat(asAgent.resources(ManifestWork.class).inNamespace(own).list().getItems())
              .as("%s reads its own works", own)
              .hasSize(2);
          for (int j = 0; j < N; j++) {
            String other = SimulatedFleet.name(j);
            if (j != i) {
              forbidden(() -> asAgent.resources(ManifestWork.class).inNamespace(other).list());
              forbidden(() -> asAgent.resources(Policy.class).inNamespace(other).list());
              forbidden(() -> asAgent.secrets().inNamespace(other).list());
            }
          }
        }
      }
      // The bootstrap identity may register and ask for a certificate, nothing more.
      try (KubernetesClient asBootstrap =
          new io.fabric8.kubernetes.client.KubernetesClientBuilder()
              .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(bootstrap))
              .build()) {
        forbidden(
            () ->
                asBootstrap
                    .resources(ManifestWork.class)
                    .inNamespace(SimulatedFleet.name(0))
                    .list());
        forbidden(() -> asBootstrap.resources(ManifestWork.class).inAnyNamespace().list());
      }
      assertThat(fleet.managedRequests()).isPositive();
    }
  }

  /** Awaits the rollout on all N; a timeout says what each cluster's work and policy show. */
  private static void rolledOut(KubernetesClient hub, FleetProgress progress, String what) {
    try {
      await(what)
          .atMost(WAIT)
          .until(() -> progress.applied().size() == N && progress.compliant().size() == N);
    } catch (ConditionTimeoutException e) {
      StringBuilder b = new StringBuilder(e.getMessage());
      b.append("\napplied: ").append(progress.applied().keySet());
      b.append("\ncompliant: ").append(progress.compliant().keySet());
      for (ManifestWork w : hub.resources(ManifestWork.class).inAnyNamespace().list().getItems()) {
        b.append("\nwork ").append(w.getMetadata().getNamespace()).append(": ");
        b.append(Serialization.asJson(w.getStatus()));
      }
      for (Policy p : hub.resources(Policy.class).inAnyNamespace().list().getItems()) {
        b.append("\npolicy ").append(p.getMetadata().getNamespace()).append('/');
        b.append(p.getMetadata().getName())
            .append(": ")
            .append(Serialization.asJson(p.getStatus()));
      }
      throw new AssertionError(b.toString(), e);
    }
  }

  private static void forbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  static void apply(KubernetesClient hub, String yaml) {
    List<HasMetadata> objects =
        hub.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    for (HasMetadata o : objects) {
      hub.resource(o).fieldManager("fleet-test").forceConflicts().serverSideApply();
    }
  }
}
