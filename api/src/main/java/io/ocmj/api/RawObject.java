package io.ocmj.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kubernetes object embedded in another (a ManifestWork manifest, a policy template), kept whole:
 * any kind, any fields, exactly as written. Subclasses carry {@code @PreserveUnknownFields} so the
 * schema does not constrain it.
 */
public abstract class RawObject {
  @JsonAnyGetter @JsonAnySetter private final Map<String, Object> fields = new LinkedHashMap<>();

  /** The object's top-level fields; changes write through. */
  @JsonIgnore
  public Map<String, Object> fields() {
    return fields;
  }

  @JsonIgnore
  public String apiVersion() {
    return fields.get("apiVersion") instanceof String s ? s : null;
  }

  @JsonIgnore
  public String kind() {
    return fields.get("kind") instanceof String s ? s : null;
  }

  /** {@code metadata.name}, or null when absent or not a string. */
  @JsonIgnore
  public String name() {
    return fields.get("metadata") instanceof Map<?, ?> m && m.get("name") instanceof String s
        ? s
        : null;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && fields.equals(((RawObject) o).fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }
}
