package io.ocmj.policy.config;

import io.ocmj.policy.template.TemplateException;
import io.ocmj.policy.template.TemplateFunctions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OCM's lookup functions for managed-cluster templates, reading through a {@link ClusterView}:
 * {@code fromSecret}, {@code fromConfigMap}, {@code copySecretData}, {@code copyConfigMapData},
 * {@code fromClusterClaim}, {@code lookupClusterClaim} and {@code lookup}.
 */
final class ClusterFunctions {
  private ClusterFunctions() {}

  static TemplateFunctions add(TemplateFunctions base, ClusterView view) {
    return base.with("fromSecret", args -> dataValue(view, "Secret", args))
        .with("fromConfigMap", args -> dataValue(view, "ConfigMap", args))
        .with("copySecretData", args -> data(view, "Secret", args))
        .with("copyConfigMapData", args -> data(view, "ConfigMap", args))
        .with("fromClusterClaim", args -> claim(view, args, true))
        .with("lookupClusterClaim", args -> claim(view, args, false))
        .with("lookup", args -> lookup(view, args));
  }

  private static Object dataValue(ClusterView view, String kind, List<Object> args)
      throws TemplateException {
    expect(args, 3, "from" + kind + " takes a namespace, a name and a key");
    Map<String, Object> data = data(view, kind, args.subList(0, 2));
    return data.getOrDefault(String.valueOf(args.get(2)), "");
  }

  private static Map<String, Object> data(ClusterView view, String kind, List<Object> args)
      throws TemplateException {
    expect(args, 2, "the function takes a namespace and a name");
    KindInfo info = kindOf(view, "v1", kind);
    Optional<Map<String, Object>> object =
        view.get(info, String.valueOf(args.get(0)), String.valueOf(args.get(1)));
    if (object.isEmpty()) {
      throw new TemplateException(
          kind.toLowerCase(java.util.Locale.ROOT)
              + "s \""
              + args.get(1)
              + "\" not found in namespace "
              + args.get(0));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (object.get().get("data") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> data.put(String.valueOf(k), v));
    }
    return data;
  }

  private static Object claim(ClusterView view, List<Object> args, boolean required)
      throws TemplateException {
    expect(args, 1, "fromClusterClaim takes a claim name");
    Optional<KindInfo> info =
        view.kind("cluster.open-cluster-management.io/v1alpha1", "ClusterClaim");
    Optional<Map<String, Object>> claim =
        info.flatMap(k -> view.get(k, null, String.valueOf(args.get(0))));
    if (claim.isEmpty()) {
      if (required) {
        throw new TemplateException(
            "clusterclaims.cluster.open-cluster-management.io \"" + args.get(0) + "\" not found");
      }
      return "";
    }
    return claim.get().get("spec") instanceof Map<?, ?> spec && spec.get("value") != null
        ? String.valueOf(spec.get("value"))
        : "";
  }

  private static Object lookup(ClusterView view, List<Object> args) throws TemplateException {
    if (args.size() < 4) {
      throw new TemplateException("lookup takes an apiVersion, a kind, a namespace and a name");
    }
    Optional<KindInfo> info = view.kind(String.valueOf(args.get(0)), String.valueOf(args.get(1)));
    if (info.isEmpty()) {
      return new LinkedHashMap<String, Object>();
    }
    String ns = String.valueOf(args.get(2));
    String name = String.valueOf(args.get(3));
    String namespace = ns.isEmpty() || !info.get().namespaced() ? null : ns;
    if (name.isEmpty()) {
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("items", view.list(info.get(), namespace));
      return list;
    }
    return view.get(info.get(), namespace, name)
        .<Object>map(o -> SpecMerge.deepCopy(o))
        .orElseGet(LinkedHashMap::new);
  }

  private static KindInfo kindOf(ClusterView view, String apiVersion, String kind)
      throws TemplateException {
    return view.kind(apiVersion, kind)
        .orElseThrow(() -> new TemplateException("the cluster does not serve " + kind));
  }

  private static void expect(List<Object> args, int count, String usage) throws TemplateException {
    if (args.size() != count) {
      throw new TemplateException(usage);
    }
  }
}
