package io.ocmj.hub.console;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.hub.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS for the console, and sign-in with the hub's client certificates: a certificate signed by
 * the CA the hub's API server trusts for client certificates identifies a user as the API server
 * would (user = the subject's CN, groups = its O values), and that user's RBAC applies. The client
 * CA is a file, or else the one the API server publishes for aggregated API servers (ConfigMap
 * {@code kube-system/extension-apiserver-authentication}, key {@code client-ca-file}). All are read
 * once, when the console starts: a renewed certificate or a rotated client CA takes a restart.
 */
public final class ConsoleTls {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleTls.class);

  /** Where the API server publishes its client CA (as aggregated API servers read it). */
  static final String AUTH_CONFIG_NAMESPACE = "kube-system";

  static final String AUTH_CONFIG_NAME = "extension-apiserver-authentication";
  static final String CLIENT_CA_KEY = "client-ca-file";

  private final List<X509Certificate> chain;
  private final PrivateKey key;
  private final List<X509Certificate> clientCas;

  private ConsoleTls(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> clientCas) {
    this.chain = chain;
    this.key = key;
    this.clientCas = clientCas;
  }

  /**
   * The serving certificate (PEM chain, leaf first) and its key, and the client CA (PEM; null: ask
   * the hub later, {@link #withHubClientCa}). Throws IllegalArgumentException naming the file and
   * what is wrong with it.
   */
  public static ConsoleTls fromFiles(Path certificate, Path key, Path clientCa) {
    List<X509Certificate> chain = certificates(certificate, "--console-tls-cert");
    PrivateKey privateKey;
    try {
      privateKey = Pem.privateKey(read(key, "--console-tls-key"));
    } catch (IOException e) {
      throw new IllegalArgumentException("--console-tls-key " + key + ": " + e.getMessage(), e);
    }
    if (privateKey == null) {
      throw new IllegalArgumentException("--console-tls-key " + key + ": no PEM private key in it");
    }
    if (!privateKey.getAlgorithm().equals(chain.get(0).getPublicKey().getAlgorithm())) {
      throw new IllegalArgumentException(
          "--console-tls-key "
              + key
              + ": a "
              + privateKey.getAlgorithm()
              + " key, but the certificate's key is "
              + chain.get(0).getPublicKey().getAlgorithm());
    }
    if (!belongTogether(privateKey, chain.get(0).getPublicKey())) {
      throw new IllegalArgumentException(
          "--console-tls-key "
              + key
              + ": not the key of the certificate in --console-tls-cert "
              + certificate);
    }
    try {
      chain.get(0).checkValidity();
    } catch (CertificateException e) {
      // served anyway (the hub's controllers matter more than the console), but said
      LOG.warn(
          "console: the certificate in --console-tls-cert {} is not valid now ({} to {}):"
              + " browsers will refuse it",
          certificate,
          chain.get(0).getNotBefore().toInstant(),
          chain.get(0).getNotAfter().toInstant());
    }
    List<X509Certificate> cas =
        clientCa == null ? List.of() : certificates(clientCa, "--console-client-ca");
    ConsoleTls tls = new ConsoleTls(chain, privateKey, cas);
    tls.sslContext(); // fails here, before anything starts, on what the JDK cannot use
    return tls;
  }

  private static String read(Path file, String option) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(option + " " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + ": cannot read it: " + e, e);
    }
  }

  /** Whether the key signs what the certificate's public key verifies (any algorithm). */
  private static boolean belongTogether(PrivateKey key, PublicKey certified) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // Ed25519, Ed448: the key's name is the signature's
        };
    try {
      byte[] probe = "ocmj console key check".getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static List<X509Certificate> certificates(Path file, String option) {
    try {
      List<X509Certificate> certs = Pem.certificates(read(file, option));
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(option + " " + file + ": no PEM certificate in it");
      }
      return certs;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * This, with the hub API server's client CA when no file gave one; without client certificates
   * (tokens only, logged) when the hub does not publish it or this process may not read it.
   */
  ConsoleTls withHubClientCa(KubernetesClient hub) {
    if (!clientCas.isEmpty()) {
      return this;
    }
    String pem = null;
    try {
      ConfigMap config =
          hub.configMaps().inNamespace(AUTH_CONFIG_NAMESPACE).withName(AUTH_CONFIG_NAME).get();
      pem = config == null || config.getData() == null ? null : config.getData().get(CLIENT_CA_KEY);
    } catch (KubernetesClientException e) {
      LOG.warn(
          "console: cannot read {}/{} ({}): client certificates are not accepted, tokens are",
          AUTH_CONFIG_NAMESPACE,
          AUTH_CONFIG_NAME,
          e.getMessage());
      return this;
    }
    if (pem == null || pem.isBlank()) {
      LOG.warn(
          "console: the hub publishes no {} in {}/{}: client certificates are not accepted,"
              + " tokens are",
          CLIENT_CA_KEY,
          AUTH_CONFIG_NAMESPACE,
          AUTH_CONFIG_NAME);
      return this;
    }
    try {
      return new ConsoleTls(chain, key, Pem.certificates(pem));
    } catch (CertificateException e) {
      LOG.warn(
          "console: {}/{} {} is not PEM certificates ({}): client certificates are not accepted",
          AUTH_CONFIG_NAMESPACE,
          AUTH_CONFIG_NAME,
          CLIENT_CA_KEY,
          e.getMessage());
      return this;
    }
  }

  /** Whether client certificates are asked for (a client CA is known). */
  boolean acceptsClientCertificates() {
    return !clientCas.isEmpty();
  }

  /** TLS with the serving certificate, trusting the client CA for client certificates. */
  SSLContext sslContext() {
    try {
      char[] none = new char[0];
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("console", key, none, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, none);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < clientCas.size(); i++) {
        trust.setCertificateEntry("client-ca-" + i, clientCas.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "--console-tls-cert / --console-tls-key: not a usable certificate and key: "
              + e.getMessage(),
          e);
    }
  }

  /** The user a verified client certificate names, as the API server reads it. */
  record CertificateUser(String name, List<String> groups) {}

  /**
   * The user of a client certificate the TLS handshake verified against the client CA: the
   * subject's CN, its O values as groups (kube-apiserver's x509 authenticator); empty without a CN.
   */
  static Optional<CertificateUser> userOf(X509Certificate verified) {
    X500Name subject = X500Name.getInstance(verified.getSubjectX500Principal().getEncoded());
    List<String> cn = values(subject, BCStyle.CN);
    if (cn.isEmpty() || cn.get(0).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CertificateUser(cn.get(0), values(subject, BCStyle.O)));
  }

  /** The values of one attribute type in a name, as written (not escaped as in a DN string). */
  private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
    List<String> values = new ArrayList<>();
    for (RDN rdn : name.getRDNs(type)) {
      for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
        if (atv.getType().equals(type)) {
          values.add(
              atv.getValue() instanceof ASN1String s ? s.getString() : atv.getValue().toString());
        }
      }
    }
    return values;
  }
}
