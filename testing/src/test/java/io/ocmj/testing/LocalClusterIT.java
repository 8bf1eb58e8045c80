package io.ocmj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestConditionBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** The behaviours later issues rely on, against one real local cluster. */
@KubernetesClusters("local1")
class LocalClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void approvedClientCsrIsSignedByTheClusterCaAndAuthenticatesAsItsCommonName(ClusterSet clusters)
      throws Exception {
    TestCluster cluster = clusters.get(0);
    KubernetesClient admin = cluster.client();
    String user = "system:open-cluster-management:cluster1:agent1";
    KeyPair keys = CertificateAuthority.newKeyPair();
    String csrPem =
        CertificateAuthority.pem(
            new JcaPKCS10CertificationRequestBuilder(
                    new X500Name("O=system:open-cluster-management:cluster1,CN=" + user),
                    keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    CertificateSigningRequest csr =
        admin
            .certificates()
            .v1()
            .certificateSigningRequests()
            .resource(
                new CertificateSigningRequestBuilder()
                    .withNewMetadata()
                    .withName("cluster1-csr")
                    .endMetadata()
                    .withNewSpec()
                    .withSignerName("kubernetes.io/kube-apiserver-client")
                    .withUsages("client auth", "digital signature", "key encipherment")
                    .withRequest(
                        Base64.getEncoder().encodeToString(csrPem.getBytes(StandardCharsets.UTF_8)))
                    .endSpec()
                    .build())
            .create();
    assertThat(csr.getStatus() == null || csr.getStatus().getCertificate() == null).isTrue();

    csr.getStatus()
        .getConditions()
        .add(
            new CertificateSigningRequestConditionBuilder()
                .withType("Approved")
                .withStatus("True")
                .withReason("TestApproved")
                .withMessage("approved by LocalClusterIT")
                .build());
    admin.certificates().v1().certificateSigningRequests().resource(csr).approve();

    String certificate =
        await("CSR signed")
            .atMost(WAIT)
            .until(
                () ->
                    admin
                        .certificates()
                        .v1()
                        .certificateSigningRequests()
                        .withName("cluster1-csr")
                        .get()
                        .getStatus()
                        .getCertificate(),
                c -> c != null && !c.isEmpty());
    String certPem = new String(Base64.getDecoder().decode(certificate), StandardCharsets.UTF_8);
    X509Certificate signed =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(certPem.getBytes(StandardCharsets.UTF_8)));
    X509Certificate ca =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        cluster.caCertificatePem().getBytes(StandardCharsets.UTF_8)));
    signed.verify(ca.getPublicKey());
    assertThat(signed.getSubjectX500Principal().getName()).contains("CN=" + user);

    // RBAC grants the new identity one thing: reading ConfigMaps in default.
    admin
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName("csr-user-view")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "view")
                .addNewSubject()
                .withKind("User")
                .withName(user)
                .withApiGroup("rbac.authorization.k8s.io")
                .endSubject()
                .build())
        .create();
    try (KubernetesClient agent =
        cluster.clientWithCertificate(certPem, CertificateAuthority.pem(keys.getPrivate()))) {
      await("the view binding takes effect")
          .atMost(WAIT)
          .ignoreExceptions()
          .until(() -> agent.configMaps().inNamespace("default").list() != null);
      assertThatThrownBy(() -> agent.secrets().inNamespace("kube-system").list())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403))
          .hasMessageContaining("User \"" + user + "\" cannot list resource \"secrets\"");
    }
  }

  @Test
  void deletingANamespaceWithObjectsInItCompletes(ClusterSet clusters) {
    KubernetesClient client = clusters.get(0).client();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("doomed").endMetadata().build())
        .create();
    for (int i = 0; i < 3; i++) {
      client
          .configMaps()
          .inNamespace("doomed")
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("cm" + i)
                  .endMetadata()
                  .withData(Map.of("k", "v"))
                  .build())
          .create();
    }
    client.namespaces().withName("doomed").delete();
    await("namespace doomed is gone")
        .atMost(WAIT)
        .until(() -> client.namespaces().withName("doomed").get() == null);
    assertThat(client.configMaps().inNamespace("doomed").list().getItems()).isEmpty();
  }

  @Test
  void ownedObjectsAreGarbageCollectedWithTheirOwner(ClusterSet clusters) {
    KubernetesClient client = clusters.get(0).client();
    ConfigMap owner =
        client
            .configMaps()
            .inNamespace("default")
            .resource(
                new ConfigMapBuilder().withNewMetadata().withName("owner").endMetadata().build())
            .create();
    client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("owned")
                .withOwnerReferences(
                    List.of(
                        new OwnerReferenceBuilder()
                            .withApiVersion("v1")
                            .withKind("ConfigMap")
                            .withName("owner")
                            .withUid(owner.getMetadata().getUid())
                            .build()))
                .endMetadata()
                .build())
        .create();
    client.configMaps().inNamespace("default").withName("owner").delete();
    await("owned ConfigMap collected")
        .atMost(WAIT)
        .until(() -> client.configMaps().inNamespace("default").withName("owned").get() == null);
  }

  @Test
  void clusterReportsThePinnedKubernetesVersion(ClusterSet clusters) {
    String expected = "v" + new Binaries(Binaries.defaultCacheDir()).kubernetesVersion();
    assertThat(clusters.get(0).client().getKubernetesVersion().getGitVersion()).isEqualTo(expected);
  }
}
