package io.ocmj.policy.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OCM's comparison of a desired (partial) value with an existing one: the desired value is merged
 * into the existing one, and the result compared with the existing value. Maps merge key by key
 * (mustonlyhave drops keys the template does not name); list items match by equal {@code name} or
 * by merging without change, unmatched existing items are kept after the desired ones (mustonlyhave
 * replaces the list).
 */
public final class SpecMerge {
  private SpecMerge() {}

  /** Thrown when template and existing value have different shapes (map, list, scalar). */
  public static final class TypeMismatch extends Exception {
    TypeMismatch() {
      super("object type of template and existing do not match");
    }
  }

  /** The existing value with the desired one merged in; never mutates its arguments. */
  public static Object merge(Object desired, Object existing, boolean onlyHave)
      throws TypeMismatch {
    if (existing == null) {
      return deepCopy(desired);
    }
    if (desired instanceof Map<?, ?> want) {
      if (!(existing instanceof Map<?, ?> have)) {
        throw new TypeMismatch();
      }
      Map<String, Object> merged = new LinkedHashMap<>();
      have.forEach((k, v) -> merged.put(String.valueOf(k), deepCopy(v)));
      for (Map.Entry<?, ?> entry : want.entrySet()) {
        String key = String.valueOf(entry.getKey());
        merged.put(key, merge(entry.getValue(), have.get(key), onlyHave));
      }
      if (onlyHave) {
        merged.keySet().removeIf(k -> !want.containsKey(k));
      }
      return merged;
    }
    if (desired instanceof List<?> want) {
      if (!(existing instanceof List<?> have)) {
        throw new TypeMismatch();
      }
      return onlyHave ? deepCopy(want) : mergeLists(want, have);
    }
    if (existing instanceof Map<?, ?> || existing instanceof List<?>) {
      if (desired != null) {
        throw new TypeMismatch();
      }
    }
    return desired;
  }

  private static List<Object> mergeLists(List<?> desired, List<?> existing) throws TypeMismatch {
    List<Object> merged = new ArrayList<>();
    boolean[] used = new boolean[existing.size()];
    for (Object want : desired) {
      int match = findItem(want, existing, used);
      if (match < 0) {
        merged.add(deepCopy(want));
      } else {
        used[match] = true;
        merged.add(merge(want, existing.get(match), false));
      }
    }
    for (int i = 0; i < existing.size(); i++) {
      if (!used[i]) {
        merged.add(deepCopy(existing.get(i)));
      }
    }
    return merged;
  }

  /** The first unused existing item that is the same element: same name, or unchanged by merge. */
  private static int findItem(Object want, List<?> existing, boolean[] used) {
    for (int i = 0; i < existing.size(); i++) {
      if (!used[i] && sameName(want, existing.get(i))) {
        return i;
      }
    }
    for (int i = 0; i < existing.size(); i++) {
      if (used[i]) {
        continue;
      }
      try {
        if (SpecEquality.equal(merge(want, existing.get(i), false), existing.get(i), false)) {
          return i;
        }
      } catch (TypeMismatch e) {
        // A differently shaped item is simply not this one.
      }
    }
    return -1;
  }

  private static boolean sameName(Object a, Object b) {
    return a instanceof Map<?, ?> x
        && b instanceof Map<?, ?> y
        && x.get("name") instanceof String name
        && !name.isEmpty()
        && Objects.equals(name, y.get("name"));
  }

  /** A deep copy of a JSON-shaped value (maps, lists, scalars). */
  public static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(deepCopy(v)));
      return copy;
    }
    return value;
  }
}
