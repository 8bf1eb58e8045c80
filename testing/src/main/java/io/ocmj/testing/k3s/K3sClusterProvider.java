package io.ocmj.testing.k3s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.ocmj.testing.ClusterProvider;
import io.ocmj.testing.ClusterProviderUnavailableException;
import io.ocmj.testing.TestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * k3s clusters through Testcontainers ({@code -Docmj.test.clusters=k3s}). Needs a Docker engine;
 * without one the provider reports itself unavailable and tests are skipped with that reason.
 */
public final class K3sClusterProvider implements ClusterProvider {
  /** The k3s image; override with {@code -Docmj.test.k3s.image}. */
  public static final String DEFAULT_IMAGE = "rancher/k3s:v1.35.4-k3s1";

  @Override
  public List<TestCluster> start(List<String> names) {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new ClusterProviderUnavailableException(
          "k3s clusters need a Docker engine, and none is reachable on this machine");
    }
    DockerImageName image =
        DockerImageName.parse(System.getProperty("ocmj.test.k3s.image", DEFAULT_IMAGE));
    List<TestCluster> clusters = new ArrayList<>();
    try {
      for (String name : names) {
        clusters.add(K3sCluster.start(name, image));
      }
      return clusters;
    } catch (RuntimeException e) {
      clusters.forEach(TestCluster::close);
      throw e;
    }
  }

  private record K3sCluster(
      String name, K3sContainer container, Path kubeconfig, KubernetesClient client)
      implements TestCluster {
    static K3sCluster start(String name, DockerImageName image) {
      K3sContainer container = new K3sContainer(image);
      container.start();
      String yaml = container.getKubeConfigYaml();
      try {
        Path file = Files.createTempFile("ocmj-k3s-" + name, ".kubeconfig");
        Files.writeString(file, yaml);
        KubernetesClient client =
            new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(yaml)).build();
        return new K3sCluster(name, container, file, client);
      } catch (IOException e) {
        container.stop();
        throw new UncheckedIOException("cannot write the kubeconfig of k3s cluster " + name, e);
      }
    }

    @Override
    public String serverUrl() {
      return client.getConfiguration().getMasterUrl();
    }

    @Override
    public String caCertificatePem() {
      return null;
    }

    @Override
    public void close() {
      client.close();
      container.stop();
      try {
        Files.deleteIfExists(kubeconfig);
      } catch (IOException e) {
        // a temp file; the OS cleans it
      }
    }
  }
}
