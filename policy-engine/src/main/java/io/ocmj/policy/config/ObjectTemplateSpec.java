package io.ocmj.policy.config;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

/**
 * One validated object template, ready to evaluate; {@code readsSecrets} when its text (or the
 * object-templates-raw it came from) reads a Secret, so no diff of it is recorded.
 */
record ObjectTemplateSpec(
    int index,
    ComplianceType type,
    ComplianceType metadataType,
    Map<String, Object> definition,
    LabelSelector objectSelector,
    String recordDiff,
    boolean readsSecrets) {

  String apiVersion() {
    return definition.get("apiVersion") instanceof String s ? s : null;
  }

  String kind() {
    return definition.get("kind") instanceof String s ? s : null;
  }

  String metadataField(String field) {
    return definition.get("metadata") instanceof Map<?, ?> meta
            && meta.get(field) instanceof String s
        ? s
        : null;
  }
}
