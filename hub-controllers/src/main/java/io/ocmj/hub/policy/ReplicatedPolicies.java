package io.ocmj.hub.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.ObjectDefinition;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyDependency;
import io.ocmj.api.policy.v1.PolicySpec;
import io.ocmj.api.policy.v1.PolicyTemplate;
import io.ocmj.api.policy.v1beta1.PolicySet;
import io.ocmj.policy.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replicated Policy of a root for one cluster (pure): OCM's name, labels and annotations, the
 * spec copied with the binding override, canonical dependencies and hub templates resolved for the
 * cluster. A template whose hub templates fail stays unresolved and carries OCM's {@code
 * hub-templates-error} annotation, which the agent reports as that cluster's NonCompliant state.
 */
public final class ReplicatedPolicies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OCM_PREFIX = Policy.GROUP + "/";

  private ReplicatedPolicies() {}

  /** A replica and the hub template errors met while building it (one per failed template). */
  public record Replica(Policy policy, List<String> templateErrors) {}

  public static Replica desired(
      Policy root, String cluster, boolean enforce, HubTemplates templates) {
    return desired(root, cluster, enforce, templates, List.of());
  }

  /** As above; PolicySet dependencies expand to their members' replicas, as OCM does. */
  public static Replica desired(
      Policy root, String cluster, boolean enforce, HubTemplates templates, List<PolicySet> sets) {
    Policy replica = new Policy();
    ObjectMeta meta = new ObjectMeta();
    String rootId =
        Policy.replicaName(root.getMetadata().getNamespace(), root.getMetadata().getName());
    meta.setName(rootId);
    meta.setNamespace(cluster);
    meta.setLabels(labels(root, cluster, rootId));
    meta.setAnnotations(annotations(root));
    replica.setMetadata(meta);
    PolicySpec spec = JSON.convertValue(root.getSpec(), PolicySpec.class);
    if (enforce) {
      spec.setRemediationAction("enforce");
    }
    spec.setDependencies(
        canonical(spec.getDependencies(), root.getMetadata().getNamespace(), sets));
    for (PolicyTemplate t : spec.getPolicyTemplates()) {
      t.setExtraDependencies(
          canonical(t.getExtraDependencies(), root.getMetadata().getNamespace(), sets));
    }
    List<String> errors = new ArrayList<>();
    if (templates != null && !HubTemplates.disabled(root)) {
      for (PolicyTemplate t : spec.getPolicyTemplates()) {
        resolve(t, templates, errors);
      }
    }
    replica.setSpec(spec);
    return new Replica(replica, errors);
  }

  private static void resolve(PolicyTemplate t, HubTemplates templates, List<String> errors) {
    if (t.getObjectDefinition() == null || !HubTemplates.has(t.getObjectDefinition().fields())) {
      return;
    }
    try {
      t.setObjectDefinition(
          ObjectDefinition.of(templates.resolve(t.getObjectDefinition().fields())));
    } catch (TemplateException | RuntimeException e) {
      errors.add(e.getMessage());
      annotate(
          t.getObjectDefinition().fields(), Policy.ANNOTATION_HUB_TEMPLATES_ERROR, e.getMessage());
    }
  }

  /** Sets an annotation on a template object (its metadata and annotations made if missing). */
  static void annotate(Map<String, Object> fields, String key, String value) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (fields.get("metadata") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> metadata.put(String.valueOf(k), v));
    }
    Map<String, Object> annotations = new LinkedHashMap<>();
    if (metadata.get("annotations") instanceof Map<?, ?> a) {
      a.forEach((k, v) -> annotations.put(String.valueOf(k), v));
    }
    annotations.put(key, value);
    metadata.put("annotations", annotations);
    fields.put("metadata", metadata);
  }

  static Map<String, String> labels(Policy root, String cluster, String rootId) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (root.getMetadata().getLabels() != null) {
      root.getMetadata()
          .getLabels()
          .forEach(
              (k, v) -> {
                if (copied(root, k) && !k.equals(GitSync.LABEL_SYNC)) {
                  labels.put(k, v);
                }
              });
    }
    labels.put(Policy.LABEL_CLUSTER_NAME, cluster);
    labels.put(Policy.LABEL_CLUSTER_NAMESPACE, cluster);
    labels.put(Policy.LABEL_ROOT_POLICY, rootId);
    return labels;
  }

  static Map<String, String> annotations(Policy root) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (root.getMetadata().getAnnotations() != null) {
      root.getMetadata()
          .getAnnotations()
          .forEach(
              (k, v) -> {
                boolean revision = k.equals(GitSync.ANNOTATION_REVISION);
                if ((copied(root, k) || revision)
                    && !k.equals(Policy.ANNOTATION_TRIGGER_UPDATE)
                    && !k.equals("kubectl.kubernetes.io/last-applied-configuration")) {
                  annotations.put(k, v);
                }
              });
    }
    annotations.put(Policy.ANNOTATION_ARGOCD_COMPARE, Policy.ARGOCD_IGNORE_EXTRANEOUS);
    return annotations;
  }

  private static boolean copied(Policy root, String key) {
    return !Boolean.FALSE.equals(root.getSpec().getCopyPolicyMetadata())
        || key.startsWith(OCM_PREFIX);
  }

  /** A dependency on a PolicySet (of the root's namespace) is one on each member policy. */
  private static List<PolicyDependency> expandSets(
      List<PolicyDependency> dependencies, String rootNamespace, List<PolicySet> sets) {
    List<PolicyDependency> out = new ArrayList<>();
    for (PolicyDependency d : dependencies) {
      PolicySet set =
          "PolicySet".equals(d.getKind())
                  && (d.getNamespace() == null
                      || d.getNamespace().isEmpty()
                      || d.getNamespace().equals(rootNamespace))
              ? sets.stream()
                  .filter(s -> s.getMetadata().getName().equals(d.getName()) && s.getSpec() != null)
                  .findFirst()
                  .orElse(null)
              : null;
      if (set == null) {
        out.add(d);
        continue;
      }
      for (String member : set.getSpec().getPolicies()) {
        PolicyDependency m = new PolicyDependency();
        m.setApiVersion(Policy.API_VERSION);
        m.setKind(Policy.KIND);
        m.setName(member);
        m.setCompliance(d.getCompliance());
        out.add(m);
      }
    }
    return out;
  }

  /**
   * OCM's canonical dependencies: a Policy dependency without a namespace gets the root's, and is
   * named {@code <ns>.<name>} (the replica's name on the cluster) with no namespace.
   */
  static List<PolicyDependency> canonical(
      List<PolicyDependency> dependencies, String rootNamespace, List<PolicySet> sets) {
    List<PolicyDependency> out = new ArrayList<>();
    for (PolicyDependency d : expandSets(dependencies, rootNamespace, sets)) {
      PolicyDependency copy = JSON.convertValue(d, PolicyDependency.class);
      boolean policyKind =
          "Policy".equals(d.getKind())
              && (d.getApiVersion() == null || d.getApiVersion().startsWith(Policy.GROUP));
      if (policyKind && !d.getName().contains(".")) {
        String ns =
            d.getNamespace() == null || d.getNamespace().isEmpty()
                ? rootNamespace
                : d.getNamespace();
        copy.setName(Policy.replicaName(ns, d.getName()));
        copy.setNamespace(null);
      }
      out.add(copy);
    }
    return out;
  }
}
