package io.ocmj.hub.console;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.policy.v1.ObjectDefinition;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicySpec;
import io.ocmj.api.policy.v1.PolicyTemplate;
import io.ocmj.hub.Pem;
import io.ocmj.testing.CertificateAuthority;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Objects the console's tests and its benchmark put on a hub. */
final class ConsoleITFixtures {
  private ConsoleITFixtures() {}

  /** An inform policy's spec with one ConfigurationPolicy (the default namespace must exist). */
  static PolicySpec informSpec(String name) {
    PolicySpec spec = new PolicySpec();
    spec.setRemediationAction("inform");
    PolicyTemplate template = new PolicyTemplate();
    template.setObjectDefinition(
        ObjectDefinition.of(
            Map.of(
                "apiVersion",
                Policy.API_VERSION,
                "kind",
                "ConfigurationPolicy",
                "metadata",
                Map.of("name", name),
                "spec",
                Map.of(
                    "remediationAction", "inform",
                    "severity", "low",
                    "object-templates",
                        List.of(
                            Map.of(
                                "complianceType",
                                "musthave",
                                "objectDefinition",
                                Map.of(
                                    "apiVersion", "v1",
                                    "kind", "Namespace",
                                    "metadata", Map.of("name", "default"))))))));
    spec.setPolicyTemplates(List.of(template));
    return spec;
  }

  /**
   * A client certificate the hub signs for {@code user} in {@code groups}, as a user would get one
   * (a {@code kubernetes.io/kube-apiserver-client} CSR, approved by the admin, signed by the hub's
   * controller manager): its PEM and its key's PEM.
   */
  static String[] hubSignedCertificate(KubernetesClient admin, String user, List<String> groups)
      throws Exception {
    KeyPair keys = CertificateAuthority.newKeyPair();
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    for (String g : groups) {
      subject.addRDN(BCStyle.O, g);
    }
    subject.addRDN(BCStyle.CN, user);
    String request =
        CertificateAuthority.pem(
            new JcaPKCS10CertificationRequestBuilder(subject.build(), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    String name = "console-" + user;
    admin
        .certificates()
        .v1()
        .certificateSigningRequests()
        .resource(
            new CertificateSigningRequestBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withSignerName("kubernetes.io/kube-apiserver-client")
                .withUsages("client auth", "digital signature", "key encipherment")
                .withRequest(
                    Base64.getEncoder().encodeToString(request.getBytes(StandardCharsets.UTF_8)))
                .endSpec()
                .build())
        .create();
    admin
        .certificates()
        .v1()
        .certificateSigningRequests()
        .withName(name)
        .approve(
            new CertificateSigningRequestConditionBuilder()
                .withType("Approved")
                .withStatus("True")
                .withReason("ConsoleIT")
                .withMessage("a console user's certificate")
                .build());
    String signed =
        await("the hub signs " + name)
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    admin
                        .certificates()
                        .v1()
                        .certificateSigningRequests()
                        .withName(name)
                        .get()
                        .getStatus()
                        .getCertificate(),
                c -> c != null && !c.isEmpty());
    return new String[] {
      new String(Base64.getDecoder().decode(signed), StandardCharsets.UTF_8),
      CertificateAuthority.pem(keys.getPrivate())
    };
  }

  /**
   * An HTTPS client trusting {@code serverCa}, presenting the client certificate (PEM, may be null)
   * even when the server did not name its issuer among those it accepts (as a client with one
   * certificate configured does).
   */
  static HttpClient httpsClient(X509Certificate serverCa, String certPem, String keyPem)
      throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", serverCa);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManager[] keyManagers = null;
    if (certPem != null) {
      X509Certificate[] chain = Pem.certificates(certPem).toArray(X509Certificate[]::new);
      PrivateKey key = Pem.privateKey(keyPem);
      keyManagers =
          new KeyManager[] {
            new X509ExtendedKeyManager() {
              @Override
              public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {"me"};
              }

              @Override
              public String chooseClientAlias(
                  String[] keyType, Principal[] issuers, java.net.Socket socket) {
                return "me";
              }

              @Override
              public String chooseEngineClientAlias(
                  String[] keyType, Principal[] issuers, SSLEngine engine) {
                return "me";
              }

              @Override
              public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
              }

              @Override
              public String chooseServerAlias(
                  String keyType, Principal[] issuers, java.net.Socket socket) {
                return null;
              }

              @Override
              public X509Certificate[] getCertificateChain(String alias) {
                return chain;
              }

              @Override
              public PrivateKey getPrivateKey(String alias) {
                return key;
              }
            }
          };
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
