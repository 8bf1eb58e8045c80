package io.ocmj.policy.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads metadata fields of a JSON-shaped Kubernetes object. */
public final class ObjectFields {
  private ObjectFields() {}

  public static String name(Map<String, Object> object) {
    return metadata(object, "name");
  }

  /** {@code metadata.namespace}, or null when absent. */
  public static String namespace(Map<String, Object> object) {
    return metadata(object, "namespace");
  }

  public static String uid(Map<String, Object> object) {
    return metadata(object, "uid");
  }

  static String metadata(Map<String, Object> object, String field) {
    return object != null
            && object.get("metadata") instanceof Map<?, ?> meta
            && meta.get(field) instanceof String s
        ? s
        : null;
  }

  /** The labels, values as text; empty when there are none. */
  public static Map<String, String> labels(Map<String, Object> object) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (object.get("metadata") instanceof Map<?, ?> meta
        && meta.get("labels") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
    }
    return labels;
  }

  /** A copy of the object with metadata.name and (when given) metadata.namespace set. */
  static Map<String, Object> named(Map<String, Object> object, String name, String namespace) {
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) SpecMerge.deepCopy(object);
    Map<String, Object> meta = new LinkedHashMap<>();
    if (copy.get("metadata") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> meta.put(String.valueOf(k), v));
    }
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    copy.put("metadata", meta);
    return copy;
  }
}
