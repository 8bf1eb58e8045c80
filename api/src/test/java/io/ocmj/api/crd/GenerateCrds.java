package io.ocmj.api.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.ocmj.api.Kinds;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Build step (exec:java at process-test-classes): writes the CRD YAML of every class in {@link
 * Kinds#ALL} with the fabric8 CRD generator. It runs the generator itself, rather than through its
 * Maven plugin, for one reason: the plugin sorts printer columns by JSON path, while OCM users know
 * them in OCM's order, so columns here keep the order of the {@code @AdditionalPrinterColumn}
 * annotations on the class. It also marks condition lists as list-maps (see {@link
 * ConditionsListMap}), which the generator has no annotation for.
 */
public final class GenerateCrds {
  private GenerateCrds() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: GenerateCrds <output dir> [<output dir> ...]");
    }
    for (String dir : args) {
      File out = new File(dir);
      if (!out.isDirectory() && !out.mkdirs()) {
        throw new IllegalStateException("cannot create CRD output directory " + out);
      }
      int count =
          new CRDGenerator()
              .customResourceClasses(new ArrayList<>(Kinds.ALL))
              .forCRDVersions("v1")
              .withPostProcessor(new AllPostProcessing())
              .inOutputDir(out)
              .generate();
      System.out.println("GenerateCrds: wrote " + count + " CRDs to " + out);
    }
  }

  /** Both post-processing steps, in order (the generator takes one post-processor). */
  static final class AllPostProcessing implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String version) {
      HasMetadata ordered = new DeclaredColumnOrder().process(crd, version);
      HasMetadata embedded =
          new EmbeddedManifests()
              .process(new ConditionsListMap().process(ordered, version), version);
      return new PolicyTemplateKinds().process(embedded, version);
    }
  }

  /** Puts printer columns back into the order they are declared on the kind's class. */
  static final class DeclaredColumnOrder implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      CustomResourceDefinition definition = (CustomResourceDefinition) crd;
      String kind = definition.getSpec().getNames().getKind();
      List<String> declared =
          Kinds.ALL.stream()
              .filter(c -> c.getSimpleName().equals(kind))
              .findFirst()
              .map(c -> Arrays.stream(c.getAnnotationsByType(AdditionalPrinterColumn.class)))
              .orElseThrow(() -> new IllegalStateException("kind " + kind + " not in Kinds.ALL"))
              .map(AdditionalPrinterColumn::jsonPath)
              .toList();
      for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
        List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
        if (columns != null) {
          columns.sort(Comparator.comparingInt(c -> declared.indexOf(c.getJsonPath())));
        }
      }
      return crd;
    }
  }

  /** Calls {@code action} with the name and schema of every property of every version's schema. */
  static void eachProperty(HasMetadata crd, BiConsumer<String, JSONSchemaProps> action) {
    for (CustomResourceDefinitionVersion version :
        ((CustomResourceDefinition) crd).getSpec().getVersions()) {
      visit(version.getSchema().getOpenAPIV3Schema(), action);
    }
  }

  private static void visit(JSONSchemaProps schema, BiConsumer<String, JSONSchemaProps> action) {
    if (schema == null) {
      return;
    }
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach(
              (name, property) -> {
                action.accept(name, property);
                visit(property, action);
              });
    }
    if (schema.getItems() != null) {
      visit(schema.getItems().getSchema(), action);
    }
  }

  /**
   * Makes every {@code conditions} list a map keyed by {@code type}, as in all OCM APIs, so that
   * server-side apply lets the hub and an agent each own their own condition types.
   */
  static final class ConditionsListMap implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      eachProperty(
          crd,
          (name, property) -> {
            if (name.equals("conditions") && isConditionList(property)) {
              property.setXKubernetesListType("map");
              property.setXKubernetesListMapKeys(List.of("type"));
              property.getItems().getSchema().setRequired(List.of("status", "type"));
            }
          });
      return crd;
    }

    private static boolean isConditionList(JSONSchemaProps property) {
      return "array".equals(property.getType())
          && property.getItems() != null
          && property.getItems().getSchema() != null
          && property.getItems().getSchema().getProperties() != null
          && property.getItems().getSchema().getProperties().containsKey("type")
          && property.getItems().getSchema().getProperties().containsKey("lastTransitionTime");
    }
  }

  /**
   * Marks the manifests of a {@code workload} as embedded Kubernetes objects, as OCM's CRD does:
   * the API server then checks each has apiVersion, kind and metadata, and CEL rules can read them.
   */
  static final class EmbeddedManifests implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      eachProperty(
          crd,
          (name, property) -> {
            JSONSchemaProps manifests =
                name.equals("workload") && property.getProperties() != null
                    ? property.getProperties().get("manifests")
                    : null;
            if (manifests != null && manifests.getItems() != null) {
              manifests.getItems().getSchema().setXKubernetesEmbeddedResource(true);
            }
          });
      return crd;
    }
  }

  /**
   * Labels the CRD of every policy engine kind with {@code policy-type: template}, as OCM does: the
   * policy framework creates only templates whose CRD carries it.
   */
  static final class PolicyTemplateKinds implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      String kind = ((CustomResourceDefinition) crd).getSpec().getNames().getKind();
      if (kind.equals(ConfigurationPolicy.KIND)) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (crd.getMetadata().getLabels() != null) {
          labels.putAll(crd.getMetadata().getLabels());
        }
        labels.put(ConfigurationPolicy.LABEL_POLICY_TYPE, "template");
        crd.getMetadata().setLabels(labels);
      }
      return crd;
    }
  }
}
