package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.hub.addon.CustomSigner;
import io.ocmj.testing.CertificateAuthority;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** The hub signing add-on agents' certificates for their custom signers. */
class AddonSigningTest {
  private static final CertificateAuthority CA = CertificateAuthority.create("signer-ca");

  private static PKCS10CertificationRequest request(String user, String group) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    return new JcaPKCS10CertificationRequestBuilder(
            new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, group)
                .addRDN(BCStyle.CN, user)
                .build(),
            keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
  }

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
  }

  private static AddonSigning.Ca ca() {
    return new AddonSigning.Ca(CA.certificate(), CA.keyPair().getPrivate());
  }

  @Test
  void aClientCertificateForTheRequestsSubjectSignedByTheCa() throws Exception {
    Instant now = Instant.now();
    X509Certificate cert =
        parse(AddonSigning.sign(request("signed-agent", "signed-agents"), ca(), 3600, now));
    cert.verify(CA.certificate().getPublicKey());
    assertThat(cert.getSubjectX500Principal().getName())
        .isEqualTo("CN=signed-agent,O=signed-agents");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(CA.certificate().getSubjectX500Principal());
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
    assertThat(Duration.between(now, cert.getNotAfter().toInstant()).toSeconds())
        .isBetween(3598L, 3600L);
  }

  @Test
  void noLongerThanAYearNorThanTheCa() throws Exception {
    Instant now = Instant.now();
    X509Certificate asked =
        parse(AddonSigning.sign(request("a", "g"), ca(), Integer.MAX_VALUE, now));
    assertThat(asked.getNotAfter().toInstant())
        .isBeforeOrEqualTo(now.plus(AddonSigning.DEFAULT_LIFETIME))
        .isBeforeOrEqualTo(CA.certificate().getNotAfter().toInstant());
    X509Certificate none = parse(AddonSigning.sign(request("a", "g"), ca(), null, now));
    assertThat(none.getNotAfter().toInstant())
        .isBeforeOrEqualTo(now.plus(AddonSigning.DEFAULT_LIFETIME));
  }

  @Test
  void signerNamesAreDomainSlashNameAndNotKubernetes() {
    assertThatThrownBy(
            () -> new CustomSigner("kubernetes.io/legacy-unknown", null, null, "ns", "ca"))
        .hasMessageContaining("not a kubernetes.io signer");
    assertThatThrownBy(() -> new CustomSigner("Example.com/Signer", null, null, "ns", "ca"))
        .hasMessageContaining("lowercase");
    assertThatThrownBy(() -> new CustomSigner("example.com/a/b", null, null, "ns", "ca"))
        .hasMessageContaining("<domain>/<name>");
    assertThatThrownBy(() -> new CustomSigner("example.com/s", null, null, "", "ca"))
        .hasMessageContaining("signingCA needs a name and a namespace");
    assertThat(new CustomSigner("example.com/s", null, null, "ns", "ca").on("c1", "a").user())
        .isEqualTo("system:open-cluster-management:cluster:c1:addon:a:agent:addon-agent");
    assertThat(new CustomSigner("example.com/s", "u", List.of("g"), "ns", "ca").on("c1", "a"))
        .isEqualTo(new CustomSigner("example.com/s", "u", List.of("g"), "ns", "ca"));
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSigningCaSecretsUnusableKeyIsRefusedNamingTheSecretAndTheField() {
    String crt = base64(CA.certificatePem());
    assertThat(AddonSigning.ca("signer s: signingCA Secret ns/ca", crt, base64(CA.privateKeyPem())))
        .extracting(AddonSigning.Ca::certificate)
        .isEqualTo(CA.certificate());
    assertThatThrownBy(
            () ->
                AddonSigning.ca(
                    "signer s: signingCA Secret ns/ca",
                    crt,
                    base64("-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("signer s: signingCA Secret ns/ca: tls.key: malformed PEM data");
    assertThatThrownBy(
            () -> AddonSigning.ca("signer s: signingCA Secret ns/ca", crt, base64("not a key")))
        .hasMessage("signer s: signingCA Secret ns/ca: tls.key is not a PEM private key");
  }
}
