package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.ocmj.policy.config.LabelSelectors;
import io.ocmj.policy.config.ObjectFields;
import java.util.List;
import java.util.Map;

/**
 * Gatekeeper's {@code spec.match} of a constraint: every matcher present must pass (kinds, scope,
 * namespaces, excludedNamespaces, labelSelector, namespaceSelector, name); absent ones pass. A
 * Namespace object counts as cluster-scoped and is matched by its own name and labels.
 */
public final class ConstraintMatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConstraintMatch() {}

  /**
   * @param namespace the object's Namespace (null for cluster-scoped objects, or when unknown)
   */
  public static boolean matches(
      Map<String, Object> constraint, Map<String, Object> object, Map<String, Object> namespace) {
    Map<String, Object> match = Maps.map(Maps.get(constraint, "spec", "match"));
    String apiVersion = String.valueOf(object.get("apiVersion"));
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String kind = String.valueOf(object.get("kind"));
    boolean isNamespace = group.isEmpty() && kind.equals("Namespace");
    String ns =
        isNamespace
            ? Maps.string(object, "metadata", "name")
            : Maps.string(object, "metadata", "namespace");
    return kinds(match.get("kinds"), group, kind)
        && scope(match.get("scope"), ns != null && !isNamespace)
        && namespaces(match, ns, isNamespace)
        && selector(match.get("labelSelector"), ObjectFields.labels(object))
        && namespaceSelector(match.get("namespaceSelector"), isNamespace ? object : namespace, ns)
        && name(match.get("name"), object);
  }

  private static boolean kinds(Object kinds, String group, String kind) {
    if (!(kinds instanceof List<?> list) || list.isEmpty()) {
      return true;
    }
    for (Object entry : list) {
      Map<String, Object> k = Maps.map(entry);
      if (anyOf(k.get("apiGroups"), group) && anyOf(k.get("kinds"), kind)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyOf(Object values, String value) {
    return !(values instanceof List<?> list)
        || list.isEmpty()
        || list.contains("*")
        || list.contains(value);
  }

  private static boolean scope(Object scope, boolean namespaced) {
    return scope == null
        || "*".equals(scope)
        || ("Namespaced".equals(scope) && namespaced)
        || ("Cluster".equals(scope) && !namespaced);
  }

  /** Cluster-scoped objects other than Namespaces are never filtered by namespace. */
  private static boolean namespaces(Map<String, Object> match, String ns, boolean isNamespace) {
    if (ns == null && !isNamespace) {
      return true;
    }
    if (match.get("namespaces") instanceof List<?> include
        && !include.isEmpty()
        && include.stream().noneMatch(p -> glob(String.valueOf(p), ns))) {
      return false;
    }
    return !(match.get("excludedNamespaces") instanceof List<?> exclude)
        || exclude.stream().noneMatch(p -> glob(String.valueOf(p), ns));
  }

  /** Gatekeeper's one-sided globs: {@code kube-*}, {@code *-system}, or an exact name. */
  static boolean glob(String pattern, String value) {
    if (value == null) {
      return false;
    }
    if (pattern.endsWith("*")) {
      return value.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    if (pattern.startsWith("*")) {
      return value.endsWith(pattern.substring(1));
    }
    return pattern.equals(value);
  }

  private static boolean selector(Object selector, Map<String, String> labels) {
    return selector == null
        || LabelSelectors.matchesLeniently(
            JSON.convertValue(selector, LabelSelector.class), labels);
  }

  private static boolean namespaceSelector(
      Object selector, Map<String, Object> namespace, String ns) {
    if (selector == null || ns == null) {
      return true; // cluster-scoped objects pass
    }
    return namespace != null && selector(selector, ObjectFields.labels(namespace));
  }

  private static boolean name(Object pattern, Map<String, Object> object) {
    if (!(pattern instanceof String p) || p.isEmpty()) {
      return true;
    }
    return glob(p, Maps.string(object, "metadata", "name"))
        || glob(p, Maps.string(object, "metadata", "generateName"));
  }
}
