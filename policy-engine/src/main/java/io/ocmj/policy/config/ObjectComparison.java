package io.ocmj.policy.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a desired object with an existing one the way OCM does: key by key (except apiVersion
 * and kind), {@code metadata} by its labels and annotations only. The merged object is what enforce
 * writes.
 */
public final class ObjectComparison {
  private static final List<String> SKIPPED = List.of("apiVersion", "kind");

  private ObjectComparison() {}

  /** The comparison's outcome; {@code error} set means NonCompliant with that message. */
  public record Outcome(boolean matches, Map<String, Object> merged, String error) {}

  public static Outcome compare(
      Map<String, Object> desired,
      Map<String, Object> existing,
      ComplianceType type,
      ComplianceType metadataType) {
    @SuppressWarnings("unchecked")
    Map<String, Object> merged = (Map<String, Object>) SpecMerge.deepCopy(existing);
    boolean matches = true;
    for (Map.Entry<String, Object> entry : desired.entrySet()) {
      String key = entry.getKey();
      if (SKIPPED.contains(key)) {
        continue;
      }
      try {
        if (key.equals("metadata")) {
          String invalid = invalidMetadata(entry.getValue());
          if (invalid != null) {
            return new Outcome(false, existing, invalid);
          }
          matches &= mergeMetadata(entry.getValue(), merged, metadataType);
        } else {
          boolean onlyHave = type == ComplianceType.MUST_ONLY_HAVE;
          Object value = SpecMerge.merge(entry.getValue(), existing.get(key), onlyHave);
          matches &= SpecEquality.equal(value, existing.get(key), onlyHave);
          merged.put(key, value);
        }
      } catch (SpecMerge.TypeMismatch e) {
        return new Outcome(
            false, existing, "Error merging changes into key \"" + key + "\": " + e.getMessage());
      }
    }
    return new Outcome(matches, merged, null);
  }

  private static boolean mergeMetadata(
      Object desiredMeta, Map<String, Object> merged, ComplianceType type)
      throws SpecMerge.TypeMismatch {
    if (!(desiredMeta instanceof Map<?, ?> want)) {
      return true;
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    if (merged.get("metadata") instanceof Map<?, ?> have) {
      have.forEach((k, v) -> meta.put(String.valueOf(k), v));
    }
    boolean onlyHave = type == ComplianceType.MUST_ONLY_HAVE;
    boolean matches = true;
    for (String key : List.of("labels", "annotations")) {
      if (!want.containsKey(key)) {
        continue;
      }
      Object value = SpecMerge.merge(want.get(key), meta.get(key), onlyHave);
      matches &= SpecEquality.equal(value, meta.get(key), onlyHave);
      meta.put(key, value);
    }
    merged.put("metadata", meta);
    return matches;
  }

  /** OCM's message for a label or annotation whose value is not a string, else null. */
  private static String invalidMetadata(Object desiredMeta) {
    if (!(desiredMeta instanceof Map<?, ?> meta)) {
      return null;
    }
    for (String key : List.of("labels", "annotations")) {
      if (meta.get(key) instanceof Map<?, ?> values) {
        for (Map.Entry<?, ?> e : values.entrySet()) {
          if (e.getValue() != null && !(e.getValue() instanceof String)) {
            String what = key.equals("labels") ? "label" : "annotation";
            return "invalid "
                + what
                + ", error: metadata."
                + key
                + "."
                + e.getKey()
                + " must be a string, not "
                + e.getValue();
          }
        }
      }
    }
    return null;
  }
}
