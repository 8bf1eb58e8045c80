package io.ocmj.klusterlet.registration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Keys, PKCS#10 requests and certificate lifetimes of an agent identity. */
final class AgentCertificates {
  static final String PREFIX = "system:open-cluster-management:";

  private AgentCertificates() {}

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available in this JVM", e);
    }
  }

  /** PEM of a request for {@code system:open-cluster-management:<cluster>:<agent>}. */
  static String request(String cluster, String agent, KeyPair keys) {
    return request(
        PREFIX + cluster + ":" + agent,
        List.of(PREFIX + cluster, PREFIX + "managed-clusters"),
        keys);
  }

  /** PEM of a request for this common name (user) and these organisations (groups). */
  static String request(String commonName, List<String> organizations, KeyPair keys) {
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    // As values, not strings: BCStyle would refuse a common name over 64 characters (RFC 5280's
    // upper bound), and OCM's add-on identities are longer; Kubernetes takes them as they are.
    organizations.forEach(o -> subject.addRDN(BCStyle.O, new DERUTF8String(o)));
    subject.addRDN(BCStyle.CN, new DERUTF8String(commonName));
    try {
      return pem(
          new JcaPKCS10CertificationRequestBuilder(subject.build(), keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign the certificate request", e);
    }
  }

  /** A client-certificate CSR (signer kube-apiserver-client) for this PEM request. */
  static io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest csr(
      String generateName,
      java.util.Map<String, String> labels,
      String requestPem,
      Duration lifetime) {
    return csr(generateName, labels, "kubernetes.io/kube-apiserver-client", requestPem, lifetime);
  }

  /** A client-certificate CSR of this signer for this PEM request. */
  static io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest csr(
      String generateName,
      java.util.Map<String, String> labels,
      String signerName,
      String requestPem,
      Duration lifetime) {
    return new io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder()
        .withNewMetadata()
        .withGenerateName(generateName)
        .addToLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withSignerName(signerName)
        .withExpirationSeconds(lifetime == null ? null : (int) lifetime.toSeconds())
        .withUsages("client auth", "digital signature", "key encipherment")
        .withRequest(
            java.util.Base64.getEncoder()
                .encodeToString(requestPem.getBytes(StandardCharsets.UTF_8)))
        .endSpec()
        .build();
  }

  static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static X509Certificate parse(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
    }
  }

  /** The certificate's one common name, or "" when it has none or several. */
  static String commonName(X509Certificate cert) {
    RDN[] cns =
        X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
    if (cns.length != 1 || cns[0].isMultiValued()) {
      return "";
    }
    return cns[0].getFirst().getValue() instanceof ASN1String value ? value.getString() : "";
  }

  /**
   * When the certificate should be replaced: {@code renewBefore} ahead of its expiry, or, when that
   * is null, after 80 % of its lifetime (OCM's rule, without its jitter).
   */
  static Instant rotationTime(X509Certificate cert, Duration renewBefore) {
    Instant from = cert.getNotBefore().toInstant();
    Instant to = cert.getNotAfter().toInstant();
    if (renewBefore != null) {
      return to.minus(renewBefore);
    }
    return from.plusMillis(Duration.between(from, to).toMillis() * 4 / 5);
  }
}
