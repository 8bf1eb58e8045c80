package io.ocmj.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The CRD YAML generated into the jar at build time has OCM's names, scope and constraints. */
class GeneratedCrdsTest {
  private static CustomResourceDefinition load(String file) throws Exception {
    try (InputStream in =
        GeneratedCrdsTest.class.getResourceAsStream("/META-INF/fabric8/" + file)) {
      assertThat(in).as(file + " generated at process-test-classes").isNotNull();
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
  }

  @Test
  void managedClusterIsClusterScopedWithOcmsNamesAndColumns() throws Exception {
    CustomResourceDefinition crd =
        load("managedclusters.cluster.open-cluster-management.io-v1.yml");
    assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("mcl", "mcls");
    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .containsExactly("Hub Accepted", "Managed Cluster URLs", "Joined", "Available", "Age");
    JSONSchemaProps spec =
        crd.getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec");
    assertThat(spec.getProperties().get("leaseDurationSeconds").getDefault().asInt()).isEqualTo(60);
    assertThat(spec.getProperties().get("taints").getItems().getSchema().getRequired())
        .containsExactlyInAnyOrder("key", "effect");
    assertThat(spec.getProperties()).doesNotContainKeys("unknownFields", "getUnknownFields");
    JSONSchemaProps conditions =
        crd.getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("status")
            .getProperties()
            .get("conditions");
    assertThat(conditions.getXKubernetesListType())
        .as("one entry per type, merged by SSA")
        .isEqualTo("map");
    assertThat(conditions.getXKubernetesListMapKeys()).containsExactly("type");
  }

  @Test
  void manifestWorkIsNamespacedAndKeepsManifestsWhole() throws Exception {
    CustomResourceDefinition crd = load("manifestworks.work.open-cluster-management.io-v1.yml");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    JSONSchemaProps manifests =
        crd.getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec")
            .getProperties()
            .get("workload")
            .getProperties()
            .get("manifests");
    assertThat(manifests.getItems().getSchema().getXKubernetesPreserveUnknownFields()).isTrue();
    assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
  }
}
