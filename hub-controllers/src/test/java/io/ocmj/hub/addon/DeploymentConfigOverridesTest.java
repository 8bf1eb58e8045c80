package io.ocmj.hub.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfigSpec;
import io.ocmj.api.addon.v1alpha1.ImageMirror;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentConfigOverridesTest {
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: agent
        namespace: addons
      spec:
        template:
          spec:
            nodeSelector:
              old: "yes"
            initContainers:
            - name: init
              image: quay.io/ocm/init:v1
            containers:
            - name: main
              image: quay.io/ocm/agent:v1
              env:
              - name: HTTP_PROXY
                value: http://old
              - name: KEEP
                value: kept
            - name: sidecar
              image: docker.io/library/busybox:1
      """;

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: agent
      data:
        image: quay.io/ocm/agent:v1
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String yaml) {
    return Serialization.unmarshal(yaml, Map.class);
  }

  private static AddOnDeploymentConfigSpec config(String yaml) {
    return Serialization.unmarshal(yaml, AddOnDeploymentConfigSpec.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> pod(Map<String, Object> deployment) {
    Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
    return (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> deployment, int i) {
    return ((List<Map<String, Object>>) pod(deployment).get("containers")).get(i);
  }

  @Test
  void nodePlacementProxyAndResourcesApplyToWorkloadsOnly() {
    Map<String, Object> deployment = yaml(DEPLOYMENT);
    Map<String, Object> configMap = yaml(CONFIG_MAP);
    AddOnDeploymentConfigSpec spec =
        config(
            """
            nodePlacement:
              nodeSelector:
                node-role.kubernetes.io/infra: ""
              tolerations:
              - key: infra
                operator: Exists
                effect: NoSchedule
            proxyConfig:
              httpProxy: http://proxy:3128
              noProxy: .cluster.local
            resourceRequirements:
            - containerID: "*:*:*"
              resources:
                requests:
                  memory: 64Mi
            - containerID: deployments:agent:main
              resources:
                limits:
                  memory: 512Mi
            """);

    List<Map<String, Object>> out =
        DeploymentConfigOverrides.apply(List.of(deployment, configMap), spec, null);

    Map<String, Object> pod = pod(out.get(0));
    assertThat(pod.get("nodeSelector")).isEqualTo(Map.of("node-role.kubernetes.io/infra", ""));
    assertThat(pod.get("tolerations"))
        .isEqualTo(List.of(Map.of("key", "infra", "operator", "Exists", "effect", "NoSchedule")));
    assertThat(container(out.get(0), 0).get("env"))
        .as("the proxy replaces HTTP_PROXY, keeps the rest")
        .isEqualTo(
            List.of(
                Map.of("name", "KEEP", "value", "kept"),
                Map.of("name", "HTTP_PROXY", "value", "http://proxy:3128"),
                Map.of("name", "NO_PROXY", "value", ".cluster.local")));
    assertThat(container(out.get(0), 0).get("resources"))
        .as("the last match wins")
        .isEqualTo(Map.of("limits", Map.of("memory", "512Mi")));
    assertThat(container(out.get(0), 1).get("resources"))
        .isEqualTo(Map.of("requests", Map.of("memory", "64Mi")));
    assertThat(out.get(1)).as("not a workload: unchanged").isEqualTo(configMap);
    assertThat(pod(deployment).get("nodeSelector"))
        .as("the input is not changed")
        .isEqualTo(Map.of("old", "yes"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void registriesMirrorImagesAndTheConfigWinsOverTheClusterAnnotation() {
    AddOnDeploymentConfigSpec spec =
        config(
            """
            registries:
            - source: quay.io/ocm
              mirror: mirror.example.com/ocm
            """);
    List<Map<String, Object>> out =
        DeploymentConfigOverrides.apply(
            List.of(yaml(DEPLOYMENT)),
            spec,
            annotated("c1", "{\"registries\":[{\"mirror\":\"other.example.com\"}]}"));
    assertThat(container(out.get(0), 0).get("image")).isEqualTo("mirror.example.com/ocm/agent:v1");
    assertThat(container(out.get(0), 1).get("image"))
        .as("no matching source")
        .isEqualTo("docker.io/library/busybox:1");
    assertThat(
            ((List<Map<String, Object>>) pod(out.get(0)).get("initContainers")).get(0).get("image"))
        .isEqualTo("mirror.example.com/ocm/init:v1");

    List<Map<String, Object>> byCluster =
        DeploymentConfigOverrides.apply(
            List.of(yaml(DEPLOYMENT)),
            null,
            annotated("c1", "{\"registries\":[{\"mirror\":\"other.example.com/mirrored/\"}]}"));
    assertThat(container(byCluster.get(0), 1).get("image"))
        .as("without a source every image moves to the mirror")
        .isEqualTo("other.example.com/mirrored/busybox:1");
  }

  @Test
  void lastMatchingMirrorWins() {
    ImageMirror all = new ImageMirror();
    all.setMirror("a.example.com");
    ImageMirror quay = new ImageMirror();
    quay.setSource("quay.io");
    quay.setMirror("b.example.com");
    assertThat(DeploymentConfigOverrides.mirror("quay.io/x/y:1", List.of(all, quay)))
        .isEqualTo("b.example.com/x/y:1");
    assertThat(DeploymentConfigOverrides.mirror("quay.io/x/y:1", List.of(quay, all)))
        .isEqualTo("a.example.com/y:1");
  }

  @Test
  void aBadClusterAnnotationIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                DeploymentConfigOverrides.apply(
                    List.of(yaml(DEPLOYMENT)), null, annotated("c7", "registries: nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "ManagedCluster c7 annotation open-cluster-management.io/image-registries");
  }

  @Test
  void withoutAnyConfigTheManifestsAreReturnedAsRendered() {
    List<Map<String, Object>> manifests = List.of(yaml(DEPLOYMENT));
    assertThat(DeploymentConfigOverrides.apply(manifests, new AddOnDeploymentConfigSpec(), null))
        .isSameAs(manifests);
  }

  private static ManagedCluster annotated(String name, String registries) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    cluster
        .getMetadata()
        .setAnnotations(Map.of(DeploymentConfigOverrides.ANNOTATION_IMAGE_REGISTRIES, registries));
    return cluster;
  }
}
