package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gatekeeper.v1.ConstraintTemplate;
import io.ocmj.klusterlet.registration.AgentCrds;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CRD of a constraint kind ({@code <kind lower-case>.constraints.gatekeeper.sh}, v1beta1,
 * cluster-scoped), made by the agent for each ConstraintTemplate as Gatekeeper would, so that the
 * policy's constraints can be created without Gatekeeper.
 */
final class ConstraintCrds {
  private ConstraintCrds() {}

  static String plural(String kind) {
    return kind.toLowerCase(Locale.ROOT);
  }

  /**
   * Makes or updates the CRD of the template's constraint kind. Like Gatekeeper's, its schema takes
   * {@code spec.parameters} from the template's {@code spec.crd.spec.validation.openAPIV3Schema},
   * so the API server refuses a constraint whose parameters do not match (and a template whose
   * schema is not structural fails here, with the API server's reason); {@code match} and the rest
   * are left open.
   */
  static void ensure(KubernetesClient managed, Map<String, Object> template, String fieldManager) {
    String kind = String.valueOf(ConstraintAuditor.constraintKind(template));
    String name = plural(kind) + "." + ConstraintTemplate.CONSTRAINTS_GROUP;
    JSONSchemaProps schema = schema(template);
    CustomResourceDefinition existing =
        managed.apiextensions().v1().customResourceDefinitions().withName(name).get();
    if (existing != null
        && existing.getSpec().getVersions().size() == 1
        && schema.equals(existing.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema())
        && AgentCrds.established(existing)) {
      return;
    }
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels("gatekeeper.sh/constraint", "yes")
            .endMetadata()
            .withNewSpec()
            .withGroup(ConstraintTemplate.CONSTRAINTS_GROUP)
            .withScope("Cluster")
            .withNewNames()
            .withKind(kind)
            .withPlural(plural(kind))
            .withSingular(plural(kind))
            .withListKind(kind + "List")
            .withCategories("constraint", "constraints")
            .endNames()
            .addNewVersion()
            .withName(ConstraintTemplate.CONSTRAINTS_VERSION)
            .withServed(true)
            .withStorage(true)
            .withNewSubresources()
            .withNewStatus()
            .endStatus()
            .endSubresources()
            .withNewSchema()
            .withOpenAPIV3Schema(schema)
            .endSchema()
            .endVersion()
            .endSpec()
            .build();
    managed.resource(crd).fieldManager(fieldManager).forceConflicts().serverSideApply();
    managed
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(name)
        .waitUntilCondition(AgentCrds::established, 30, TimeUnit.SECONDS);
  }

  /** The constraint schema: open except {@code spec.parameters}, when the template gives one. */
  static JSONSchemaProps schema(Map<String, Object> template) {
    JSONSchemaProps open =
        new JSONSchemaPropsBuilder()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .build();
    Map<?, ?> validation =
        template.get("spec") instanceof Map<?, ?> spec
                && spec.get("crd") instanceof Map<?, ?> crd
                && crd.get("spec") instanceof Map<?, ?> crdSpec
                && crdSpec.get("validation") instanceof Map<?, ?> v
            ? v
            : Map.of();
    if (!(validation.get("openAPIV3Schema") instanceof Map<?, ?> parameters)) {
      return new JSONSchemaPropsBuilder()
          .withType("object")
          .withXKubernetesPreserveUnknownFields(true)
          .build();
    }
    JSONSchemaProps params;
    try {
      params = Serialization.jsonMapper().convertValue(parameters, JSONSchemaProps.class);
    } catch (IllegalArgumentException e) {
      throw new KubernetesClientException(
          "spec.crd.spec.validation.openAPIV3Schema: not an OpenAPI schema: " + e.getMessage());
    }
    if (params.getType() == null) {
      params.setType("object");
    }
    // Gatekeeper's legacySchema (the default of v1beta1 templates): parameters the schema does not
    // name are kept rather than pruned.
    Object legacy = validation.get("legacySchema");
    boolean v1beta1 = String.valueOf(template.get("apiVersion")).endsWith("/v1beta1");
    if (Boolean.TRUE.equals(legacy) || (legacy == null && v1beta1)) {
      params.setXKubernetesPreserveUnknownFields(true);
    }
    return new JSONSchemaPropsBuilder()
        .withType("object")
        .addToProperties("metadata", new JSONSchemaPropsBuilder().withType("object").build())
        .addToProperties(
            "spec",
            new JSONSchemaPropsBuilder()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .addToProperties("match", open)
                .addToProperties(
                    "enforcementAction", new JSONSchemaPropsBuilder().withType("string").build())
                .addToProperties("parameters", params)
                .build())
        .addToProperties("status", open)
        .build();
  }
}
