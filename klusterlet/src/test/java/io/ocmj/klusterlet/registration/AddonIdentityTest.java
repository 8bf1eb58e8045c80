package io.ocmj.klusterlet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.ExecConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.testing.CertificateAuthority;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Which add-on kubeconfigs a powerful add-on agent may use. */
class AddonIdentityTest {
  private static final String HUB = "https://127.0.0.1:6443";
  private static final CertificateAuthority CA = CertificateAuthority.create("hub-ca");
  private static final String CA_DATA = base64(CA.certificatePem());
  private static final String USER =
      ManagedClusterAddOn.agentUser("c1", "governance-policy-framework", "addon-agent");

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String kubeconfig(String server, String caData, AuthInfo user) {
    return Serialization.asYaml(
        new ConfigBuilder()
            .addNewCluster()
            .withName("hub")
            .withNewCluster()
            .withServer(server)
            .withCertificateAuthorityData(caData)
            .endCluster()
            .endCluster()
            .addNewUser()
            .withName("u")
            .withUser(user)
            .endUser()
            .addNewContext()
            .withName("default")
            .withNewContext()
            .withCluster("hub")
            .withUser("u")
            .endContext()
            .endContext()
            .withCurrentContext("default")
            .build());
  }

  /** A self-signed client certificate (the check reads its subject, not its signature). */
  private static AuthInfo certificateFor(String commonName) {
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
      return new AuthInfoBuilder()
          .withClientCertificateData(base64(CertificateAuthority.pem(cert)))
          .withClientKeyData(base64(AgentCertificates.pem(keys.getPrivate())))
          .build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String AGENT = kubeconfig(HUB, CA_DATA, certificateFor("agent"));

  private static String problem(String kubeconfig) {
    return AddonIdentity.problem(AGENT, "c1", "governance-policy-framework", kubeconfig).orElse("");
  }

  private static String with(UnaryOperator<AuthInfoBuilder> change) {
    return kubeconfig(
        HUB, CA_DATA, change.apply(new AuthInfoBuilder(certificateFor(USER))).build());
  }

  @Test
  void theRegistrationAgentsKubeconfigForTheAddOnIsUsed() {
    assertThat(problem(kubeconfig(HUB, CA_DATA, certificateFor(USER)))).isEmpty();
  }

  @Test
  void anotherHubOrCaIsRefused() {
    assertThat(problem(kubeconfig("https://evil.example.com", CA_DATA, certificateFor(USER))))
        .contains("server or CA");
    assertThat(
            problem(
                kubeconfig(
                    HUB,
                    base64(CertificateAuthority.create("other").certificatePem()),
                    certificateFor(USER))))
        .contains("server or CA");
  }

  @Test
  void anythingTheClientWouldRunOrReadIsRefused() {
    assertThat(
            problem(
                with(
                    b ->
                        b.withExec(
                            new ExecConfigBuilder()
                                .withCommand("/bin/sh")
                                .withArgs("-c", "id")
                                .build()))))
        .contains("inline client certificate");
    assertThat(problem(with(b -> b.withToken("t")))).contains("inline client certificate");
    assertThat(problem(with(b -> b.withTokenFile("/etc/passwd"))))
        .contains("inline client certificate");
    assertThat(problem(with(b -> b.withClientKey("/key.pem")))).contains("inline client");
    assertThat(problem(with(b -> b.withAs("system:admin")))).contains("inline client");
  }

  @Test
  void aCertificateForAnotherIdentityIsRefused() {
    assertThat(problem(kubeconfig(HUB, CA_DATA, certificateFor("system:admin"))))
        .contains("not for " + USER);
  }

  @Test
  void notAKubeconfigIsRefused() {
    assertThat(problem("{not: [yaml")).startsWith("not a kubeconfig");
    assertThat(problem("apiVersion: v1\nkind: Config\n")).contains("no current context");
  }
}
