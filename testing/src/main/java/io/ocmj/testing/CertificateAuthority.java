package io.ocmj.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority (RSA-2048), made fresh for every cluster so that nothing stale
 * is ever reused. It signs the API server's serving certificate and client certificates, and
 * kube-controller-manager uses it to sign approved CSRs.
 */
public final class CertificateAuthority {
  private static final Duration LIFETIME = Duration.ofDays(7);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private CertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /** Creates a new self-signed CA whose subject is {@code CN=<commonName>}. */
  public static CertificateAuthority create(String commonName) {
    KeyPair keys = newKeyPair();
    X500Name subject = name(commonName, List.of());
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = builder(subject, subject, keys);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new CertificateAuthority(keys, sign(builder, keys));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot create CA " + commonName + ": " + e.getMessage(), e);
    }
  }

  /** A fresh RSA-2048 key pair. */
  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available in this JVM", e);
    }
  }

  /** Issues a client certificate: the CN is the user name and each organization a group. */
  public IssuedCertificate issueClient(String commonName, List<String> organizations) {
    return issue(commonName, organizations, List.of(), KeyPurposeId.id_kp_clientAuth);
  }

  /** Issues a serving certificate for the given DNS names and IP addresses. */
  public IssuedCertificate issueServer(String commonName, List<String> dnsNames, List<String> ips) {
    List<GeneralName> sans = new ArrayList<>();
    dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
    ips.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
    return issue(commonName, List.of(), sans, KeyPurposeId.id_kp_serverAuth);
  }

  private IssuedCertificate issue(
      String commonName, List<String> organizations, List<GeneralName> sans, KeyPurposeId usage) {
    KeyPair keys = newKeyPair();
    try {
      X509v3CertificateBuilder builder =
          builder(name(commonName, organizations), subjectOf(certificate), keys);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          ext.createAuthorityKeyIdentifier(keyPair.getPublic()));
      if (!sans.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      return new IssuedCertificate(sign(builder, keyPair), keys);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue certificate for " + commonName, e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public KeyPair keyPair() {
    return keyPair;
  }

  public String certificatePem() {
    return pem(certificate);
  }

  public String privateKeyPem() {
    return pem(keyPair.getPrivate());
  }

  /** PEM text of a certificate, key or CSR, as Go and fabric8 read it. */
  public static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static X500Name subjectOf(X509Certificate cert) {
    return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
  }

  private static X500Name name(String commonName, List<String> organizations) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    organizations.forEach(o -> name.addRDN(BCStyle.O, o));
    name.addRDN(BCStyle.CN, commonName);
    return name.build();
  }

  private static X509v3CertificateBuilder builder(X500Name subject, X500Name issuer, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(127, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(LIFETIME)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** A certificate with its private key. */
  public record IssuedCertificate(X509Certificate certificate, KeyPair keyPair) {
    public String certificatePem() {
      return pem(certificate);
    }

    public String privateKeyPem() {
      return pem(keyPair.getPrivate());
    }
  }
}
