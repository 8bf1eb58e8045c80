package io.ocmj.klusterlet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.testing.CertificateAuthority;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** What a powerful add-on agent takes from its credentials Secret, and what it refuses. */
class AddonIdentityTest {
  private static final String ADDON = "governance-policy-framework";
  private static final String USER =
      ManagedClusterAddOn.agentUser("c1", ADDON, ManagedClusterAddOn.DEFAULT_AGENT_NAME);
  private static final Config HUB =
      new ConfigBuilder(Config.empty())
          .withMasterUrl("https://127.0.0.1:6443")
          .withCaCertData(base64(CertificateAuthority.create("hub-ca").certificatePem()))
          .build();

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A Secret as the registration agent writes it, plus whatever else {@code kubeconfig} says. */
  private static Secret secret(String commonName, String kubeconfig) {
    try {
      KeyPair keys = AgentCertificates.newKeyPair();
      // A value, not a string: OCM's add-on users are longer than BCStyle's 64 characters.
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.CN, new DERUTF8String(commonName))
              .build();
      Instant now = Instant.now();
      X509CertificateHolder holder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  BigInteger.ONE,
                  Date.from(now),
                  Date.from(now.plusSeconds(3600)),
                  subject,
                  keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
      return new SecretBuilder()
          .withNewMetadata()
          .withName(ADDON + "-hub-kubeconfig")
          .endMetadata()
          .addToData("tls.crt", base64(CertificateAuthority.pem(cert)))
          .addToData("tls.key", base64(AgentCertificates.pem(keys.getPrivate())))
          .addToData("kubeconfig", base64(kubeconfig))
          .build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String HOSTILE_KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: hub
        cluster: {server: "https://evil.example.com", insecure-skip-tls-verify: true}
      users:
      - name: u
        user:
          exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/sh, args: [-c, id]}
      contexts:
      - name: default
        context: {cluster: hub, user: u}
      current-context: default
      """;

  @Test
  void onlyTheCertificateAndKeyAreTakenTheHubIsTheClustersOwn() {
    Secret secret = secret(USER, HOSTILE_KUBECONFIG);
    HubSession.Identity identity = AddonIdentity.identity(HUB, "c1", ADDON, secret);
    Config config = identity.config();
    assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
    assertThat(config.getCaCertData()).isEqualTo(HUB.getCaCertData());
    assertThat(config.isTrustCerts()).isFalse();
    assertThat(config.getClientCertData()).isEqualTo(secret.getData().get("tls.crt"));
    assertThat(config.getClientKeyData()).isEqualTo(secret.getData().get("tls.key"));
    assertThat(config.getAuthProvider()).as("the Secret's kubeconfig is never read").isNull();
    assertThat(config.getOauthToken()).isNull();
    assertThat(AddonIdentity.identity(HUB, "c1", ADDON, secret).fingerprint())
        .as("the same credentials are the same identity (no restart)")
        .isEqualTo(identity.fingerprint());
    assertThat(identity.fingerprint())
        .as("a new certificate is a new identity")
        .isNotEqualTo(AddonIdentity.identity(HUB, "c1", ADDON, secret(USER, "")).fingerprint());
  }

  @Test
  void aCertificateForAnotherSubjectOrClusterIsRefused() {
    assertThatThrownBy(() -> AddonIdentity.identity(HUB, "c1", ADDON, secret("system:admin", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("its certificate is not for " + USER);
    assertThatThrownBy(() -> AddonIdentity.identity(HUB, "c2", ADDON, secret(USER, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not for system:open-cluster-management:cluster:c2:");
  }

  @Test
  void aSecretWithoutCertificateOrWithGarbageIsRefused() {
    Secret bare = new SecretBuilder().withNewMetadata().withName("x").endMetadata().build();
    assertThatThrownBy(() -> AddonIdentity.identity(HUB, "c1", ADDON, bare))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("it has no tls.crt and tls.key");
    Secret garbage =
        new SecretBuilder(secret(USER, "")).addToData("tls.crt", base64("not a cert")).build();
    assertThatThrownBy(() -> AddonIdentity.identity(HUB, "c1", ADDON, garbage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("its tls.crt does not parse");
  }
}
