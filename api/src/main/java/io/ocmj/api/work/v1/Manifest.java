package io.ocmj.api.work.v1;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.ocmj.api.RawObject;
import java.util.Map;

/**
 * One Kubernetes object inside a ManifestWork, kept whole: any kind, any fields, exactly as
 * written. The schema does not constrain it; the hub validates apiVersion, kind and metadata.name.
 */
@PreserveUnknownFields
public class Manifest extends RawObject {
  public Manifest() {}

  /** A manifest with the given top-level fields (apiVersion, kind, metadata, ...). */
  public static Manifest of(Map<String, Object> fields) {
    Manifest manifest = new Manifest();
    manifest.fields().putAll(fields);
    return manifest;
  }
}
