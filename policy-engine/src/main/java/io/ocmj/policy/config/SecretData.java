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
public final class SecretData {
  private SecretData() {}

  static Map<String, Object> normalised(KindInfo kind, Map<String, Object> desired) {
    if (!"Secret".equals(kind.kind()) || !"v1".equals(kind.apiVersion())) {
      return desired;
    }
    return stored(desired);
  }

  /**
   * A Secret as the API server stores it: {@code stringData} encoded into {@code data} (over
   * same-named keys), the object itself returned when it has no stringData.
   */
  public static Map<String, Object> stored(Map<String, Object> secret) {
    if (!(secret.get("stringData") instanceof Map<?, ?> strings)) {
      return secret;
    }
    Map<String, Object> copy = new LinkedHashMap<>(secret);
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
