package io.ocmj.policy.config;

import java.util.Map;
import java.util.Set;

/**
 * Which diff an object template records: {@code recordDiff: None} and {@code Log} keep none in
 * status; sensitive kinds (Secrets, ConfigMaps) and templates that read a Secret get a notice
 * instead unless {@code InStatus} is set explicitly.
 */
final class Diffs {
  static final String REDACTED =
      "# The difference is redacted because it contains sensitive data. To override, set"
          + " recordDiff: InStatus on the object template.";
  private static final Set<String> SENSITIVE = Set.of("Secret", "ConfigMap");

  private Diffs() {}

  /** Whether the template reads a Secret, whose values a diff would show. */
  static boolean readsSecrets(Object template) {
    String text = String.valueOf(template);
    return text.contains("fromSecret") || text.contains("copySecretData");
  }

  static String recorded(
      ObjectTemplateSpec t,
      KindInfo kind,
      String id,
      Map<String, Object> existing,
      Map<String, Object> merged) {
    String mode = t.recordDiff();
    if ("None".equals(mode) || "Log".equals(mode)) {
      return null;
    }
    if (mode == null && (SENSITIVE.contains(kind.kind()) || t.readsSecrets())) {
      return REDACTED;
    }
    return YamlDiff.full(id, existing, merged);
  }
}
