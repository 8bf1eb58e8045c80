package io.ocmj.hub.registration;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.testing.CertificateAuthority;
import io.ocmj.testing.TestCluster;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** A cluster agent's key and certificate request, made the way OCM's agent makes them. */
record AgentIdentity(String csrName, KeyPair keys) {
  /**
   * Submits a CSR (through {@code asUser}) labelled {@code labelCluster} for {@code cnCluster}'s
   * identity.
   */
  static AgentIdentity request(KubernetesClient asUser, String labelCluster, String cnCluster) {
    KeyPair keys = CertificateAuthority.newKeyPair();
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    subject.addRDN(BCStyle.O, ClusterIdentity.group(cnCluster));
    subject.addRDN(BCStyle.O, ClusterIdentity.MANAGED_CLUSTERS_GROUP);
    subject.addRDN(BCStyle.CN, ClusterIdentity.user(cnCluster, "agent1"));
    String pem;
    try {
      pem =
          CertificateAuthority.pem(
              new JcaPKCS10CertificationRequestBuilder(subject.build(), keys.getPublic())
                  .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
    CertificateSigningRequest csr =
        asUser
            .certificates()
            .v1()
            .certificateSigningRequests()
            .resource(
                new CertificateSigningRequestBuilder()
                    .withNewMetadata()
                    .withGenerateName(labelCluster + "-")
                    .addToLabels(CsrDecision.LABEL_CLUSTER_NAME, labelCluster)
                    .endMetadata()
                    .withNewSpec()
                    .withSignerName(CsrDecision.SIGNER)
                    .withUsages("client auth", "digital signature", "key encipherment")
                    .withRequest(
                        Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)))
                    .endSpec()
                    .build())
            .create();
    return new AgentIdentity(csr.getMetadata().getName(), keys);
  }

  /** The CSR as the hub sees it now. */
  CertificateSigningRequest csr(KubernetesClient admin) {
    return admin.certificates().v1().certificateSigningRequests().withName(csrName).get();
  }

  boolean approved(KubernetesClient admin) {
    CertificateSigningRequest csr = csr(admin);
    return csr.getStatus() != null
        && csr.getStatus().getConditions() != null
        && csr.getStatus().getConditions().stream().anyMatch(c -> "Approved".equals(c.getType()));
  }

  /** Waits for the signed certificate and returns a client (closed by the caller) using it. */
  KubernetesClient awaitClient(TestCluster hub) {
    String certificate =
        await("certificate of CSR " + csrName)
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> csr(hub.client()).getStatus().getCertificate(),
                c -> c != null && !c.isEmpty());
    String certPem = new String(Base64.getDecoder().decode(certificate), StandardCharsets.UTF_8);
    return hub.clientWithCertificate(certPem, CertificateAuthority.pem(keys.getPrivate()));
  }
}
