package io.ocmj.policy.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.ocmj.api.policy.v1.ConfigurationPolicySpec;
import io.ocmj.api.policy.v1.ObjectTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a ConfigurationPolicy's object templates ({@code object-templates}, or {@code
 * object-templates-raw} rendered and parsed as a YAML list) and validates each; a problem becomes
 * the message of that template (or of the whole policy) naming the field.
 */
final class ObjectTemplates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ObjectTemplates() {}

  /** Either the templates (some may be errors) or one policy-wide error. */
  record Parsed(List<ObjectTemplateSpec> templates, List<TemplateResult> errors, String error) {}

  static Parsed parse(
      ConfigurationPolicySpec spec, String policyName, PolicyTemplating templating) {
    List<ObjectTemplate> raw = spec.getObjectTemplates();
    String rawText = spec.getObjectTemplatesRaw();
    boolean hasList = raw != null && !raw.isEmpty();
    boolean hasRaw = rawText != null && !rawText.isBlank();
    if (hasList && hasRaw) {
      return failed(
          "spec: only one of object-templates and object-templates-raw may be set in policy "
              + policyName);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    if (hasRaw) {
      try {
        items.addAll(templating.renderRaw(rawText));
      } catch (PolicyTemplating.Failure e) {
        return failed(e.getMessage());
      }
    } else if (hasList) {
      for (ObjectTemplate t : raw) {
        items.add(asMap(t));
      }
    }
    List<ObjectTemplateSpec> templates = new ArrayList<>();
    List<TemplateResult> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object problem = validate(i, items.get(i), policyName, hasRaw && Diffs.readsSecrets(rawText));
      if (problem instanceof String message) {
        errors.add(TemplateResult.error(i, message));
      } else {
        templates.add((ObjectTemplateSpec) problem);
      }
    }
    return new Parsed(templates, errors, null);
  }

  private static Parsed failed(String message) {
    return new Parsed(List.of(), List.of(), message);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(ObjectTemplate template) {
    return JSON.convertValue(template, Map.class);
  }

  /** The template, or a message naming the field that is wrong. */
  private static Object validate(
      int i, Map<String, Object> item, String policyName, boolean rawReadsSecrets) {
    String where = "object-templates[" + i + "]";
    ComplianceType type =
        ComplianceType.parse(item.get("complianceType") instanceof String s ? s : null);
    if (type == null) {
      return where
          + ".complianceType: "
          + describe(item.get("complianceType"))
          + " is not one of musthave, mustonlyhave, mustnothave";
    }
    ComplianceType metaType = type;
    if (item.get("metadataComplianceType") != null) {
      metaType = ComplianceType.parse(String.valueOf(item.get("metadataComplianceType")));
      if (metaType == null || metaType == ComplianceType.MUST_NOT_HAVE) {
        return where
            + ".metadataComplianceType: "
            + describe(item.get("metadataComplianceType"))
            + " is not one of musthave, mustonlyhave";
      }
    }
    if (!(item.get("objectDefinition") instanceof Map<?, ?> definition)) {
      return where + ".objectDefinition: must be an object";
    }
    if (!(definition.get("kind") instanceof String k)
        || k.isEmpty()
        || !(definition.get("apiVersion") instanceof String v)
        || v.isEmpty()) {
      return "The kind and apiVersion fields are required on the object template at index "
          + i
          + " in policy "
          + policyName;
    }
    if (definition.get("metadata") != null && !(definition.get("metadata") instanceof Map<?, ?>)) {
      return where + ".objectDefinition.metadata: must be an object";
    }
    LabelSelector selector = null;
    if (item.get("objectSelector") != null) {
      try {
        selector = JSON.convertValue(item.get("objectSelector"), LabelSelector.class);
      } catch (IllegalArgumentException e) {
        return where + ".objectSelector: not a label selector";
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> def = (Map<String, Object>) SpecMerge.deepCopy(definition);
    String recordDiff = item.get("recordDiff") instanceof String s ? s : null;
    return new ObjectTemplateSpec(
        i, type, metaType, def, selector, recordDiff, rawReadsSecrets || Diffs.readsSecrets(def));
  }

  private static String describe(Object value) {
    return value == null ? "missing" : "\"" + value + "\"";
  }
}
