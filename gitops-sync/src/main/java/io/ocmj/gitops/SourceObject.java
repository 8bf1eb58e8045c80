package io.ocmj.gitops;

import java.util.Map;

/** One YAML document of a file: where it is and its content as JSON-shaped maps and lists. */
public record SourceObject(String file, int document, Map<String, Object> content) {
  String apiVersion() {
    return content.get("apiVersion") instanceof String s ? s : null;
  }

  String kind() {
    return content.get("kind") instanceof String s ? s : null;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> metadata() {
    return content.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  String name() {
    Map<String, Object> metadata = metadata();
    return metadata != null && metadata.get("name") instanceof String s ? s : null;
  }

  String namespace() {
    Map<String, Object> metadata = metadata();
    return metadata != null && metadata.get("namespace") instanceof String s ? s : null;
  }

  /** {@code Kind/namespace/name} or {@code Kind/name}, as far as known. */
  String describe() {
    String ns = namespace();
    return (kind() == null ? "?" : kind()) + "/" + (ns == null ? "" : ns + "/") + name();
  }
}
