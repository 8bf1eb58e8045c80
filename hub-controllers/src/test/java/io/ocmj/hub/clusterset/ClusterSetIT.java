package io.ocmj.hub.clusterset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBindingSpec;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.HubSetup;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cluster sets and bindings on a real hub. */
@KubernetesClusters("hub")
class ClusterSetIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static HubControllers controllers;

  @BeforeAll
  static void startHub(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    HubCrds.install(hub);
    controllers = HubControllers.start(hub, Clock.systemUTC());
    hub.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build())
        .create();
  }

  @AfterAll
  static void stopHub() {
    if (controllers != null) {
      controllers.close();
    }
  }

  private static void createCluster(KubernetesClient hub, String name, Map<String, String> labels) {
    ManagedCluster c = new ManagedCluster();
    c.getMetadata().setName(name);
    c.getMetadata().setLabels(labels);
    c.setSpec(new ManagedClusterSpec());
    hub.resource(c).create();
  }

  private static Optional<String> condition(KubernetesClient hub, String set, String type) {
    ManagedClusterSet s = hub.resources(ManagedClusterSet.class).withName(set).get();
    return s == null || s.getStatus() == null
        ? Optional.empty()
        : Conditions.find(s.getStatus().getConditions(), type)
            .map(c -> c.getStatus() + "/" + c.getReason());
  }

  @Test
  void unlabelledClustersLandInTheDefaultSetAndEveryClusterInGlobal(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    assertThat(hub.resources(ManagedClusterSet.class).withName("default").get()).isNotNull();
    assertThat(hub.resources(ManagedClusterSet.class).withName("global").get()).isNotNull();

    createCluster(hub, "plain", null);

    await("labelled into default")
        .atMost(WAIT)
        .until(
            () ->
                "default"
                    .equals(
                        hub.resources(ManagedCluster.class)
                            .withName("plain")
                            .get()
                            .getMetadata()
                            .getLabels()
                            .get(ManagedClusterSet.LABEL_CLUSTER_SET)));
    await("default and global are not empty")
        .atMost(WAIT)
        .until(
            () ->
                condition(hub, "default", ManagedClusterSet.CONDITION_EMPTY)
                        .equals(Optional.of("False/ClustersSelected"))
                    && condition(hub, "global", ManagedClusterSet.CONDITION_EMPTY)
                        .equals(Optional.of("False/ClustersSelected")));
  }

  @Test
  void exclusiveSetFollowsItsLabel(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    ManagedClusterSet prod = new ManagedClusterSet();
    prod.getMetadata().setName("prod");
    hub.resource(prod).create();
    await("empty prod set")
        .atMost(WAIT)
        .until(
            () ->
                condition(hub, "prod", ManagedClusterSet.CONDITION_EMPTY)
                    .equals(Optional.of("True/NoClusterMatched")));

    createCluster(hub, "prod-1", Map.of(ManagedClusterSet.LABEL_CLUSTER_SET, "prod"));

    await("prod has a member")
        .atMost(WAIT)
        .until(
            () ->
                condition(hub, "prod", ManagedClusterSet.CONDITION_EMPTY)
                    .equals(Optional.of("False/ClustersSelected")));
    assertThat(
            hub.resources(ManagedCluster.class).withName("prod-1").get().getMetadata().getLabels())
        .containsEntry(ManagedClusterSet.LABEL_CLUSTER_SET, "prod");
  }

  @Test
  void bindingIsBoundOnlyWhileItsSetExists(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    ManagedClusterSetBinding binding = new ManagedClusterSetBinding();
    binding.getMetadata().setName("staging");
    binding.getMetadata().setNamespace("apps");
    ManagedClusterSetBindingSpec spec = new ManagedClusterSetBindingSpec();
    spec.setClusterSet("staging");
    binding.setSpec(spec);
    hub.resource(binding).create();

    await("not bound: no such set")
        .atMost(WAIT)
        .until(() -> bound(hub, "apps", "staging").equals(Optional.of("False/ClusterSetNotFound")));

    ManagedClusterSet staging = new ManagedClusterSet();
    staging.getMetadata().setName("staging");
    hub.resource(staging).create();

    await("bound once the set exists")
        .atMost(WAIT)
        .until(() -> bound(hub, "apps", "staging").equals(Optional.of("True/ClusterSetBound")));
  }

  @Test
  void bindingNamedDifferentlyFromItsSetIsRejectedAndReportedWhereThePolicyIsMissing(
      ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    ManagedClusterSetBinding binding = new ManagedClusterSetBinding();
    binding.getMetadata().setName("other-name");
    binding.getMetadata().setNamespace("apps");
    ManagedClusterSetBindingSpec spec = new ManagedClusterSetBindingSpec();
    spec.setClusterSet("default");
    binding.setSpec(spec);
    assertThatThrownBy(() -> hub.resource(binding).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(
            "The ManagedClusterSetBinding must have the same name as the target"
                + " ManagedClusterSet");

    // A hub whose admission policy was removed still never binds it.
    var policyBinding =
        hub.admissionRegistration()
            .v1()
            .validatingAdmissionPolicyBindings()
            .withName("ocmj-managedclustersetbinding");
    policyBinding.delete();
    try {
      await("created once the policy is gone")
          .atMost(WAIT)
          .ignoreExceptions()
          .until(() -> hub.resource(binding).create() != null);
      await("invalid binding reported")
          .atMost(WAIT)
          .until(
              () -> bound(hub, "apps", "other-name").equals(Optional.of("False/InvalidBinding")));
    } finally {
      HubSetup.apply(hub, "cluster-set-it");
    }
  }

  private static Optional<String> bound(KubernetesClient hub, String ns, String name) {
    ManagedClusterSetBinding b =
        hub.resources(ManagedClusterSetBinding.class).inNamespace(ns).withName(name).get();
    return b == null || b.getStatus() == null
        ? Optional.empty()
        : Conditions.find(b.getStatus().getConditions(), ManagedClusterSetBinding.CONDITION_BOUND)
            .map(c -> c.getStatus() + "/" + c.getReason());
  }
}
