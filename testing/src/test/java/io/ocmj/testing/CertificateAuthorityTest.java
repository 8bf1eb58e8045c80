package io.ocmj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.testing.CertificateAuthority.IssuedCertificate;
import java.security.SignatureException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private final CertificateAuthority ca = CertificateAuthority.create("test-ca");

  @Test
  void caCanSignCertificates() {
    assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.certificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
  }

  @Test
  void clientCertificateCarriesUserAsCnAndGroupsAsOrganizations() throws Exception {
    IssuedCertificate cert = ca.issueClient("alice", List.of("system:masters", "team-a"));
    cert.certificate().verify(ca.certificate().getPublicKey());
    String subject = cert.certificate().getSubjectX500Principal().getName();
    assertThat(subject).contains("CN=alice", "O=system:masters", "O=team-a");
    assertThat(cert.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(cert.certificate().getBasicConstraints()).isEqualTo(-1);
  }

  @Test
  void servingCertificateListsItsNames() throws Exception {
    IssuedCertificate cert =
        ca.issueServer("kube-apiserver", List.of("localhost"), List.of("127.0.0.1"));
    assertThat(cert.certificate().getSubjectAlternativeNames())
        .map(san -> (Object) san.get(1))
        .containsExactly("localhost", "127.0.0.1");
    assertThat(cert.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
  }

  @Test
  void anotherCaDoesNotVerify() {
    IssuedCertificate cert = ca.issueClient("bob", List.of());
    CertificateAuthority other = CertificateAuthority.create("other");
    assertThatThrownBy(() -> cert.certificate().verify(other.certificate().getPublicKey()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void pemIsWhatGoAndFabric8Read() {
    assertThat(ca.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(ca.privateKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
  }
}
