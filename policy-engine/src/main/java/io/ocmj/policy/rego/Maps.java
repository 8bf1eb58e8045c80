package io.ocmj.policy.rego;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads nested fields of JSON-shaped objects (templates, constraints, reviewed objects). */
final class Maps {
  private Maps() {}

  static Object get(Map<?, ?> root, String... path) {
    Object current = root;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  static String string(Map<?, ?> root, String... path) {
    return get(root, path) instanceof String s ? s : null;
  }

  static Map<String, Object> map(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }
}
