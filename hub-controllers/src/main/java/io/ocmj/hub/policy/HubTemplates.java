package io.ocmj.hub.policy;

import io.ocmj.api.policy.v1.Policy;
import io.ocmj.policy.config.YamlRendering;
import io.ocmj.policy.template.TemplateContext;
import io.ocmj.policy.template.TemplateException;
import io.ocmj.policy.template.TemplateFunctions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * OCM's hub templates ({@code {{hub … hub}}}) for one root policy and one cluster. Context: {@code
 * .ManagedClusterName}, {@code .ManagedClusterLabels}, {@code .PolicyMetadata}. Lookups are
 * restricted as OCM restricts them without a hub-template ServiceAccount: namespaced objects in the
 * root policy's namespace, plus the target ManagedCluster.
 */
public final class HubTemplates {
  static final String LEFT = "{{hub";
  static final String RIGHT = "hub}}";
  private static final List<String> DENIED = List.of("env", "expandenv");

  private final Policy root;
  private final Map<String, Object> cluster;
  private final HubReads reads;

  /**
   * @param cluster the target ManagedCluster as a JSON-shaped object
   */
  public HubTemplates(Policy root, Map<String, Object> cluster, HubReads reads) {
    this.root = root;
    this.cluster = cluster;
    this.reads = reads;
  }

  /** Whether an object (a policy template) contains hub templates. */
  public static boolean has(Map<String, Object> object) {
    return String.valueOf(object).contains(LEFT);
  }

  /** Whether the root turned hub templates off with OCM's annotation. */
  public static boolean disabled(Policy root) {
    Map<String, String> annotations = root.getMetadata().getAnnotations();
    return annotations != null
        && "true".equalsIgnoreCase(annotations.get(Policy.ANNOTATION_DISABLE_TEMPLATES));
  }

  /** The object with its hub templates resolved for this cluster. */
  public Map<String, Object> resolve(Map<String, Object> object) throws TemplateException {
    return YamlRendering.render("hub-template", object, functions(), LEFT, RIGHT, context());
  }

  private TemplateContext context() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("ManagedClusterName", clusterName());
    fields.put("ManagedClusterLabels", metadataMap("labels"));
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("name", root.getMetadata().getName());
    policy.put("namespace", root.getMetadata().getNamespace());
    policy.put(
        "labels",
        root.getMetadata().getLabels() == null ? Map.of() : root.getMetadata().getLabels());
    policy.put(
        "annotations",
        root.getMetadata().getAnnotations() == null
            ? Map.of()
            : root.getMetadata().getAnnotations());
    fields.put("PolicyMetadata", policy);
    return new TemplateContext(fields);
  }

  private String clusterName() {
    return cluster.get("metadata") instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "";
  }

  private Map<String, Object> metadataMap(String field) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (cluster.get("metadata") instanceof Map<?, ?> m && m.get(field) instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  private TemplateFunctions functions() {
    return TemplateFunctions.standard()
        .without(DENIED)
        .with("fromSecret", args -> data("Secret", args, 3).getOrDefault(key(args), ""))
        .with("fromConfigMap", args -> data("ConfigMap", args, 3).getOrDefault(key(args), ""))
        .with("copySecretData", args -> data("Secret", args, 2))
        .with("copyConfigMapData", args -> data("ConfigMap", args, 2))
        .with("fromClusterClaim", this::claim)
        .with("lookup", this::lookup);
  }

  private static String key(List<Object> args) {
    return String.valueOf(args.get(2));
  }

  private Map<String, Object> data(String kind, List<Object> args, int count)
      throws TemplateException {
    if (args.size() != count) {
      throw new TemplateException("wrong number of arguments for " + kind + " lookup");
    }
    String ns = allowedNamespace(kind, String.valueOf(args.get(0)));
    String name = String.valueOf(args.get(1));
    Optional<Map<String, Object>> object = read(() -> reads.get("v1", kind, ns, name));
    if (object.isEmpty()) {
      throw new TemplateException(kind + " " + ns + "/" + args.get(1) + " not found on the hub");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (object.get().get("data") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> data.put(String.valueOf(k), v));
    }
    return data;
  }

  private Object claim(List<Object> args) throws TemplateException {
    if (args.size() != 1) {
      throw new TemplateException("fromClusterClaim takes a claim name");
    }
    if (cluster.get("status") instanceof Map<?, ?> status
        && status.get("clusterClaims") instanceof List<?> claims) {
      for (Object c : claims) {
        if (c instanceof Map<?, ?> claim && String.valueOf(args.get(0)).equals(claim.get("name"))) {
          return String.valueOf(claim.get("value"));
        }
      }
    }
    throw new TemplateException(
        "the cluster claim " + args.get(0) + " was not found on ManagedCluster " + clusterName());
  }

  private Object lookup(List<Object> args) throws TemplateException {
    if (args.size() < 4) {
      throw new TemplateException("lookup takes an apiVersion, a kind, a namespace and a name");
    }
    String apiVersion = String.valueOf(args.get(0));
    String kind = String.valueOf(args.get(1));
    String name = String.valueOf(args.get(3));
    if (kind.equals("ManagedCluster")) {
      if (!name.equals(clusterName())) {
        throw new TemplateException(
            "lookup of ManagedCluster "
                + name
                + " is not allowed: only the target cluster "
                + clusterName());
      }
      return new LinkedHashMap<>(cluster);
    }
    Optional<Boolean> namespaced = read(() -> reads.namespaced(apiVersion, kind));
    if (namespaced.isEmpty()) {
      throw new TemplateException(
          "the hub does not serve kind " + kind + " in API version " + apiVersion);
    }
    if (!namespaced.get()) {
      throw new TemplateException(
          "lookup of the cluster-scoped kind "
              + kind
              + " is not allowed: hub templates may only read namespaced objects in the policy"
              + " namespace "
              + root.getMetadata().getNamespace()
              + " and the target ManagedCluster");
    }
    String ns = allowedNamespace(kind, String.valueOf(args.get(2)));
    if (name.isEmpty()) {
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("items", read(() -> reads.list(apiVersion, kind, ns)));
      return list;
    }
    return read(() -> reads.get(apiVersion, kind, ns, name))
        .<Object>map(LinkedHashMap::new)
        .orElseGet(LinkedHashMap::new);
  }

  /** A hub read whose failure (refused, unreachable) fails the template, not the propagator. */
  private static <T> T read(Supplier<T> call) throws TemplateException {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new TemplateException("reading from the hub failed: " + e.getMessage());
    }
  }

  private String allowedNamespace(String kind, String ns) throws TemplateException {
    String own = root.getMetadata().getNamespace();
    if (!own.equals(ns)) {
      throw new TemplateException(
          "the namespace "
              + ns
              + " of the "
              + kind
              + " lookup is not allowed: hub templates may only read the policy namespace "
              + own);
    }
    return ns;
  }
}
