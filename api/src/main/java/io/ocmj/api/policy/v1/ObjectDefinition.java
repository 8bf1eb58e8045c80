package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw object inside a policy (a policy template or an object template), kept whole: any kind, any
 * fields, exactly as written, so that OCM policy YAML works unchanged.
 */
@PreserveUnknownFields
public class ObjectDefinition {
  @JsonAnyGetter @JsonAnySetter private final Map<String, Object> fields = new LinkedHashMap<>();

  public ObjectDefinition() {}

  /** An object with the given top-level fields (apiVersion, kind, metadata, ...). */
  public static ObjectDefinition of(Map<String, Object> fields) {
    ObjectDefinition definition = new ObjectDefinition();
    definition.fields.putAll(fields);
    return definition;
  }

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
    return o instanceof ObjectDefinition other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }
}
