package io.ocmj.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;

/**
 * One Kubernetes cluster handed to a test: an admin client, its kubeconfig file and the CA that
 * signs (and verifies) its certificates.
 */
public interface TestCluster extends AutoCloseable {
  /** A short name, unique among the clusters of one set (hub, cluster1, ...). */
  String name();

  /** A client with cluster-admin rights; owned by the cluster, do not close it. */
  KubernetesClient client();

  /** A kubeconfig file with the same admin identity, for kubectl or a child process. */
  Path kubeconfig();

  /** The https URL of the API server. */
  String serverUrl();

  /**
   * PEM of the CA that the API server trusts for client certificates and that signs approved {@code
   * kubernetes.io/kube-apiserver-client} CSRs; null when the provider does not know it.
   */
  String caCertificatePem();

  /** A new client (closed by the caller) that authenticates with a client certificate. */
  default KubernetesClient clientWithCertificate(String certificatePem, String privateKeyPem) {
    Config config = sameServer();
    config.setClientCertData(Pem.base64(certificatePem));
    config.setClientKeyData(Pem.base64(privateKeyPem));
    config.setClientKeyAlgo("RSA");
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** A new client (closed by the caller) that authenticates with a bearer token. */
  default KubernetesClient clientWithToken(String token) {
    Config config = sameServer();
    config.setOauthToken(token);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** This cluster's server and trust, no credentials, no retries (tests want the first answer). */
  private Config sameServer() {
    Config admin = client().getConfiguration();
    Config config = Config.empty();
    config.setMasterUrl(serverUrl());
    config.setCaCertData(admin.getCaCertData());
    config.setCaCertFile(admin.getCaCertFile());
    config.setTrustCerts(admin.isTrustCerts());
    config.setRequestRetryBackoffLimit(0);
    return config;
  }

  /** Stops the cluster (for a local one: its processes) and frees its files. */
  @Override
  void close();
}
