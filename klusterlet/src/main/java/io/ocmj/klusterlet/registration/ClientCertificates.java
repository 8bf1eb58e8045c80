package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's client certificate for the hub: requested with a CSR (with the bootstrap identity
 * first, then with the current certificate to rotate it), stored in {@code hub-kubeconfig-secret}
 * together with a kubeconfig whose server and CA follow the bootstrap kubeconfig.
 */
final class ClientCertificates {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCertificates.class);

  private final RegistrationConfig config;
  private final KubernetesClient managed;
  private final HubClients hubClients;
  private final String fieldManager;
  private Pending pending;

  /** A certificate request in flight and the key it is for. */
  private record Pending(String csrName, KeyPair keys, boolean renewal) {}

  ClientCertificates(
      RegistrationConfig config,
      KubernetesClient managed,
      HubClients hubClients,
      String fieldManager) {
    this.config = config;
    this.managed = managed;
    this.hubClients = hubClients;
    this.fieldManager = fieldManager;
  }

  /** Whether a bootstrap CSR is waiting for the hub's approval. */
  boolean waitingForApproval() {
    return pending != null && !pending.renewal();
  }

  String pendingName() {
    return pending == null ? null : pending.csrName();
  }

  /** Creates or follows a CSR; returns ZERO once a new certificate was stored. */
  Duration request(KubernetesClient via, HubKubeconfigSecret secret, boolean renewal) {
    if (pending == null || pending.renewal() != renewal) {
      KeyPair keys = AgentCertificates.newKeyPair();
      CertificateSigningRequest csr =
          via.certificates()
              .v1()
              .certificateSigningRequests()
              .resource(csr(secret.agentName(), keys))
              .create();
      pending = new Pending(csr.getMetadata().getName(), keys, renewal);
      LOG.info(
          "cluster {}: requested a client certificate (CSR {}, {})",
          config.clusterName(),
          pending.csrName(),
          renewal ? "renewal" : "bootstrap");
    }
    CertificateSigningRequest csr =
        via.certificates().v1().certificateSigningRequests().withName(pending.csrName()).get();
    if (csr == null) {
      pending = null;
      return config.retry();
    }
    String issued = csr.getStatus() == null ? null : csr.getStatus().getCertificate();
    if (issued != null && !issued.isEmpty()) {
      store(
          secret,
          new String(Base64.getDecoder().decode(issued), StandardCharsets.UTF_8),
          AgentCertificates.pem(pending.keys().getPrivate()));
      pending = null;
      return Duration.ZERO;
    }
    if (csr.getStatus() != null
        && csr.getStatus().getConditions() != null
        && csr.getStatus().getConditions().stream()
            .anyMatch(c -> List.of("Denied", "Failed").contains(c.getType()))) {
      LOG.warn(
          "cluster {}: CSR {} was denied or failed; requesting a new one",
          config.clusterName(),
          pending.csrName());
      pending = null;
    }
    return config.retry();
  }

  /**
   * Keeps the secret's kubeconfig in step with the bootstrap kubeconfig's server and CA bundle (a
   * re-issued bootstrap secret brings the hub's new CA): the certificate and key stay.
   */
  HubKubeconfigSecret adoptHubTrust(HubKubeconfigSecret secret) {
    String expected =
        hubClients.kubeconfigFor(config.clusterName(), secret.certificatePem(), secret.keyPem());
    if (expected.equals(secret.kubeconfig())) {
      return secret;
    }
    LOG.info(
        "cluster {}: {} now uses the hub server and CA bundle of {}",
        config.clusterName(),
        HubKubeconfigSecret.NAME,
        BootstrapKubeconfigSecret.NAME);
    return store(secret, secret.certificatePem(), secret.keyPem());
  }

  private CertificateSigningRequest csr(String agentName, KeyPair keys) {
    String request = AgentCertificates.request(config.clusterName(), agentName, keys);
    return AgentCertificates.csr(
        config.clusterName() + "-",
        java.util.Map.of(ManagedCluster.LABEL_CLUSTER_NAME, config.clusterName()),
        request,
        config.certificateLifetime());
  }

  private HubKubeconfigSecret store(
      HubKubeconfigSecret secret, String certificatePem, String keyPem) {
    String kubeconfig = hubClients.kubeconfigFor(config.clusterName(), certificatePem, keyPem);
    HubKubeconfigSecret updated =
        new HubKubeconfigSecret(
            config.clusterName(), secret.agentName(), kubeconfig, certificatePem, keyPem);
    managed
        .resource(updated.toSecret(config.agentNamespace()))
        .fieldManager(fieldManager)
        .forceConflicts()
        .serverSideApply();
    X509Certificate cert = AgentCertificates.parse(certificatePem);
    LOG.info(
        "cluster {}: stored client certificate {} valid until {}",
        config.clusterName(),
        cert.getSubjectX500Principal().getName(),
        cert.getNotAfter().toInstant());
    return updated;
  }
}
