package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The agent's two ways into the hub: the bootstrap identity (from the bootstrap kubeconfig), and
 * its own certificate (from {@code hub-kubeconfig-secret}), whose client is rebuilt when the
 * certificate changes.
 */
final class HubClients implements AutoCloseable {
  private String bootstrapKubeconfig;
  private Config bootstrapConfig;
  private KubernetesClient bootstrap;
  private KubernetesClient current;
  private String currentKubeconfig;

  HubClients(String bootstrapKubeconfig) {
    this.bootstrapConfig = parse(bootstrapKubeconfig);
    this.bootstrapKubeconfig = bootstrapKubeconfig;
  }

  /**
   * Switches to a re-issued bootstrap kubeconfig; returns false when it is the one in use. Throws
   * IllegalArgumentException (naming the field) when it is invalid, keeping the current one.
   */
  synchronized boolean replaceBootstrap(String kubeconfig) {
    if (kubeconfig.equals(bootstrapKubeconfig)) {
      return false;
    }
    Config parsed = parse(kubeconfig);
    bootstrapConfig = parsed;
    bootstrapKubeconfig = kubeconfig;
    if (bootstrap != null) {
      bootstrap.close();
      bootstrap = null;
    }
    return true;
  }

  synchronized String bootstrapKubeconfig() {
    return bootstrapKubeconfig;
  }

  synchronized String serverUrl() {
    return bootstrapConfig.getMasterUrl();
  }

  /** Parses and checks a bootstrap kubeconfig; the error names the field that is wrong. */
  static Config parse(String kubeconfig) {
    if (kubeconfig == null || kubeconfig.isBlank()) {
      throw new IllegalArgumentException("bootstrap kubeconfig: is empty");
    }
    Config config;
    try {
      config = Config.fromKubeconfig(kubeconfig);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "bootstrap kubeconfig: cannot be parsed: " + e.getMessage(), e);
    }
    String server = config.getMasterUrl();
    if (server == null || server.isBlank() || URI.create(server).getHost() == null) {
      throw new IllegalArgumentException(
          "bootstrap kubeconfig: clusters[].cluster.server is missing");
    }
    if (!server.startsWith("https://")) {
      throw new IllegalArgumentException(
          "bootstrap kubeconfig: clusters[].cluster.server must be an https URL, was " + server);
    }
    config.setRequestRetryBackoffLimit(1);
    return config;
  }

  synchronized KubernetesClient bootstrap() {
    if (bootstrap == null) {
      bootstrap = new KubernetesClientBuilder().withConfig(bootstrapConfig).build();
    }
    return bootstrap;
  }

  /** A client using the secret's kubeconfig, rebuilt when it changed (new certificate or CA). */
  synchronized KubernetesClient forCertificate(HubKubeconfigSecret secret) {
    if (current == null || !secret.kubeconfig().equals(currentKubeconfig)) {
      if (current != null) {
        current.close();
      }
      Config config = Config.fromKubeconfig(secret.kubeconfig());
      config.setRequestRetryBackoffLimit(1);
      current = new KubernetesClientBuilder().withConfig(config).build();
      currentKubeconfig = secret.kubeconfig();
    }
    return current;
  }

  /**
   * A kubeconfig for the hub (server and CA from the bootstrap one) with the agent's own identity.
   */
  synchronized String kubeconfigFor(String cluster, String certificatePem, String keyPem) {
    return Serialization.asYaml(
        new ConfigBuilder()
            .withApiVersion("v1")
            .withKind("Config")
            .addNewCluster()
            .withName("hub")
            .withNewCluster()
            .withServer(bootstrapConfig.getMasterUrl())
            .withCertificateAuthorityData(caData())
            .endCluster()
            .endCluster()
            .addNewUser()
            .withName(cluster)
            .withNewUser()
            .withClientCertificateData(base64(certificatePem))
            .withClientKeyData(base64(keyPem))
            .endUser()
            .endUser()
            .addNewContext()
            .withName("default")
            .withNewContext()
            .withCluster("hub")
            .withUser(cluster)
            .endContext()
            .endContext()
            .withCurrentContext("default")
            .build());
  }

  private String caData() {
    if (bootstrapConfig.getCaCertData() != null) {
      return bootstrapConfig.getCaCertData();
    }
    if (bootstrapConfig.getCaCertFile() != null) {
      try {
        return base64(
            java.nio.file.Files.readString(java.nio.file.Path.of(bootstrapConfig.getCaCertFile())));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(
            "bootstrap kubeconfig: certificate-authority "
                + bootstrapConfig.getCaCertFile()
                + " cannot be read",
            e);
      }
    }
    return null;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void close() {
    if (bootstrap != null) {
      bootstrap.close();
    }
    if (current != null) {
      current.close();
    }
  }
}
