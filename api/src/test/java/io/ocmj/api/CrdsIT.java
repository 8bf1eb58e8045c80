package io.ocmj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ClientConfig;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.PropagationPolicy;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.Crds;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated CRDs, installed on two real clusters: round trips, validation, printer columns. */
@KubernetesClusters({"hub", "cluster1"})
class CrdsIT {
  static final String MANAGED_CLUSTERS =
      "managedclusters.cluster.open-cluster-management.io-v1.yml";
  static final String MANIFEST_WORKS = "manifestworks.work.open-cluster-management.io-v1.yml";
  static final String POLICIES = "policies.policy.open-cluster-management.io-v1.yml";

  @BeforeAll
  static void installCrds(ClusterSet clusters) {
    for (TestCluster cluster : clusters.all()) {
      Crds.install(cluster.client(), MANAGED_CLUSTERS, MANIFEST_WORKS, POLICIES);
    }
  }

  @Test
  void bothClustersServeTheCrds(ClusterSet clusters) {
    assertThat(clusters.size()).isEqualTo(2);
    for (TestCluster cluster : clusters.all()) {
      assertThat(
              cluster
                  .client()
                  .resources(ManagedCluster.class)
                  .list()
                  .getMetadata()
                  .getResourceVersion())
          .isNotBlank();
      assertThat(
              cluster
                  .client()
                  .apiextensions()
                  .v1()
                  .customResourceDefinitions()
                  .withName("manifestworks.work.open-cluster-management.io")
                  .get())
          .isNotNull();
    }
  }

  @Test
  void validManagedClusterRoundTripsWithDefaults(ClusterSet clusters) {
    KubernetesClient client = clusters.get("hub").client();
    ManagedCluster cluster = managedCluster("round-trip");
    cluster.getSpec().setHubAcceptsClient(true);
    Taint taint = new Taint();
    taint.setKey("example.com/gpu");
    taint.setValue("none");
    taint.setEffect(TaintEffect.PreferNoSelect);
    cluster.getSpec().getTaints().add(taint);

    client.resource(cluster).create();
    ManagedCluster read = client.resources(ManagedCluster.class).withName("round-trip").get();

    assertThat(read.getSpec().isAccepted()).isTrue();
    assertThat(read.getSpec().getLeaseDurationSeconds()).as("CRD default").isEqualTo(60);
    assertThat(read.getSpec().getManagedClusterClientConfigs())
        .extracting(ClientConfig::getUrl)
        .containsExactly("https://cluster1.example.com:6443");
    assertThat(read.getSpec().getTaints())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getKey()).isEqualTo("example.com/gpu");
              assertThat(t.getEffect()).isEqualTo(TaintEffect.PreferNoSelect);
            });
  }

  @Test
  void leaseDurationThatIsNotANumberIsRejectedNamingTheField(ClusterSet clusters) {
    GenericKubernetesResource raw =
        Serialization.unmarshal(
            """
            apiVersion: cluster.open-cluster-management.io/v1
            kind: ManagedCluster
            metadata:
              name: bad-lease
            spec:
              hubAcceptsClient: false
              leaseDurationSeconds: "abc"
            """,
            GenericKubernetesResource.class);
    assertThatThrownBy(() -> clusters.get("hub").client().resource(raw).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.leaseDurationSeconds")
        .hasMessageContaining("integer");
  }

  @Test
  void unknownTaintEffectIsRejectedNamingTheFieldAndTheAllowedValues(ClusterSet clusters) {
    GenericKubernetesResource raw =
        Serialization.unmarshal(
            """
            apiVersion: cluster.open-cluster-management.io/v1
            kind: ManagedCluster
            metadata:
              name: bad-taint
            spec:
              taints:
              - key: example.com/gpu
                effect: NoSchedule
            """,
            GenericKubernetesResource.class);
    assertThatThrownBy(() -> clusters.get("hub").client().resource(raw).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.taints[0].effect")
        .hasMessageContaining("\"NoSelect\"");
  }

  @Test
  void negativeLeaseDurationAndPlainHttpUrlAreRejected(ClusterSet clusters) {
    ManagedCluster cluster = managedCluster("bad-values");
    cluster.getSpec().setLeaseDurationSeconds(-1);
    cluster.getSpec().getManagedClusterClientConfigs().get(0).setUrl("http://insecure:6443");
    assertThatThrownBy(() -> clusters.get("hub").client().resource(cluster).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.leaseDurationSeconds")
        .hasMessageContaining("spec.managedClusterClientConfigs[0].url");
  }

  @Test
  void kubectlTableShowsOcmsColumnsInOcmsOrder(ClusterSet clusters) {
    KubernetesClient client = clusters.get("cluster1").client();
    client.resource(managedCluster("columns")).create();
    List<Map<String, Object>> columns =
        columns(client, "apis/cluster.open-cluster-management.io/v1/managedclusters");
    assertThat(columns)
        .extracting(c -> c.get("name"))
        .containsExactly(
            "Name", "Hub Accepted", "Managed Cluster URLs", "Joined", "Available", "Age");
  }

  @Test
  void kubectlGetPoliciesShowsRemediationActionComplianceStateAndAge(ClusterSet clusters) {
    KubernetesClient client = clusters.get("cluster1").client();
    client
        .resource(
            Serialization.unmarshal(
                """
                apiVersion: policy.open-cluster-management.io/v1
                kind: Policy
                metadata: {name: columns, namespace: default}
                spec:
                  disabled: false
                  remediationAction: inform
                  policy-templates:
                  - objectDefinition: {apiVersion: v1, kind: Anything, metadata: {name: kept}, x: 1}
                """,
                Policy.class))
        .create();
    assertThat(
            columns(
                client, "apis/policy.open-cluster-management.io/v1/namespaces/default/policies"))
        .extracting(c -> c.get("name"))
        .containsExactly("Name", "Remediation action", "Compliance state", "Age");
    Policy read = client.resources(Policy.class).inNamespace("default").withName("columns").get();
    assertThat(read.getSpec().getPolicyTemplates().get(0).getObjectDefinition().fields())
        .as("a template is kept whole")
        .containsEntry("x", 1);
  }

  private static List<Map<String, Object>> columns(KubernetesClient client, String path) {
    String table =
        client
            .getHttpClient()
            .sendAsync(
                client
                    .getHttpClient()
                    .newHttpRequestBuilder()
                    .uri(client.getMasterUrl() + path)
                    .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io")
                    .build(),
                String.class)
            .join()
            .body();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> columns =
        (List<Map<String, Object>>)
            Serialization.unmarshal(table, Map.class).get("columnDefinitions");
    return columns;
  }

  @Test
  void manifestWorkKeepsArbitraryManifestsWhole(ClusterSet clusters) {
    KubernetesClient client = clusters.get("hub").client();
    ManifestWork work = new ManifestWork();
    work.getMetadata().setName("hello");
    work.getMetadata().setNamespace("default");
    work.setSpec(new io.ocmj.api.work.v1.ManifestWorkSpec());
    Map<String, Object> configMap =
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "ConfigMap",
            "metadata",
            Map.of("name", "hello", "namespace", "default"),
            "data",
            Map.of("greeting", "hi", "nested.key", "x"));
    work.getSpec().getWorkload().getManifests().add(Manifest.of(configMap));
    work.getSpec().setDeleteOption(new io.ocmj.api.work.v1.DeleteOption());
    work.getSpec().getDeleteOption().setPropagationPolicy(PropagationPolicy.Orphan);

    client.resource(work).create();
    ManifestWork read =
        client.resources(ManifestWork.class).inNamespace("default").withName("hello").get();

    assertThat(read.getSpec().getWorkload().getManifests()).containsExactly(Manifest.of(configMap));
    assertThat(read.getSpec().getDeleteOption().getPropagationPolicy())
        .isEqualTo(PropagationPolicy.Orphan);
  }

  @Test
  void manifestWorkWithUnknownPropagationPolicyIsRejected(ClusterSet clusters) {
    GenericKubernetesResource raw =
        Serialization.unmarshal(
            """
            apiVersion: work.open-cluster-management.io/v1
            kind: ManifestWork
            metadata:
              name: bad-policy
              namespace: default
            spec:
              deleteOption:
                propagationPolicy: Sometimes
            """,
            GenericKubernetesResource.class);
    assertThatThrownBy(() -> clusters.get("hub").client().resource(raw).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.deleteOption.propagationPolicy")
        .hasMessageContaining("\"Foreground\"");
  }

  private static ManagedCluster managedCluster(String name) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    cluster.setSpec(new io.ocmj.api.cluster.v1.ManagedClusterSpec());
    cluster
        .getSpec()
        .getManagedClusterClientConfigs()
        .add(new ClientConfig("https://cluster1.example.com:6443"));
    return cluster;
  }
}
