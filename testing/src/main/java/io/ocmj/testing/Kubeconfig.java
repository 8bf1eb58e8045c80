package io.ocmj.testing;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Renders a kubeconfig with one cluster, one certificate user and one context. */
public final class Kubeconfig {
  private Kubeconfig() {}

  /** A kubeconfig YAML whose credentials are inline ({@code *-data}) PEM. */
  public static String render(
      String name, String serverUrl, String caPem, String clientCertPem, String clientKeyPem) {
    return Serialization.asYaml(
        new ConfigBuilder()
            .withApiVersion("v1")
            .withKind("Config")
            .addNewCluster()
            .withName(name)
            .withNewCluster()
            .withServer(serverUrl)
            .withCertificateAuthorityData(Pem.base64(caPem))
            .endCluster()
            .endCluster()
            .addNewUser()
            .withName(name + "-admin")
            .withNewUser()
            .withClientCertificateData(Pem.base64(clientCertPem))
            .withClientKeyData(Pem.base64(clientKeyPem))
            .endUser()
            .endUser()
            .addNewContext()
            .withName(name)
            .withNewContext()
            .withCluster(name)
            .withUser(name + "-admin")
            .endContext()
            .endContext()
            .withCurrentContext(name)
            .build());
  }
}
