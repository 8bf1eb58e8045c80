package io.ocmj.klusterlet.work;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the {@code Update} strategy compares and merges a manifest with what is on the managed
 * cluster. A manifest is in place when every field it sets has that value (fields it does not set,
 * like API server defaults or status, do not count). The object to write keeps the live metadata
 * (labels and annotations merged, owner references added, finalizers kept) and takes the manifest's
 * top-level fields whole, so a field removed from a manifest's {@code spec} goes.
 */
final class ObjectMerge {
  private static final Set<String> KEPT_TOP_LEVEL =
      Set.of("apiVersion", "kind", "metadata", "status");

  private ObjectMerge() {}

  /** Whether every field of {@code required} has the same value in {@code existing}. */
  static boolean contains(Object required, Object existing) {
    if (required instanceof Map<?, ?> req) {
      if (!(existing instanceof Map<?, ?> ex)) {
        return false;
      }
      return req.entrySet().stream().allMatch(e -> contains(e.getValue(), ex.get(e.getKey())));
    }
    if (required instanceof List<?> req) {
      if (!(existing instanceof List<?> ex) || req.size() != ex.size()) {
        return false;
      }
      for (int i = 0; i < req.size(); i++) {
        if (!contains(req.get(i), ex.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (required instanceof Number a && existing instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(required, existing);
  }

  /**
   * Whether {@code existing} is what {@code required} asks for: its content fields, labels,
   * annotations and owner references.
   */
  static boolean inPlace(Map<String, Object> required, Map<String, Object> existing) {
    for (Map.Entry<String, Object> e : required.entrySet()) {
      if (!KEPT_TOP_LEVEL.contains(e.getKey())
          && !contains(e.getValue(), existing.get(e.getKey()))) {
        return false;
      }
    }
    Map<String, Object> reqMeta = map(required.get("metadata"));
    Map<String, Object> exMeta = map(existing.get("metadata"));
    return contains(
            reqMeta.getOrDefault("labels", Map.of()), exMeta.getOrDefault("labels", Map.of()))
        && contains(
            reqMeta.getOrDefault("annotations", Map.of()),
            exMeta.getOrDefault("annotations", Map.of()))
        && ownersPresent(reqMeta, exMeta);
  }

  /** The object to write: {@code existing} with the manifest's fields and metadata merged in. */
  static Map<String, Object> updated(Map<String, Object> required, Map<String, Object> existing) {
    Map<String, Object> result = new LinkedHashMap<>(existing);
    for (Map.Entry<String, Object> e : required.entrySet()) {
      if (!KEPT_TOP_LEVEL.contains(e.getKey())) {
        result.put(e.getKey(), e.getValue());
      }
    }
    Map<String, Object> meta = new LinkedHashMap<>(map(existing.get("metadata")));
    Map<String, Object> reqMeta = map(required.get("metadata"));
    merge(meta, reqMeta, "labels");
    merge(meta, reqMeta, "annotations");
    List<Object> owners = new ArrayList<>(list(meta.get("ownerReferences")));
    for (Object owner : list(reqMeta.get("ownerReferences"))) {
      if (owners.stream().noneMatch(o -> sameUid(o, owner))) {
        owners.add(owner);
      }
    }
    if (!owners.isEmpty()) {
      meta.put("ownerReferences", owners);
    }
    result.put("metadata", meta);
    return result;
  }

  /**
   * For {@code ignoreFields}: the live values at these paths replace the manifest's, so fields that
   * an autoscaler or a webhook owns are never fought over.
   */
  static void keepLive(
      Map<String, Object> required, Map<String, Object> existing, List<FieldPath> paths) {
    for (FieldPath path : paths) {
      path.read(existing).ifPresent(live -> path.set(required, live));
    }
  }

  private static boolean ownersPresent(Map<String, Object> reqMeta, Map<String, Object> exMeta) {
    List<Object> existing = list(exMeta.get("ownerReferences"));
    return list(reqMeta.get("ownerReferences")).stream()
        .allMatch(owner -> existing.stream().anyMatch(o -> sameUid(o, owner)));
  }

  private static boolean sameUid(Object a, Object b) {
    return Objects.equals(map(a).get("uid"), map(b).get("uid"));
  }

  private static void merge(Map<String, Object> meta, Map<String, Object> reqMeta, String key) {
    Map<String, Object> wanted = map(reqMeta.get(key));
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, Object> merged = new LinkedHashMap<>(map(meta.get(key)));
    merged.putAll(wanted);
    meta.put(key, merged);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
