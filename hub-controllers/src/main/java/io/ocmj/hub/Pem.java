package io.ocmj.hub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** PEM text as Kubernetes writes it (kubeconfigs, {@code kubernetes.io/tls} Secrets, CA files). */
public final class Pem {
  private Pem() {}

  /**
   * The first private key in {@code pem} (PKCS#1 RSA, SEC1 EC or PKCS#8), or null when there is
   * none (text that is not PEM included); IOException (saying what) for an encrypted key or a
   * damaged PEM block.
   */
  public static PrivateKey privateKey(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new IOException("the private key is encrypted; an unencrypted one is needed");
        }
      }
      return null;
    } catch (RuntimeException e) {
      // BouncyCastle's decoders throw unchecked exceptions on damaged base64 or DER
      throw new IOException("not readable PEM: " + e.getMessage(), e);
    }
  }

  /** Every certificate in {@code pem}, in order (empty when there is none). */
  public static List<X509Certificate> certificates(String pem) throws CertificateException {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))
        .stream()
        .map(X509Certificate.class::cast)
        .toList();
  }
}
