package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** Add-on certificate requests: only the add-on's own identity, from its cluster's agent. */
class AddonCsrDecisionTest {
  private static final String USER =
      "system:open-cluster-management:cluster:c1:addon:a:agent:addon-agent";
  private static final List<String> GROUPS =
      List.of(
          "system:open-cluster-management:cluster:c1:addon:a",
          "system:open-cluster-management:addon:a");
  private static final List<String> FROM_C1 =
      List.of("system:open-cluster-management:c1", "system:authenticated");

  private static CsrDecision.Request request(String cn, List<String> orgs) {
    return new CsrDecision.Request(
        "csr",
        "kubernetes.io/kube-apiserver-client",
        "c1",
        List.of("client auth"),
        cn,
        orgs,
        "system:open-cluster-management:c1:agent");
  }

  @Test
  void theAddOnsIdentityFromItsClusterIsApproved() {
    assertThat(AddonCsrDecision.subjectProblem("c1", "a", request(USER, GROUPS), FROM_C1))
        .isEmpty();
  }

  @Test
  void anyOtherSubjectOrRequesterIsRefused() {
    assertThat(
            AddonCsrDecision.subjectProblem(
                "c1", "a", request(USER, List.of("system:masters")), FROM_C1))
        .hasValueSatisfying(r -> assertThat(r).contains("is not the identity of add-on a on c1"));
    assertThat(
            AddonCsrDecision.subjectProblem(
                "c1", "a", request(USER.replace("cluster:c1", "cluster:c2"), GROUPS), FROM_C1))
        .isPresent();
    assertThat(
            AddonCsrDecision.subjectProblem(
                "c1", "a", request(USER, GROUPS), List.of("system:open-cluster-management:c2")))
        .hasValueSatisfying(r -> assertThat(r).contains("not by cluster c1's agent"));
    CsrDecision.Request otherSigner =
        new CsrDecision.Request(
            "csr", "example.com/signer", "c1", List.of(), USER, GROUPS, "someone");
    assertThat(AddonCsrDecision.subjectProblem("c1", "a", otherSigner, FROM_C1))
        .hasValueSatisfying(r -> assertThat(r).contains("signer example.com/signer"));
  }

  @Test
  void subjectsTheSignerWouldReadDifferentlyAreInvalid() {
    X500NameBuilder multi = new X500NameBuilder(BCStyle.INSTANCE);
    multi.addMultiValuedRDN(
        new ASN1ObjectIdentifier[] {BCStyle.O, BCStyle.O},
        new String[] {GROUPS.get(0), "system:masters"});
    multi.addRDN(BCStyle.CN, new DERUTF8String(USER));
    assertThatThrownBy(() -> CsrRequests.strict("csr", multi.build()))
        .hasMessageContaining("multi-valued");
    X500NameBuilder twoNames = new X500NameBuilder(BCStyle.INSTANCE);
    twoNames.addRDN(BCStyle.CN, new DERUTF8String(USER));
    twoNames.addRDN(BCStyle.CN, new DERUTF8String("admin"));
    assertThatThrownBy(() -> CsrRequests.strict("csr", twoNames.build()))
        .hasMessageContaining("exactly one CN");
    X500NameBuilder other = new X500NameBuilder(BCStyle.INSTANCE);
    other.addRDN(BCStyle.OU, "x");
    other.addRDN(BCStyle.CN, new DERUTF8String(USER));
    assertThatThrownBy(() -> CsrRequests.strict("csr", other.build()))
        .hasMessageContaining("only have CN and O");
  }

  private static String pem(String cn) throws Exception {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    java.security.KeyPair keys = g.generateKeyPair();
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    subject.addRDN(BCStyle.CN, new DERUTF8String(cn));
    var csr =
        new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                subject.build(), keys.getPublic())
            .build(
                new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                    .build(keys.getPrivate()));
    java.io.StringWriter out = new java.io.StringWriter();
    try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
      writer.writeObject(csr);
    }
    return out.toString();
  }

  private static String b64(String text) {
    return java.util.Base64.getEncoder()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void onlyASingleCanonicalSignedBlockIsRead() throws Exception {
    String good = pem(USER);
    assertThat(CsrRequests.parse("csr", b64(good)).getSubject().toString()).contains(USER);
    String evil = pem("system:admin");
    // Go skips a block whose END line has trailing text and reads the next one; so must we not.
    String twoBlocks =
        good.replace("-----END CERTIFICATE REQUEST-----", "-----END CERTIFICATE REQUEST-----x")
            + evil;
    assertThatThrownBy(() -> CsrRequests.parse("csr", b64(twoBlocks)))
        .hasMessageContaining("exactly one PEM CERTIFICATE REQUEST block");
    String header =
        good.replace(
            "-----BEGIN CERTIFICATE REQUEST-----\n",
            "-----BEGIN CERTIFICATE REQUEST-----\nProc-Type: 4,ENCRYPTED\n");
    assertThatThrownBy(() -> CsrRequests.parse("csr", b64(header)))
        .hasMessageContaining("exactly one PEM CERTIFICATE REQUEST block");
    assertThatThrownBy(() -> CsrRequests.parse("csr", b64(good + good)))
        .hasMessageContaining("exactly one PEM CERTIFICATE REQUEST block");
  }
}
