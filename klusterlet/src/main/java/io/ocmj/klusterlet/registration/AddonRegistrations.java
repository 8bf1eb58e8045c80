package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.addon.v1alpha1.RegistrationConfig;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials for the cluster's add-ons, as OCM's registration agent gives them: for each
 * registration in a ManagedClusterAddOn's status, a CSR for the registration's signer and subject
 * (labelled with the cluster and the add-on) is created with the agent's own hub identity; once the
 * hub approved and the signer signed it, a Secret is written in the add-on's install namespace —
 * {@code <addon>-hub-kubeconfig} (kubeconfig, tls.crt, tls.key) for {@code
 * kubernetes.io/kube-apiserver-client}, {@code <addon>-<signer, '/' as '-'>-client-cert} (tls.crt,
 * tls.key) for a custom signer — and renewed before it expires. Credentials it wrote that no
 * registration wants any more (add-on disabled, registration withdrawn, install namespace moved)
 * are deleted.
 */
final class AddonRegistrations {
  private static final Logger LOG = LoggerFactory.getLogger(AddonRegistrations.class);

  /** Marks the hub kubeconfig secrets this agent writes (the value is the add-on). */
  static final String LABEL_HUB_KUBECONFIG = "addon.ocmj.io/hub-kubeconfig";

  /** Marks the custom signers' client certificate secrets this agent writes. */
  static final String LABEL_CLIENT_CERT = "addon.ocmj.io/client-cert";

  private final io.ocmj.klusterlet.registration.RegistrationConfig config;
  private final KubernetesClient managed;
  private final HubClients hubClients;
  private final String fieldManager;

  /** Per registration ({@link Want#key()}), the CSR waiting for the hub. */
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** Per registration, the user the hub denied: not asked again until the registration changes. */
  private final Map<String, String> denied = new ConcurrentHashMap<>();

  /** Where it wrote credentials (and so looks for stale ones), the default namespace first. */
  private final Set<String> namespaces = ConcurrentHashMap.newKeySet();

  /**
   * The certificates this agent stored, per {@code <namespace>.<secret>} (SHA-256 of tls.crt as
   * stored), kept in ConfigMap {@value #STORED} of its own namespace: one it did not store —
   * planted in the shared install namespace — is replaced rather than renewed from.
   */
  private final Map<String, String> stored = new ConcurrentHashMap<>();

  static final String STORED = "addon-credentials";

  private boolean storedLoaded;

  private record Pending(String csrName, KeyPair keys, String subject) {}

  /** One registration of one add-on: its signer, subject and Secret. */
  private record Want(String addon, String ns, String signer, String user, List<String> groups) {
    String key() {
      return addon + " " + signer;
    }

    /** The subject asked for: a CSR or a denial for another one does not count. */
    String subject() {
      return user + " " + new java.util.TreeSet<>(groups == null ? List.of() : groups);
    }

    String storedKey() {
      return ns + "." + secretName();
    }

    boolean kubeClient() {
      return ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT.equals(signer);
    }

    String secretName() {
      return kubeClient()
          ? HubKubeconfigSecret.addonSecretName(addon)
          : clientCertSecretName(addon, signer);
    }

    String label() {
      return kubeClient() ? LABEL_HUB_KUBECONFIG : LABEL_CLIENT_CERT;
    }
  }

  /** How long credentials go without a look when nothing asks for one. */
  static final Duration RECHECK = Duration.ofMinutes(5);

  private Instant recheckAt = Instant.MIN;
  private Instant nextRecheck = Instant.MIN;
  private KubernetesClient lastHub;

  AddonRegistrations(
      io.ocmj.klusterlet.registration.RegistrationConfig config,
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

  /** A custom signer's client certificate Secret, as OCM names it. */
  static String clientCertSecretName(String addon, String signer) {
    return addon + "-" + signer.replace('/', '-') + "-client-cert";
  }

  /** Whether a certificate request is out (its answer is looked for at the next pass). */
  boolean waiting() {
    return !pending.isEmpty();
  }

  /**
   * Whether the credentials need a look though no add-on changed: a request is out, a certificate
   * is due for renewal, the last pass failed somewhere, the agent's own hub client changed (a new
   * address or CA for the kubeconfigs), or {@link #RECHECK} has passed.
   */
  boolean due(KubernetesClient hub, List<ManagedClusterAddOn> addons, Instant now) {
    if (hub != lastHub || waiting() || !now.isBefore(recheckAt)) {
      return true;
    }
    // A cheap look at what it wrote (one GET each, no parsing): a Secret deleted or replaced on
    // the cluster is written again at once, not after the recheck.
    for (Want w : wanted(addons)) {
      if (ownSecret(w) == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The registration's Secret when it holds a certificate and key and the certificate is the one
   * this agent stored (by fingerprint); null otherwise (missing, incomplete, planted).
   */
  private Secret ownSecret(Want w) {
    Secret secret = managed.secrets().inNamespace(w.ns()).withName(w.secretName()).get();
    if (secret == null
        || secret.getData() == null
        || secret.getData().get("tls.crt") == null
        || secret.getData().get("tls.key") == null
        || !fingerprint(secret.getData().get("tls.crt")).equals(stored.get(w.storedKey()))) {
      return null;
    }
    return secret;
  }

  /** One pass over the cluster's add-ons. */
  void sync(KubernetesClient hub, List<ManagedClusterAddOn> addons, Instant now) {
    lastHub = hub;
    // Due again at once unless the pass gets through: a failure anywhere is retried next check.
    recheckAt = now;
    nextRecheck = now.plus(RECHECK);
    boolean failed = false;
    if (!storedLoaded) {
      ConfigMap cm =
          managed.configMaps().inNamespace(config.agentNamespace()).withName(STORED).get();
      if (cm != null && cm.getData() != null) {
        stored.putAll(cm.getData());
      }
      storedLoaded = true;
    }
    List<Want> wanted = wanted(addons);
    failed |= !removeStale(wanted);
    for (Want w : wanted) {
      try {
        if (!current(w, now)) {
          request(hub, w);
        }
      } catch (RuntimeException e) { // one add-on's trouble must not stop the others
        failed = true;
        LOG.warn(
            "cluster {}: add-on {} credentials ({}): {}",
            config.clusterName(),
            w.addon(),
            w.signer(),
            e.toString(),
            // a refused request says enough; anything else is a fault worth its trace
            e instanceof KubernetesClientException ? null : e);
      }
    }
    if (!failed) {
      recheckAt = nextRecheck;
    }
  }

  private List<Want> wanted(List<ManagedClusterAddOn> addons) {
    List<Want> wanted = new ArrayList<>();
    for (ManagedClusterAddOn addon : addons) {
      if (addon.getStatus() == null) {
        continue;
      }
      String ns =
          addon.getStatus().getNamespace() == null || addon.getStatus().getNamespace().isEmpty()
              ? ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE
              : addon.getStatus().getNamespace();
      namespaces.add(ns);
      for (RegistrationConfig r : addon.getStatus().getRegistrations()) {
        if (r.getSignerName() == null
            || r.getSubject() == null
            || r.getSubject().getUser() == null
            || r.getSubject().getUser().isEmpty()) {
          continue;
        }
        wanted.add(
            new Want(
                addon.getMetadata().getName(),
                ns,
                r.getSignerName(),
                r.getSubject().getUser(),
                r.getSubject().getGroups()));
      }
    }
    return wanted;
  }

  /**
   * Deletes the credentials this agent wrote that no registration wants any more (a disabled
   * add-on's agent must lose its identity with it, not keep it until the certificate expires):
   * Secrets named and labelled as it writes them, for this cluster, in the namespaces it knows.
   */
  /** Returns whether every namespace could be looked at. */
  private boolean removeStale(List<Want> wanted) {
    boolean complete = true;
    Set<String> keep = new HashSet<>();
    Set<String> keys = new HashSet<>();
    Set<String> storedKeys = new HashSet<>();
    for (Want w : wanted) {
      keep.add(w.ns() + "/" + w.secretName());
      keys.add(w.key());
      storedKeys.add(w.storedKey());
    }
    pending.keySet().retainAll(keys);
    denied.keySet().retainAll(keys);
    if (stored.keySet().retainAll(storedKeys)) {
      saveStored();
    }
    for (String ns : namespaces) {
      for (String label : List.of(LABEL_HUB_KUBECONFIG, LABEL_CLIENT_CERT)) {
        try {
          for (Secret secret :
              managed
                  .secrets()
                  .inNamespace(ns)
                  .withLabel(label)
                  .withLabel(ManagedCluster.LABEL_CLUSTER_NAME, config.clusterName())
                  .list()
                  .getItems()) {
            String addon = secret.getMetadata().getLabels().get(label);
            String name = secret.getMetadata().getName();
            boolean ours =
                LABEL_HUB_KUBECONFIG.equals(label)
                    ? name.equals(secretName(addon))
                    : name.startsWith(addon + "-") && name.endsWith("-client-cert");
            if (ours && !keep.contains(ns + "/" + name)) {
              managed.resource(secret).delete();
              LOG.info(
                  "cluster {}: add-on {} no longer has this registration; deleted {}/{}",
                  config.clusterName(),
                  addon,
                  ns,
                  name);
            }
          }
        } catch (RuntimeException e) {
          complete = false;
          LOG.warn(
              "cluster {}: stale add-on credentials in {} not removed: {}",
              config.clusterName(),
              ns,
              e.toString());
        }
      }
    }
    return complete;
  }

  /**
   * Whether the registration's secret holds a certificate for its user not yet due for renewal (one
   * that does not parse is replaced); a hub kubeconfig is brought up to the hub's current address
   * and CA.
   */
  private boolean current(Want w, Instant now) {
    Secret secret = ownSecret(w);
    if (secret == null) {
      return false;
    }
    X509Certificate cert;
    try {
      cert = AgentCertificates.parse(decode(secret.getData().get("tls.crt")));
    } catch (RuntimeException e) {
      return false;
    }
    Instant rotation = AgentCertificates.rotationTime(cert, config.renewBefore());
    if (!AgentCertificates.commonName(cert).equals(w.user()) || !now.isBefore(rotation)) {
      return false;
    }
    if (rotation.isBefore(nextRecheck)) {
      nextRecheck = rotation;
    }
    if (w.kubeClient()) {
      // Still valid, but the hub's address or CA may have moved since (CA rollover,
      // rebootstrap): the kubeconfig follows the cluster's own identity, as the agent's does.
      String certificate = decode(secret.getData().get("tls.crt"));
      String key = decode(secret.getData().get("tls.key"));
      String kubeconfig = secret.getData().get("kubeconfig");
      if (kubeconfig == null
          || !decode(kubeconfig)
              .equals(hubClients.kubeconfigFor(config.clusterName(), certificate, key))) {
        store(w, certificate, key);
      }
    }
    return true;
  }

  private static String fingerprint(String value) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Writes what it stored to its ConfigMap (all of it: server-side apply drops what is left out).
   */
  private void saveStored() {
    managed
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(STORED)
                .withNamespace(config.agentNamespace())
                .endMetadata()
                .withData(new java.util.TreeMap<>(stored))
                .build())
        .fieldManager(fieldManager)
        .forceConflicts()
        .serverSideApply();
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private void request(KubernetesClient hub, Want w) {
    Pending p = pending.get(w.key());
    if (p != null && !p.subject().equals(w.subject())) {
      p = null; // the registration changed: a request for the old subject is of no use
    }
    if (p == null && w.subject().equals(denied.get(w.key()))) {
      return; // denied for this subject: asking again would be refused again
    }
    if (p == null) {
      KeyPair keys = AgentCertificates.newKeyPair();
      String request = AgentCertificates.request(w.user(), w.groups(), keys);
      CertificateSigningRequest csr =
          hub.certificates()
              .v1()
              .certificateSigningRequests()
              .resource(
                  AgentCertificates.csr(
                      "addon-" + config.clusterName() + "-" + w.addon() + "-",
                      Map.of(
                          ManagedCluster.LABEL_CLUSTER_NAME,
                          config.clusterName(),
                          ManagedClusterAddOn.LABEL_ADDON_NAME,
                          w.addon()),
                      w.signer(),
                      request,
                      config.certificateLifetime()))
              .create();
      p = new Pending(csr.getMetadata().getName(), keys, w.subject());
      pending.put(w.key(), p);
      LOG.info(
          "cluster {}: requested credentials for add-on {} from {} (CSR {})",
          config.clusterName(),
          w.addon(),
          w.signer(),
          p.csrName());
    }
    CertificateSigningRequest csr =
        hub.certificates().v1().certificateSigningRequests().withName(p.csrName()).get();
    if (csr == null) {
      pending.remove(w.key());
      return;
    }
    String issued = csr.getStatus() == null ? null : csr.getStatus().getCertificate();
    if (issued == null || issued.isEmpty()) {
      if (csr.getStatus() != null
          && csr.getStatus().getConditions() != null
          && csr.getStatus().getConditions().stream()
              .anyMatch(c -> List.of("Denied", "Failed").contains(c.getType()))) {
        pending.remove(w.key());
        if (csr.getStatus().getConditions().stream().anyMatch(c -> "Denied".equals(c.getType()))) {
          denied.put(w.key(), p.subject());
          LOG.warn(
              "cluster {}: the hub denied credentials for add-on {} ({})",
              config.clusterName(),
              w.addon(),
              p.csrName());
        }
      }
      return;
    }
    if (managed.namespaces().withName(w.ns()).get() == null) {
      return; // the add-on's own manifests make its namespace; wait for them
    }
    store(w, decode(issued), AgentCertificates.pem(p.keys().getPrivate()));
    pending.remove(w.key());
  }

  /** Writes the registration's Secret: tls.crt and tls.key, and a kubeconfig for the hub's. */
  private void store(Want w, String certificate, String key) {
    namespaces.add(w.ns());
    SecretBuilder secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(w.secretName())
            .withNamespace(w.ns())
            .addToLabels(ManagedClusterAddOn.LABEL_ADDON_NAME, w.addon())
            .addToLabels(w.label(), w.addon())
            .addToLabels(ManagedCluster.LABEL_CLUSTER_NAME, config.clusterName())
            .endMetadata()
            .addToStringData("tls.crt", certificate)
            .addToStringData("tls.key", key);
    if (w.kubeClient()) {
      secret.addToStringData(
          "kubeconfig", hubClients.kubeconfigFor(config.clusterName(), certificate, key));
    }
    Secret written =
        managed
            .resource(secret.build())
            .fieldManager(fieldManager)
            .forceConflicts()
            .serverSideApply();
    stored.put(w.storedKey(), fingerprint(written.getData().get("tls.crt")));
    saveStored();
    LOG.info(
        "cluster {}: stored credentials of add-on {} ({}) in {}/{}",
        config.clusterName(),
        w.addon(),
        w.signer(),
        w.ns(),
        w.secretName());
  }
}
