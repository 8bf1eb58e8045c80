package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hub credentials for the cluster's add-ons, as OCM's registration agent gives them: for each
 * ManagedClusterAddOn whose status has a {@code kubernetes.io/kube-apiserver-client} registration,
 * a CSR for the registration's subject (labelled with the cluster and the add-on) is created with
 * the agent's own hub identity; once the hub approved and signed it, Secret {@code
 * <addon>-hub-kubeconfig} (kubeconfig, tls.crt, tls.key) is written in the add-on's install
 * namespace, and renewed before it expires.
 */
final class AddonRegistrations {
  private static final Logger LOG = LoggerFactory.getLogger(AddonRegistrations.class);

  private final RegistrationConfig config;
  private final KubernetesClient managed;
  private final HubClients hubClients;
  private final String fieldManager;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** Where it wrote credentials (and so looks for stale ones), the default namespace first. */
  private final Set<String> namespaces = ConcurrentHashMap.newKeySet();

  /** Per add-on, the user the hub denied: not asked again until the registration changes. */
  private final Map<String, String> denied = new ConcurrentHashMap<>();

  /** Marks the secrets this agent writes (the only ones it deletes). */
  static final String LABEL_HUB_KUBECONFIG = "addon.ocmj.io/hub-kubeconfig";

  private record Pending(String csrName, KeyPair keys, String user) {}

  AddonRegistrations(
      RegistrationConfig config,
      KubernetesClient managed,
      HubClients hubClients,
      String fieldManager) {
    this.config = config;
    this.managed = managed;
    this.hubClients = hubClients;
    this.fieldManager = fieldManager;
    namespaces.add(ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE);
  }

  static String secretName(String addon) {
    return HubKubeconfigSecret.addonSecretName(addon);
  }

  /** One pass over the cluster's add-ons. */
  void sync(KubernetesClient hub, List<ManagedClusterAddOn> addons, Instant now) {
    removeOrphans(addons);
    for (ManagedClusterAddOn addon : addons) {
      String name = addon.getMetadata().getName();
      io.ocmj.api.addon.v1alpha1.RegistrationConfig registration =
          addon.getStatus() == null
              ? null
              : addon.getStatus().getRegistrations().stream()
                  .filter(
                      r ->
                          ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT.equals(
                              r.getSignerName()))
                  .findFirst()
                  .orElse(null);
      String ns =
          addon.getStatus() == null
                  || addon.getStatus().getNamespace() == null
                  || addon.getStatus().getNamespace().isEmpty()
              ? ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE
              : addon.getStatus().getNamespace();
      if (registration == null || registration.getSubject() == null) {
        pending.remove(name);
        try {
          // No registration any more: the credentials go too (only the secret this agent wrote).
          Secret secret = managed.secrets().inNamespace(ns).withName(secretName(name)).get();
          if (secret != null
              && secret.getMetadata().getLabels() != null
              && name.equals(secret.getMetadata().getLabels().get(LABEL_HUB_KUBECONFIG))) {
            managed.resource(secret).delete();
          }
        } catch (RuntimeException e) {
          LOG.warn(
              "cluster {}: add-on {} credentials not removed: {}",
              config.clusterName(),
              name,
              e.toString());
        }
        continue;
      }
      try {
        if (current(ns, name, registration.getSubject().getUser(), now)) {
          continue;
        }
        request(hub, name, ns, registration);
      } catch (RuntimeException e) { // one add-on's trouble must not stop the others
        LOG.warn("cluster {}: add-on {} credentials: {}", config.clusterName(), name, e.toString());
      }
    }
  }

  /**
   * Deletes the credentials this agent wrote for add-ons the cluster no longer has (a disabled
   * add-on's agent must lose its hub identity with it, not keep it until the certificate expires):
   * Secrets named and labelled as it writes them, for this cluster, in the default install
   * namespace and the namespaces it wrote to since it started.
   */
  private void removeOrphans(List<ManagedClusterAddOn> addons) {
    Set<String> present =
        addons.stream().map(a -> a.getMetadata().getName()).collect(Collectors.toSet());
    try {
      List<Secret> written = new java.util.ArrayList<>();
      for (String ns : namespaces) {
        written.addAll(
            managed
                .secrets()
                .inNamespace(ns)
                .withLabel(LABEL_HUB_KUBECONFIG)
                .withLabel(ManagedCluster.LABEL_CLUSTER_NAME, config.clusterName())
                .list()
                .getItems());
      }
      for (Secret secret : written) {
        String addon = secret.getMetadata().getLabels().get(LABEL_HUB_KUBECONFIG);
        if (!present.contains(addon) && secret.getMetadata().getName().equals(secretName(addon))) {
          managed.resource(secret).delete();
          pending.remove(addon);
          denied.remove(addon);
          LOG.info(
              "cluster {}: add-on {} is gone; deleted its hub credentials {}/{}",
              config.clusterName(),
              addon,
              secret.getMetadata().getNamespace(),
              secret.getMetadata().getName());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "cluster {}: stale add-on credentials not removed: {}",
          config.clusterName(),
          e.toString());
    }
  }

  /**
   * Whether the add-on's secret holds a certificate for the registered user not yet due for renewal
   * (one that does not parse is replaced).
   */
  private boolean current(String ns, String addon, String user, Instant now) {
    Secret secret = managed.secrets().inNamespace(ns).withName(secretName(addon)).get();
    if (secret == null || secret.getData() == null || secret.getData().get("tls.crt") == null) {
      return false;
    }
    X509Certificate cert;
    try {
      cert =
          AgentCertificates.parse(
              new String(
                  Base64.getDecoder().decode(secret.getData().get("tls.crt")),
                  StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return false;
    }
    if (!AgentCertificates.commonName(cert).equals(user)
        || !now.isBefore(AgentCertificates.rotationTime(cert, config.renewBefore()))
        || secret.getData().get("tls.key") == null) {
      return false;
    }
    // Still valid, but the hub's address or CA may have moved since (CA rollover, rebootstrap):
    // the kubeconfig follows the cluster's own identity, as the agent's does.
    String certificate = decode(secret.getData().get("tls.crt"));
    String key = decode(secret.getData().get("tls.key"));
    String kubeconfig = secret.getData().get("kubeconfig");
    if (kubeconfig == null
        || !decode(kubeconfig)
            .equals(hubClients.kubeconfigFor(config.clusterName(), certificate, key))) {
      store(addon, ns, certificate, key);
    }
    return true;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private void request(
      KubernetesClient hub,
      String addon,
      String ns,
      io.ocmj.api.addon.v1alpha1.RegistrationConfig registration) {
    Pending p = pending.get(addon);
    if (p != null && !p.user().equals(registration.getSubject().getUser())) {
      p = null; // the registration changed: a request for the old subject is of no use
    }
    if (p == null && registration.getSubject().getUser().equals(denied.get(addon))) {
      return; // denied for this subject: asking again would be refused again
    }
    if (p == null) {
      KeyPair keys = AgentCertificates.newKeyPair();
      String request =
          AgentCertificates.request(
              registration.getSubject().getUser(), registration.getSubject().getGroups(), keys);
      CertificateSigningRequest csr =
          hub.certificates()
              .v1()
              .certificateSigningRequests()
              .resource(
                  AgentCertificates.csr(
                      "addon-" + config.clusterName() + "-" + addon + "-",
                      Map.of(
                          ManagedCluster.LABEL_CLUSTER_NAME,
                          config.clusterName(),
                          ManagedClusterAddOn.LABEL_ADDON_NAME,
                          addon),
                      request,
                      config.certificateLifetime()))
              .create();
      p = new Pending(csr.getMetadata().getName(), keys, registration.getSubject().getUser());
      pending.put(addon, p);
      LOG.info(
          "cluster {}: requested hub credentials for add-on {} (CSR {})",
          config.clusterName(),
          addon,
          p.csrName());
    }
    CertificateSigningRequest csr =
        hub.certificates().v1().certificateSigningRequests().withName(p.csrName()).get();
    if (csr == null) {
      pending.remove(addon);
      return;
    }
    String issued = csr.getStatus() == null ? null : csr.getStatus().getCertificate();
    if (issued == null || issued.isEmpty()) {
      if (csr.getStatus() != null
          && csr.getStatus().getConditions() != null
          && csr.getStatus().getConditions().stream()
              .anyMatch(c -> List.of("Denied", "Failed").contains(c.getType()))) {
        pending.remove(addon);
        if (csr.getStatus().getConditions().stream().anyMatch(c -> "Denied".equals(c.getType()))) {
          denied.put(addon, p.user());
          LOG.warn(
              "cluster {}: the hub denied credentials for add-on {} ({})",
              config.clusterName(),
              addon,
              p.csrName());
        }
      }
      return;
    }
    if (managed.namespaces().withName(ns).get() == null) {
      return; // the add-on's own manifests make its namespace; wait for them
    }
    String certificate = decode(issued);
    String key = AgentCertificates.pem(p.keys().getPrivate());
    store(addon, ns, certificate, key);
    pending.remove(addon);
  }

  /** Writes the add-on's credentials Secret (kubeconfig, tls.crt, tls.key). */
  private void store(String addon, String ns, String certificate, String key) {
    namespaces.add(ns);
    managed
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(secretName(addon))
                .withNamespace(ns)
                .addToLabels(ManagedClusterAddOn.LABEL_ADDON_NAME, addon)
                .addToLabels(LABEL_HUB_KUBECONFIG, addon)
                .addToLabels(ManagedCluster.LABEL_CLUSTER_NAME, config.clusterName())
                .endMetadata()
                .addToStringData(
                    "kubeconfig", hubClients.kubeconfigFor(config.clusterName(), certificate, key))
                .addToStringData("tls.crt", certificate)
                .addToStringData("tls.key", key)
                .build())
        .fieldManager(fieldManager)
        .forceConflicts()
        .serverSideApply();
    LOG.info(
        "cluster {}: stored hub credentials of add-on {} in {}/{}",
        config.clusterName(),
        addon,
        ns,
        secretName(addon));
  }
}
