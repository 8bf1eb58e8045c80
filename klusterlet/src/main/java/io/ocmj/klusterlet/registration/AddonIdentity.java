package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/**
 * An add-on's hub identity for an agent that may act on the whole cluster, taken from Secret {@code
 * <addon>-hub-kubeconfig} in an install namespace other add-ons may write to: only its client
 * certificate and key are used (tls.crt, tls.key), and only when the certificate is for the
 * add-on's OCM subject on this cluster; the hub's address and CA come from the cluster's own
 * identity ({@code hub-kubeconfig-secret} in the agent namespace). The Secret's kubeconfig is never
 * read, so nothing in it (exec or auth-provider plugins, tokens, files, other servers, proxies) can
 * take effect.
 */
public final class AddonIdentity {
  private AddonIdentity() {}

  /**
   * Reads add-on identities for the agent of {@code addon} on {@code cluster}.
   *
   * @param klusterletNamespace where the registration agent keeps its own hub identity
   */
  public static HubSession.IdentityReader reader(
      KubernetesClient managed, String klusterletNamespace, String cluster, String addon) {
    return secret -> {
      Secret own =
          managed
              .secrets()
              .inNamespace(klusterletNamespace)
              .withName(HubKubeconfigSecret.NAME)
              .get();
      HubKubeconfigSecret identity = own == null ? null : HubKubeconfigSecret.from(own);
      if (identity == null || identity.kubeconfig() == null) {
        return Optional.empty(); // the cluster has not joined a hub yet
      }
      return Optional.of(
          identity(Config.fromKubeconfig(identity.kubeconfig()), cluster, addon, secret));
    };
  }

  /**
   * The identity from the add-on's Secret, with the hub's address and CA from {@code hub}.
   *
   * @throws IllegalArgumentException when the Secret holds no certificate for the add-on's subject
   */
  static HubSession.Identity identity(Config hub, String cluster, String addon, Secret secret) {
    String crt = secret.getData() == null ? null : secret.getData().get("tls.crt");
    String key = secret.getData() == null ? null : secret.getData().get("tls.key");
    if (crt == null || key == null) {
      throw new IllegalArgumentException("it has no tls.crt and tls.key");
    }
    String expected =
        ManagedClusterAddOn.agentUser(cluster, addon, ManagedClusterAddOn.DEFAULT_AGENT_NAME);
    X509Certificate cert;
    try {
      cert =
          AgentCertificates.parse(
              new String(Base64.getDecoder().decode(crt), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("its tls.crt does not parse: " + e.getMessage(), e);
    }
    if (!AgentCertificates.commonName(cert).equals(expected)) {
      throw new IllegalArgumentException("its certificate is not for " + expected);
    }
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(hub.getMasterUrl())
            .withCaCertData(hub.getCaCertData())
            .withClientCertData(crt)
            .withClientKeyData(key)
            .build();
    return new HubSession.Identity(
        hub.getMasterUrl() + "\n" + hub.getCaCertData() + "\n" + crt + "\n" + key, config);
  }
}
