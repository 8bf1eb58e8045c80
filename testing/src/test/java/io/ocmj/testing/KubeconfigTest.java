package io.ocmj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.ocmj.testing.CertificateAuthority.IssuedCertificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeconfigTest {
  @Test
  void fabric8ReadsTheRenderedKubeconfig() {
    CertificateAuthority ca = CertificateAuthority.create("ca");
    IssuedCertificate admin = ca.issueClient("admin", List.of("system:masters"));
    String yaml =
        Kubeconfig.render(
            "hub",
            "https://127.0.0.1:6443",
            ca.certificatePem(),
            admin.certificatePem(),
            admin.privateKeyPem());

    Config config = Config.fromKubeconfig(yaml);

    assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
    assertThat(config.getCurrentContext().getName()).isEqualTo("hub");
    assertThat(config.getCaCertData()).isEqualTo(Pem.base64(ca.certificatePem()));
    assertThat(config.getClientCertData()).isEqualTo(Pem.base64(admin.certificatePem()));
  }
}
