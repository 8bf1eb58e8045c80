package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gatekeeper.v1.ConstraintTemplate;
import io.ocmj.klusterlet.registration.AgentCrds;
import java.util.Locale;
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

  static void ensure(KubernetesClient managed, String kind, String fieldManager) {
    String name = plural(kind) + "." + ConstraintTemplate.CONSTRAINTS_GROUP;
    if (managed.apiextensions().v1().customResourceDefinitions().withName(name).get() != null) {
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
            .withNewOpenAPIV3Schema()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema()
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
}
