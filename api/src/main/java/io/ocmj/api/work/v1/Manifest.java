package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Kubernetes object inside a ManifestWork, kept whole: any kind, any fields, exactly as
 * written. The schema does not constrain it; the hub validates apiVersion, kind and metadata.name.
 */
@PreserveUnknownFields
public class Manifest {
  @JsonAnyGetter @JsonAnySetter private final Map<String, Object> fields = new LinkedHashMap<>();

  public Manifest() {}

  /** A manifest with the given top-level fields (apiVersion, kind, metadata, ...). */
  public static Manifest of(Map<String, Object> fields) {
    Manifest manifest = new Manifest();
    manifest.fields.putAll(fields);
    return manifest;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }
}
