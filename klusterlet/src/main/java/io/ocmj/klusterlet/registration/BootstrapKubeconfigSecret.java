package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * OCM's {@code bootstrap-hub-kubeconfig} secret (key {@code kubeconfig}) in the agent namespace:
 * how the agent reaches the hub before it has its own certificate. Writing a new one (for example
 * with the hub's new CA bundle) is how bootstrap material is re-issued to a running agent: it
 * adopts the new server and trust on its next pass.
 */
public final class BootstrapKubeconfigSecret {
  public static final String NAME = "bootstrap-hub-kubeconfig";
  public static final String KEY = "kubeconfig";

  private BootstrapKubeconfigSecret() {}

  /** The kubeconfig in the secret, if the secret exists and has one. */
  static Optional<String> read(KubernetesClient managed, String namespace) {
    Secret secret = managed.secrets().inNamespace(namespace).withName(NAME).get();
    if (secret == null || secret.getData() == null || secret.getData().get(KEY) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new String(Base64.getDecoder().decode(secret.getData().get(KEY)), StandardCharsets.UTF_8));
  }

  /** Creates or replaces the secret (and its namespace) with {@code kubeconfig}. */
  public static void write(
      KubernetesClient managed, String namespace, String kubeconfig, String fieldManager) {
    managed
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .fieldManager(fieldManager)
        .forceConflicts()
        .serverSideApply();
    managed
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(namespace)
                .endMetadata()
                .withType("Opaque")
                .addToData(
                    KEY,
                    Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)))
                .build())
        .fieldManager(fieldManager)
        .forceConflicts()
        .serverSideApply();
  }
}
