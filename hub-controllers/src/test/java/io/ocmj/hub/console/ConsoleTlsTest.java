package io.ocmj.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.hub.Pem;
import io.ocmj.testing.CertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTlsTest {
  private static final CertificateAuthority CA = CertificateAuthority.create("console-test-ca");

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aServingCertificateAndItsKeyServeAndAClientCaFileAsksForClientCertificates()
      throws Exception {
    var serving = CA.issueServer("console", List.of("localhost"), List.of("127.0.0.1"));
    Path cert = file("tls.crt", serving.certificatePem());
    Path key = file("tls.key", serving.privateKeyPem());
    ConsoleTls tokensOnly = ConsoleTls.fromFiles(cert, key, null);
    assertThat(tokensOnly.acceptsClientCertificates()).isFalse();
    assertThat(tokensOnly.sslContext().getProtocol()).isEqualTo("TLS");
    ConsoleTls withCa = ConsoleTls.fromFiles(cert, key, file("ca.crt", CA.certificatePem()));
    assertThat(withCa.acceptsClientCertificates()).isTrue();
  }

  @Test
  void badFilesAreRefusedNamingTheOptionTheFileAndWhatIsWrong() throws Exception {
    var serving = CA.issueServer("console", List.of("localhost"), List.of());
    var other = CA.issueServer("other", List.of("localhost"), List.of());
    Path cert = file("tls.crt", serving.certificatePem());
    Path key = file("tls.key", serving.privateKeyPem());
    Path empty = file("empty.pem", "");
    assertThatThrownBy(() -> ConsoleTls.fromFiles(empty, key, null))
        .hasMessage("--console-tls-cert " + empty + ": no PEM certificate in it");
    assertThatThrownBy(() -> ConsoleTls.fromFiles(cert, cert, null))
        .hasMessage("--console-tls-key " + cert + ": no PEM private key in it");
    Path otherKey = file("other.key", other.privateKeyPem());
    assertThatThrownBy(() -> ConsoleTls.fromFiles(cert, otherKey, null))
        .hasMessage(
            "--console-tls-key "
                + otherKey
                + ": not the key of the certificate in --console-tls-cert "
                + cert);
    Path missing = dir.resolve("missing.crt");
    assertThatThrownBy(() -> ConsoleTls.fromFiles(missing, key, null))
        .hasMessageStartingWith("--console-tls-cert " + missing + ": ");
    assertThatThrownBy(() -> ConsoleTls.fromFiles(cert, key, empty))
        .hasMessage("--console-client-ca " + empty + ": no PEM certificate in it");
    Path damaged =
        file(
            "damaged.key",
            "-----BEGIN PRIVATE KEY-----\n!!!not base64!!!\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> ConsoleTls.fromFiles(cert, damaged, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--console-tls-key " + damaged + ": ")
        .hasMessageContaining("malformed PEM data"); // BouncyCastle's words, not "no key"
    Path encrypted =
        file(
            "encrypted.key",
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> ConsoleTls.fromFiles(cert, encrypted, null))
        .hasMessage(
            "--console-tls-key "
                + encrypted
                + ": the private key is encrypted; an unencrypted one is needed");
  }

  @Test
  void aCertificateNamesItsUserByCnAndGroupsByO() throws Exception {
    var alice = CA.issueClient("alice", List.of("team-a", "system:masters"));
    assertThat(ConsoleTls.userOf(alice.certificate()))
        .hasValue(new ConsoleTls.CertificateUser("alice", List.of("team-a", "system:masters")));
    // written as is, not escaped as a DN string would be
    var odd = CA.issueClient("bob, the admin", List.of("a+b"));
    assertThat(ConsoleTls.userOf(odd.certificate()))
        .hasValue(new ConsoleTls.CertificateUser("bob, the admin", List.of("a+b")));
  }

  @Test
  void aCertificateWithoutCommonNameNamesNoUser() throws Exception {
    var keys = CertificateAuthority.newKeyPair();
    var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "team-a").build();
    var builder =
        new JcaX509v3CertificateBuilder(
            subject,
            java.math.BigInteger.ONE,
            new java.util.Date(),
            new java.util.Date(System.currentTimeMillis() + 60_000),
            subject,
            keys.getPublic());
    var cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    assertThat(ConsoleTls.userOf(cert)).isEmpty();
    assertThat(Pem.certificates(CertificateAuthority.pem(cert))).containsExactly(cert);
  }
}
