package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's hub credentials as OCM stores them on the managed cluster: Secret {@code
 * hub-kubeconfig-secret} with keys {@code kubeconfig}, {@code tls.crt}, {@code tls.key}, {@code
 * cluster-name} and {@code agent-name}. Values are PEM / YAML text; absent ones are null.
 */
public record HubKubeconfigSecret(
    String clusterName, String agentName, String kubeconfig, String certificatePem, String keyPem) {
  public static final String NAME = "hub-kubeconfig-secret";

  /** Whether it holds a client certificate (not just the agent's name). */
  public boolean hasCertificate() {
    return certificatePem != null && keyPem != null && kubeconfig != null;
  }

  public static HubKubeconfigSecret from(Secret secret) {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    return new HubKubeconfigSecret(
        decode(data.get("cluster-name")),
        decode(data.get("agent-name")),
        decode(data.get("kubeconfig")),
        decode(data.get("tls.crt")),
        decode(data.get("tls.key")));
  }

  Secret toSecret(String namespace) {
    Map<String, String> data = new LinkedHashMap<>();
    put(data, "cluster-name", clusterName);
    put(data, "agent-name", agentName);
    put(data, "kubeconfig", kubeconfig);
    put(data, "tls.crt", certificatePem);
    put(data, "tls.key", keyPem);
    return new SecretBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(namespace)
        .endMetadata()
        .withType("Opaque")
        .withData(data)
        .build();
  }

  private static void put(Map<String, String> data, String key, String value) {
    if (value != null) {
      data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static String decode(String value) {
    return value == null
        ? null
        : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }
}
