package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.hub.Pem;
import io.ocmj.hub.addon.CustomSigner;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The hub signing add-on agents' client certificates for their custom signers (OCM's {@code
 * CustomSigner} registration, where the add-on's manager signs): with the CA in the Secret the
 * registration names (tls.crt, tls.key, PEM), for the request's subject and key, for client auth
 * only, not beyond the CA's own expiry. BouncyCastle builds the certificate.
 */
public final class AddonSigning {
  /** When the CSR asks for no lifetime, and the most it gets: a year. */
  static final Duration DEFAULT_LIFETIME = Duration.ofDays(365);

  private AddonSigning() {}

  /** A signing CA: its certificate and key. */
  public record Ca(X509Certificate certificate, PrivateKey key) {}

  /**
   * The signer's CA.
   *
   * @throws IllegalArgumentException naming the signer and the Secret when it is missing or not a
   *     CA certificate and key
   */
  public static Ca ca(KubernetesClient client, CustomSigner signer) {
    String where =
        "signer "
            + signer.signerName()
            + ": signingCA Secret "
            + signer.caNamespace()
            + "/"
            + signer.caName();
    Secret secret =
        client.secrets().inNamespace(signer.caNamespace()).withName(signer.caName()).get();
    if (secret == null
        || !"kubernetes.io/tls".equals(secret.getType())
        || secret.getData() == null
        || secret.getData().get("tls.crt") == null
        || secret.getData().get("tls.key") == null) {
      throw new IllegalArgumentException(
          where + ": not found, or not of type kubernetes.io/tls with tls.crt and tls.key");
    }
    return ca(where, secret.getData().get("tls.crt"), secret.getData().get("tls.key"));
  }

  /**
   * The CA from a TLS Secret's base64 {@code tls.crt} and {@code tls.key}; IllegalArgumentException
   * starting with {@code where} and naming the field when either is unusable.
   */
  static Ca ca(String where, String tlsCrt, String tlsKey) {
    try {
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new java.io.ByteArrayInputStream(Base64.getDecoder().decode(tlsCrt)));
      if (cert.getBasicConstraints() < 0) {
        throw new IllegalArgumentException(where + ": tls.crt is not a CA certificate");
      }
      try {
        cert.checkValidity();
      } catch (java.security.cert.CertificateException e) {
        throw new IllegalArgumentException(
            where
                + ": the CA is not valid now ("
                + cert.getNotBefore()
                + " to "
                + cert.getNotAfter()
                + ")");
      }
      PrivateKey privateKey;
      try {
        privateKey =
            Pem.privateKey(new String(Base64.getDecoder().decode(tlsKey), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException(where + ": tls.key: " + e.getMessage(), e);
      }
      if (privateKey == null) {
        throw new IllegalArgumentException(where + ": tls.key is not a PEM private key");
      }
      return new Ca(cert, privateKey);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** The PEM certificate for the request, signed by the CA. */
  static String sign(
      PKCS10CertificationRequest request, Ca ca, Integer expirationSeconds, Instant now) {
    try {
      // What the agent asks for, but never more than a year: a certificate should not long outlive
      // the add-on's registration.
      Duration lifetime =
          expirationSeconds == null
                  || expirationSeconds <= 0
                  || Duration.ofSeconds(expirationSeconds).compareTo(DEFAULT_LIFETIME) > 0
              ? DEFAULT_LIFETIME
              : Duration.ofSeconds(expirationSeconds);
      Instant notAfter = now.plus(lifetime);
      if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
        notAfter = ca.certificate().getNotAfter().toInstant();
      }
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              ca.certificate(),
              new BigInteger(127, new SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(1))),
              Date.from(notAfter),
              request.getSubject(),
              new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter()
                  .getPublicKey(request.getSubjectPublicKeyInfo()));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      String algorithm = "EC".equals(ca.key().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder(algorithm).build(ca.key()));
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(holder);
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
    }
  }
}
