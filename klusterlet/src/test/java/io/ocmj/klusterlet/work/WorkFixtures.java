package io.ocmj.klusterlet.work;

import io.ocmj.api.work.v1.DeleteOption;
import io.ocmj.api.work.v1.FeedbackRule;
import io.ocmj.api.work.v1.FeedbackType;
import io.ocmj.api.work.v1.JsonPath;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestConfigOption;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import io.ocmj.api.work.v1.PropagationPolicy;
import io.ocmj.api.work.v1.ResourceIdentifier;
import io.ocmj.api.work.v1.SelectivelyOrphan;
import io.ocmj.api.work.v1.ServerSideApplyConfig;
import io.ocmj.api.work.v1.UpdateStrategy;
import io.ocmj.api.work.v1.UpdateStrategyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds ManifestWorks and manifests for the work agent's tests. */
final class WorkFixtures {
  private final ManifestWork work = new ManifestWork();
  private final List<Manifest> manifests = new ArrayList<>();
  private final List<ManifestConfigOption> configs = new ArrayList<>();

  private WorkFixtures(String cluster, String name) {
    work.getMetadata().setNamespace(cluster);
    work.getMetadata().setName(name);
    work.setSpec(new ManifestWorkSpec());
  }

  static WorkFixtures work(String cluster, String name) {
    return new WorkFixtures(cluster, name);
  }

  WorkFixtures manifest(Map<String, Object> object) {
    manifests.add(Manifest.of(object));
    return this;
  }

  WorkFixtures strategy(
      String group, String resource, String namespace, String name, UpdateStrategyType type) {
    config(group, resource, namespace, name).setUpdateStrategy(strategy(type, null));
    return this;
  }

  WorkFixtures serverSideApply(
      String resource, String namespace, String name, boolean force, List<String> ignore) {
    ServerSideApplyConfig ssa = new ServerSideApplyConfig();
    ssa.setForce(force);
    if (!ignore.isEmpty()) {
      io.ocmj.api.work.v1.IgnoreField field = new io.ocmj.api.work.v1.IgnoreField();
      field.setJsonPaths(ignore);
      ssa.setIgnoreFields(List.of(field));
    }
    config("", resource, namespace, name)
        .setUpdateStrategy(strategy(UpdateStrategyType.ServerSideApply, ssa));
    return this;
  }

  WorkFixtures wellKnownStatus(String group, String resource, String namespace, String name) {
    FeedbackRule rule = new FeedbackRule();
    rule.setType(FeedbackType.WellKnownStatus);
    config(group, resource, namespace, name).getFeedbackRules().add(rule);
    return this;
  }

  WorkFixtures jsonPath(String resource, String namespace, String name, String value, String path) {
    FeedbackRule rule = new FeedbackRule();
    rule.setType(FeedbackType.JSONPaths);
    JsonPath jsonPath = new JsonPath();
    jsonPath.setName(value);
    jsonPath.setPath(path);
    rule.setJsonPaths(List.of(jsonPath));
    config("", resource, namespace, name).getFeedbackRules().add(rule);
    return this;
  }

  WorkFixtures celRule(
      String resource, String namespace, String name, String condition, String... expressions) {
    io.ocmj.api.work.v1.ConditionRule rule = new io.ocmj.api.work.v1.ConditionRule();
    rule.setType(io.ocmj.api.work.v1.ConditionRuleType.CEL);
    rule.setCondition(condition);
    rule.setCelExpressions(List.of(expressions));
    config("", resource, namespace, name).getConditionRules().add(rule);
    return this;
  }

  WorkFixtures deleteOption(PropagationPolicy policy, ResourceIdentifier... orphans) {
    DeleteOption option = new DeleteOption();
    option.setPropagationPolicy(policy);
    if (orphans.length > 0) {
      SelectivelyOrphan selectively = new SelectivelyOrphan();
      selectively.setOrphaningRules(List.of(orphans));
      option.setSelectivelyOrphans(selectively);
    }
    work.getSpec().setDeleteOption(option);
    return this;
  }

  ManifestWork build() {
    work.getSpec().getWorkload().setManifests(manifests);
    work.getSpec().setManifestConfigs(configs);
    return work;
  }

  private ManifestConfigOption config(
      String group, String resource, String namespace, String name) {
    for (ManifestConfigOption existing : configs) {
      ResourceIdentifier id = existing.getResourceIdentifier();
      if (resource.equals(id.getResource()) && name.equals(id.getName())) {
        return existing;
      }
    }
    ManifestConfigOption option = new ManifestConfigOption();
    option.setResourceIdentifier(id(group, resource, namespace, name));
    configs.add(option);
    return option;
  }

  private static UpdateStrategy strategy(UpdateStrategyType type, ServerSideApplyConfig ssa) {
    UpdateStrategy strategy = new UpdateStrategy();
    strategy.setType(type);
    strategy.setServerSideApply(ssa);
    return strategy;
  }

  static ResourceIdentifier id(String group, String resource, String namespace, String name) {
    ResourceIdentifier id = new ResourceIdentifier();
    id.setGroup(group);
    id.setResource(resource);
    id.setNamespace(namespace);
    id.setName(name);
    return id;
  }

  static Map<String, Object> namespace(String name) {
    return object("v1", "Namespace", null, name);
  }

  static Map<String, Object> configMap(String namespace, String name, Map<String, String> data) {
    Map<String, Object> cm = object("v1", "ConfigMap", namespace, name);
    cm.put("data", new LinkedHashMap<>(data));
    return cm;
  }

  static Map<String, Object> object(String apiVersion, String kind, String namespace, String name) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    object.put("metadata", meta);
    return object;
  }

  /** A namespaced CRD for {@code example.com/v1} {@code kind} that keeps any fields. */
  static io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition exampleCrd(
      String kind, String plural) {
    return new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(plural + ".example.com")
        .endMetadata()
        .withNewSpec()
        .withGroup("example.com")
        .withScope("Namespaced")
        .withNewNames()
        .withKind(kind)
        .withPlural(plural)
        .withSingular(kind.toLowerCase(java.util.Locale.ROOT))
        .endNames()
        .addNewVersion()
        .withName("v1")
        .withServed(true)
        .withStorage(true)
        .withNewSchema()
        .withNewOpenAPIV3Schema()
        .withType("object")
        .withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema()
        .endSchema()
        .endVersion()
        .endSpec()
        .build();
  }

  /** A one-replica nginx Deployment (its pods stay Pending: test clusters have no kubelet). */
  static Map<String, Object> deployment(String namespace, String name) {
    Map<String, Object> deployment = object("apps/v1", "Deployment", namespace, name);
    Map<String, Object> labels = Map.of("app", name);
    deployment.put(
        "spec",
        new LinkedHashMap<>(
            Map.of(
                "replicas",
                1,
                "selector",
                Map.of("matchLabels", labels),
                "template",
                Map.of(
                    "metadata",
                    Map.of("labels", labels),
                    "spec",
                    Map.of("containers", List.of(Map.of("name", name, "image", "nginx:1.27")))))));
    return deployment;
  }

  /**
   * Replaces {@code resource}'s spec with a merge patch: no resourceVersion, so a status the
   * controllers write meanwhile cannot make it conflict.
   */
  static void replaceSpec(
      io.fabric8.kubernetes.client.KubernetesClient client,
      io.fabric8.kubernetes.api.model.HasMetadata resource,
      Object spec) {
    client
        .resource(resource)
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            io.fabric8.kubernetes.client.utils.Serialization.asJson(Map.of("spec", spec)));
  }
}
