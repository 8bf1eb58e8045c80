package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an add-on's hub kubeconfig (Secret {@code <addon>-hub-kubeconfig}, in an install
 * namespace other add-ons may write to) is the one the cluster's registration agent would have
 * written, before an agent that may act on the whole cluster uses it: the hub server and CA of the
 * cluster's own identity ({@code hub-kubeconfig-secret} in the agent namespace), a client
 * certificate and key given inline for the add-on's OCM subject, and nothing a kubeconfig could
 * make the client run or read (exec and auth-provider plugins, tokens, files, basic auth, skipping
 * TLS verification).
 */
public final class AddonIdentity {
  private AddonIdentity() {}

  /**
   * The problem with the add-on's kubeconfig, or empty when it can be used.
   *
   * @param managed the managed cluster
   * @param agentNamespace the registration agent's namespace (its own hub identity)
   * @param cluster the cluster's name on the hub
   * @param addon the add-on
   * @param kubeconfig the add-on's kubeconfig
   */
  public static Optional<String> problem(
      KubernetesClient managed,
      String agentNamespace,
      String cluster,
      String addon,
      String kubeconfig) {
    Secret own =
        managed.secrets().inNamespace(agentNamespace).withName(HubKubeconfigSecret.NAME).get();
    HubKubeconfigSecret identity = own == null ? null : HubKubeconfigSecret.from(own);
    if (identity == null || identity.kubeconfig() == null) {
      return Optional.of(
          "the cluster has not joined a hub yet (no " + HubKubeconfigSecret.NAME + ")");
    }
    return problem(identity.kubeconfig(), cluster, addon, kubeconfig);
  }

  /** As above, given the registration agent's own kubeconfig. */
  static Optional<String> problem(
      String agentKubeconfig, String cluster, String addon, String kubeconfig) {
    Current hub;
    Current candidate;
    try {
      hub = current(agentKubeconfig);
      candidate = current(kubeconfig);
    } catch (RuntimeException e) {
      return Optional.of("not a kubeconfig: " + e.getMessage());
    }
    if (candidate == null || hub == null) {
      return Optional.of("no current context with a cluster and a user");
    }
    Cluster c = candidate.cluster();
    if (!Objects.equals(c.getServer(), hub.cluster().getServer())
        || !Objects.equals(
            c.getCertificateAuthorityData(), hub.cluster().getCertificateAuthorityData())
        || c.getCertificateAuthority() != null
        || Boolean.TRUE.equals(c.getInsecureSkipTlsVerify())
        || c.getProxyUrl() != null) {
      return Optional.of("its server or CA is not the hub's this cluster joined");
    }
    AuthInfo user = candidate.user();
    if (user.getExec() != null
        || user.getAuthProvider() != null
        || user.getToken() != null
        || user.getTokenFile() != null
        || user.getUsername() != null
        || user.getPassword() != null
        || user.getClientCertificate() != null
        || user.getClientKey() != null
        || user.getAs() != null
        || (user.getAsGroups() != null && !user.getAsGroups().isEmpty())
        || user.getClientCertificateData() == null
        || user.getClientKeyData() == null) {
      return Optional.of("its user is not an inline client certificate and key alone");
    }
    String expected =
        ManagedClusterAddOn.agentUser(cluster, addon, ManagedClusterAddOn.DEFAULT_AGENT_NAME);
    try {
      X509Certificate cert =
          AgentCertificates.parse(
              new String(
                  Base64.getDecoder().decode(user.getClientCertificateData()),
                  StandardCharsets.UTF_8));
      if (!AgentCertificates.commonName(cert).equals(expected)) {
        return Optional.of("its certificate is not for " + expected);
      }
    } catch (RuntimeException e) {
      return Optional.of("its client certificate does not parse: " + e.getMessage());
    }
    return Optional.empty();
  }

  private record Current(Cluster cluster, AuthInfo user) {}

  private static Current current(String kubeconfig) {
    Config config = Serialization.unmarshal(kubeconfig, Config.class);
    if (config == null || config.getCurrentContext() == null) {
      return null;
    }
    Context context =
        first(config.getContexts(), NamedContext::getName, config.getCurrentContext())
            .map(NamedContext::getContext)
            .orElse(null);
    if (context == null) {
      return null;
    }
    Cluster cluster =
        first(config.getClusters(), NamedCluster::getName, context.getCluster())
            .map(NamedCluster::getCluster)
            .orElse(null);
    AuthInfo user =
        first(config.getUsers(), NamedAuthInfo::getName, context.getUser())
            .map(NamedAuthInfo::getUser)
            .orElse(null);
    return cluster == null || user == null ? null : new Current(cluster, user);
  }

  private static <T> Optional<T> first(
      List<T> items, java.util.function.Function<T, String> name, String wanted) {
    return items == null
        ? Optional.empty()
        : items.stream().filter(i -> Objects.equals(name.apply(i), wanted)).findFirst();
  }
}
