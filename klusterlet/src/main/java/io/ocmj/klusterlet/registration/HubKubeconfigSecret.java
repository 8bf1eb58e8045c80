package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The agent's hub credentials as OCM stores them on the managed cluster: Secret {@code
 * hub-kubeconfig-secret} with keys {@code kubeconfig}, {@code tls.crt}, {@code tls.key}, {@code
 * cluster-name} and {@code agent-name}. Values are PEM / YAML text; absent ones are null.
 */
public record HubKubeconfigSecret(
    String clusterName, String agentName, String kubeconfig, String certificatePem, String keyPem) {
  public static final String NAME = "hub-kubeconfig-secret";

  /** An add-on's hub credentials, in its install namespace (OCM's name for them). */
  public static String addonSecretName(String addon) {
    return addon + "-hub-kubeconfig";
  }

  /** Whether it holds a client certificate (not just the agent's name). */
  public boolean hasCertificate() {
    return certificatePem != null && keyPem != null && kubeconfig != null;
  }

  /** The agent's secret, created with its (random, then stable) agent name on first use. */
  static HubKubeconfigSecret ensure(
      KubernetesClient managed, RegistrationConfig config, String fieldManager) {
    Secret secret = managed.secrets().inNamespace(config.agentNamespace()).withName(NAME).get();
    if (secret != null) {
      HubKubeconfigSecret existing = from(secret);
      if (existing.agentName() != null) {
        return existing;
      }
    }
    if (managed.namespaces().withName(config.agentNamespace()).get() == null) {
      managed
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(config.agentNamespace())
                  .endMetadata()
                  .build())
          .serverSideApply();
    }
    HubKubeconfigSecret fresh =
        new HubKubeconfigSecret(
            config.clusterName(), UUID.randomUUID().toString().substring(0, 8), null, null, null);
    managed
        .resource(fresh.toSecret(config.agentNamespace()))
        .fieldManager(fieldManager)
        .forceConflicts()
        .serverSideApply();
    return fresh;
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
