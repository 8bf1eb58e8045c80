package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gatekeeper.v1.ConstraintTemplate;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyDependency;
import io.ocmj.api.policy.v1.PolicyTemplate;
import io.ocmj.policy.config.ConfigPolicyEvaluator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Template sync: creates each policy template of a managed Policy as its own object (owner
 * reference and OCM's labels), only for supported kinds, unique names and met dependencies; removes
 * templates no longer in the policy. Problems become the template's compliance message ({@link
 * Outcome#messages}), which the caller emits as a compliance event.
 */
final class TemplateSync {
  static final String FIELD_MANAGER = "ocmj-policy-template-sync";
  private static final String GATEKEEPER_TEMPLATES = "templates.gatekeeper.sh";
  private static final String GATEKEEPER_CONSTRAINTS = "constraints.gatekeeper.sh";

  private final KubernetesClient managed;
  private final String clusterName;
  private final Map<String, Boolean> supportedKinds = new ConcurrentHashMap<>();

  TemplateSync(KubernetesClient managed, String clusterName) {
    this.managed = managed;
    this.clusterName = clusterName;
  }

  /** The name a template without metadata.name is reported under. */
  static String unnamed(int index) {
    return "policy-templates[" + index + "]";
  }

  /** Per template name: the compliance message to report instead of the engine's (if any). */
  record Outcome(Map<String, String> messages) {}

  /**
   * @param existing this policy's ConfigurationPolicies by name, as the informer cache has them
   */
  Outcome sync(Policy policy, Map<String, ConfigurationPolicy> existing) {
    Map<String, String> messages = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Set<String> kept = new HashSet<>();
    List<PolicyTemplate> templates = policy.getSpec().getPolicyTemplates();
    for (int i = 0; i < templates.size(); i++) {
      PolicyTemplate t = templates.get(i);
      Map<String, Object> definition =
          t.getObjectDefinition() == null ? Map.of() : t.getObjectDefinition().fields();
      String name = t.getObjectDefinition() == null ? null : t.getObjectDefinition().name();
      String label = name == null || name.isEmpty() ? unnamed(i) : name;
      String problem = problem(definition, name, seen);
      if (problem != null) {
        messages.put(label, "NonCompliant; template-error; " + problem);
        continue;
      }
      String hubError = hubTemplateError(definition);
      if (hubError != null) {
        // A hub read can fail for a minute: the template that runs stays (with what it created).
        messages.put(label, "NonCompliant; template-error; " + hubError);
        kept.add(key(definition));
        continue;
      }
      String pending = Dependencies.pending(managed, clusterName, dependencies(policy, t));
      if (pending != null) {
        messages.put(name, "Pending; " + pending);
        continue;
      }
      // Kept even when the apply fails: a refused or failed update must not take away the
      // template that is running (and with pruneObjectBehavior, what it created).
      kept.add(key(definition));
      try {
        apply(policy, definition, existing);
        if (isConstraintTemplate(definition)) {
          messages.put(name, "Compliant; ConstraintTemplate " + name + " is loaded");
        }
      } catch (KubernetesClientException e) {
        String reason = e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage();
        messages.put(
            name, "NonCompliant; template-error; Failed to create policy template: " + reason);
      }
    }
    removeStale(policy, kept);
    removeStaleGatekeeper(policy, kept);
    return new Outcome(messages);
  }

  private String problem(Map<String, Object> definition, String name, Set<String> seen) {
    String apiVersion = definition.get("apiVersion") instanceof String s ? s : null;
    String kind = definition.get("kind") instanceof String s ? s : null;
    if (apiVersion == null || kind == null) {
      return "objectDefinition: apiVersion and kind are required";
    }
    if (name == null || name.isEmpty()) {
      return "objectDefinition.metadata.name is required";
    }
    if (!seen.add(name)) {
      return "All policy-template names must be unique within a policy";
    }
    if (!supported(apiVersion, kind)) {
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      return "policy-template kind is not supported: " + group + "/" + version + ", Kind=" + kind;
    }
    return null;
  }

  /** A hub template error, or the hub's Rego compile error of a ConstraintTemplate. */
  private static String hubTemplateError(Map<String, Object> definition) {
    if (definition.get("metadata") instanceof Map<?, ?> meta
        && meta.get("annotations") instanceof Map<?, ?> annotations) {
      if (annotations.get(Policy.ANNOTATION_HUB_TEMPLATES_ERROR) instanceof String error) {
        return error;
      }
      if (annotations.get(ConstraintTemplate.ANNOTATION_REGO_ERROR) instanceof String error) {
        return error;
      }
    }
    return null;
  }

  static boolean isConstraintTemplate(Map<String, Object> definition) {
    return ConstraintTemplate.KIND.equals(definition.get("kind"))
        && String.valueOf(definition.get("apiVersion")).startsWith(ConstraintTemplate.GROUP + "/");
  }

  /** Gatekeeper's kinds are cluster-scoped: no namespace, and no owner (a Policy is namespaced). */
  static boolean clusterScoped(Map<String, Object> definition) {
    String apiVersion = String.valueOf(definition.get("apiVersion"));
    return apiVersion.startsWith(ConstraintTemplate.GROUP + "/")
        || apiVersion.startsWith(ConstraintTemplate.CONSTRAINTS_GROUP + "/");
  }

  /** Kinds whose CRD is labelled policy-type=template, and Gatekeeper's. */
  private boolean supported(String apiVersion, String kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    if (group.equals(GATEKEEPER_TEMPLATES) || group.equals(GATEKEEPER_CONSTRAINTS)) {
      return true;
    }
    // Asked once per kind for the life of the agent's controllers (they restart with the hub
    // identity): a CRD's policy-type label does not come and go.
    return supportedKinds.computeIfAbsent(
        apiVersion + "|" + kind, k -> labelledTemplate(apiVersion, kind, group));
  }

  private boolean labelledTemplate(String apiVersion, String kind, String group) {
    return new KubeClusterView(managed)
        .kind(apiVersion, kind)
        .map(
            info ->
                managed
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(info.plural() + "." + group)
                    .get())
        .map(
            crd ->
                crd.getMetadata().getLabels() != null
                    && "template"
                        .equals(
                            crd.getMetadata()
                                .getLabels()
                                .get(ConfigurationPolicy.LABEL_POLICY_TYPE)))
        .orElse(false);
  }

  private static List<PolicyDependency> dependencies(Policy policy, PolicyTemplate t) {
    List<PolicyDependency> all = new ArrayList<>(policy.getSpec().getDependencies());
    all.addAll(t.getExtraDependencies());
    return all;
  }

  private void apply(
      Policy policy, Map<String, Object> definition, Map<String, ConfigurationPolicy> existing) {
    GenericKubernetesResource object =
        Serialization.jsonMapper().convertValue(definition, GenericKubernetesResource.class);
    boolean clusterScoped = clusterScoped(definition);
    object.getMetadata().setNamespace(clusterScoped ? null : clusterName);
    object.getMetadata().setResourceVersion(null);
    object.getMetadata().setUid(null);
    Map<String, String> labels = new LinkedHashMap<>();
    if (object.getMetadata().getLabels() != null) {
      labels.putAll(object.getMetadata().getLabels());
    }
    labels.put(Policy.LABEL_POLICY, policy.getMetadata().getName());
    labels.put(Policy.LABEL_CLUSTER_NAME, clusterName);
    labels.put(Policy.LABEL_CLUSTER_NAMESPACE, clusterName);
    labels.put(Policy.LABEL_CLUSTER_NAME_SHORT, clusterName);
    labels.put(Policy.LABEL_CLUSTER_NAMESPACE_SHORT, clusterName);
    object.getMetadata().setLabels(labels);
    if (isConstraintTemplate(definition)) {
      ConstraintCrds.ensure(managed, definition, FIELD_MANAGER);
    } else if (clusterScoped) {
      String crd = ConstraintCrds.plural(object.getKind()) + "." + GATEKEEPER_CONSTRAINTS;
      if (managed.apiextensions().v1().customResourceDefinitions().withName(crd).get() == null) {
        throw new KubernetesClientException(
            "no ConstraintTemplate defines the constraint kind "
                + object.getKind()
                + " (there is no CRD "
                + crd
                + ")");
      }
    }
    object
        .getMetadata()
        .setOwnerReferences(
            clusterScoped
                ? List.of()
                : List.of(
                    new OwnerReferenceBuilder()
                        .withApiVersion(Policy.API_VERSION)
                        .withKind(Policy.KIND)
                        .withName(policy.getMetadata().getName())
                        .withUid(policy.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(false)
                        .build()));
    overrideRemediation(policy, object);
    if (!upToDate(object, existing.get(object.getMetadata().getName()))) {
      managed.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
  }

  /**
   * Whether the cached ConfigurationPolicy already has what would be applied (spec, labels, owner),
   * so the apply (one request per template per resync, on every cluster) can be skipped.
   */
  private static boolean upToDate(GenericKubernetesResource desired, ConfigurationPolicy cached) {
    if (cached == null || !ConfigurationPolicy.KIND.equals(desired.getKind())) {
      return false;
    }
    Map<String, String> labels = cached.getMetadata().getLabels();
    return labels != null
        && labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
        && cached.getMetadata().getOwnerReferences().stream()
            .anyMatch(
                o -> o.getUid().equals(desired.getMetadata().getOwnerReferences().get(0).getUid()))
        && Objects.equals(
            KubeClusterView.asMap(desired.getAdditionalProperties().get("spec")),
            KubeClusterView.asMap(cached.getSpec()));
  }

  /**
   * OCM's precedence: the Policy's remediationAction, when set, replaces a ConfigurationPolicy's,
   * except where the template says informOnly.
   */
  private static void overrideRemediation(Policy policy, GenericKubernetesResource object) {
    String action = policy.getSpec().getRemediationAction();
    if (action == null || !ConfigurationPolicy.KIND.equals(object.getKind())) {
      return;
    }
    Object spec = object.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> specMap = (Map<String, Object>) map;
      Object own = specMap.get("remediationAction");
      if (!(own instanceof String s && s.equalsIgnoreCase("informOnly"))) {
        specMap.put(
            "remediationAction", ConfigPolicyEvaluator.isEnforce(action) ? "enforce" : "inform");
      }
    }
  }

  private static String key(Map<String, Object> definition) {
    return definition.get("apiVersion")
        + "|"
        + definition.get("kind")
        + "|"
        + ((Map<?, ?>) definition.get("metadata")).get("name");
  }

  /** Deletes Gatekeeper objects of this policy (templates, constraints) no longer in it. */
  /** Deletes the policy's cluster-scoped Gatekeeper objects (the policy is being deleted). */
  void removeGatekeeper(Policy policy) {
    removeStaleGatekeeper(policy, Set.of());
  }

  private void removeStaleGatekeeper(Policy policy, Set<String> kept) {
    String label = policy.getMetadata().getName();
    // Compared by kind and name: a template written as v1beta1 is the same object read as v1.
    Set<String> keptKindNames = new HashSet<>();
    kept.forEach(k -> keptKindNames.add(k.substring(k.indexOf('|') + 1)));
    List<String[]> kinds = new ArrayList<>();
    kinds.add(
        new String[] {
          ConstraintTemplate.GROUP + "/" + ConstraintTemplate.VERSION, ConstraintTemplate.KIND
        });
    managed
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withLabel("gatekeeper.sh/constraint", "yes")
        .list()
        .getItems()
        .forEach(
            crd ->
                kinds.add(
                    new String[] {
                      ConstraintTemplate.CONSTRAINTS_GROUP
                          + "/"
                          + ConstraintTemplate.CONSTRAINTS_VERSION,
                      crd.getSpec().getNames().getKind()
                    }));
    for (String[] kind : kinds) {
      for (GenericKubernetesResource o :
          managed
              .genericKubernetesResources(kind[0], kind[1])
              .withLabel(Policy.LABEL_POLICY, label)
              .list()
              .getItems()) {
        if (!keptKindNames.contains(kind[1] + "|" + o.getMetadata().getName())) {
          managed.resource(o).delete();
        }
      }
    }
  }

  /** Deletes ConfigurationPolicies of this policy that are no longer among its templates. */
  private void removeStale(Policy policy, Set<String> kept) {
    for (ConfigurationPolicy cp :
        managed
            .resources(ConfigurationPolicy.class)
            .inNamespace(clusterName)
            .withLabel(Policy.LABEL_POLICY, policy.getMetadata().getName())
            .list()
            .getItems()) {
      String key =
          Policy.API_VERSION + "|" + ConfigurationPolicy.KIND + "|" + cp.getMetadata().getName();
      if (!kept.contains(key)) {
        managed.resource(cp).delete();
      }
    }
  }
}
