package io.ocmj.testing;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Existing clusters named by contexts of a kubeconfig (the file in {@code -Docmj.test.kubeconfig},
 * else {@code $KUBECONFIG}). The contexts come from {@code -Docmj.test.kubeconfig.contexts} (comma
 * separated), else the current context alone. Nothing is ever stopped or deleted on them.
 */
public final class KubeconfigClusterProvider implements ClusterProvider {
  private final Path kubeconfig;
  private final List<String> contexts;

  public KubeconfigClusterProvider(Path kubeconfig, List<String> contexts) {
    this.kubeconfig = kubeconfig;
    this.contexts = contexts;
  }

  static KubeconfigClusterProvider fromSystemProperties() {
    String file = System.getProperty("ocmj.test.kubeconfig", System.getenv("KUBECONFIG"));
    if (file == null || file.isBlank()) {
      throw new ClusterProviderUnavailableException(
          "-Docmj.test.clusters=kubeconfig needs -Docmj.test.kubeconfig=<file> or $KUBECONFIG");
    }
    String listed = System.getProperty("ocmj.test.kubeconfig.contexts", "");
    List<String> contexts =
        listed.isBlank()
            ? List.of()
            : Arrays.stream(listed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new KubeconfigClusterProvider(
        Path.of(file.split(java.io.File.pathSeparator)[0]), contexts);
  }

  @Override
  public List<TestCluster> start(List<String> names) {
    String yaml;
    List<String> available;
    try {
      yaml = Files.readString(kubeconfig);
      var parsed = KubeConfigUtils.parseConfigFromString(yaml);
      available =
          contexts.isEmpty()
              ? List.of(parsed.getCurrentContext())
              : contexts.stream()
                  .filter(
                      c ->
                          parsed.getContexts().stream()
                              .map(NamedContext::getName)
                              .anyMatch(c::equals))
                  .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig, e);
    }
    if (available.size() < names.size()) {
      throw new ClusterProviderUnavailableException(
          "the test needs "
              + names.size()
              + " clusters but "
              + kubeconfig
              + " offers contexts "
              + available
              + " (list more with -Docmj.test.kubeconfig.contexts)");
    }
    List<TestCluster> clusters = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Config config = Config.fromKubeconfig(available.get(i), yaml, kubeconfig.toString());
      clusters.add(
          new Existing(
              names.get(i), kubeconfig, new KubernetesClientBuilder().withConfig(config).build()));
    }
    return clusters;
  }

  private record Existing(String name, Path kubeconfig, KubernetesClient client)
      implements TestCluster {
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
    }
  }
}
