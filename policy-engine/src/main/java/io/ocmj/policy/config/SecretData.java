package io.ocmj.policy.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets are compared as the API server stores them: a desired {@code stringData} becomes base64
 * {@code data} (as OCM compares it with the decoded data), so a template written with stringData
 * can match, and enforce does not rewrite it on every pass.
 */
final class SecretData {
  private SecretData() {}

  static Map<String, Object> normalised(KindInfo kind, Map<String, Object> desired) {
    if (!"Secret".equals(kind.kind())
        || !"v1".equals(kind.apiVersion())
        || !(desired.get("stringData") instanceof Map<?, ?> strings)) {
      return desired;
    }
    Map<String, Object> copy = new LinkedHashMap<>(desired);
    Map<String, Object> data = new LinkedHashMap<>();
    if (copy.get("data") instanceof Map<?, ?> existing) {
      existing.forEach((k, v) -> data.put(String.valueOf(k), v));
    }
    strings.forEach(
        (k, v) ->
            data.put(
                String.valueOf(k),
                Base64.getEncoder()
                    .encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
    copy.remove("stringData");
    copy.put("data", data);
    return copy;
  }
}
