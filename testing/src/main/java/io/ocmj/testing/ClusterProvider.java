package io.ocmj.testing;

import java.util.List;

/**
 * Where test clusters come from: local processes (the default), an existing cluster from a
 * kubeconfig, or k3s in Docker. Chosen with the system property {@code ocmj.test.clusters}.
 */
public interface ClusterProvider {
  /** The system property that selects the provider: local, kubeconfig or k3s. */
  String SELECTOR = "ocmj.test.clusters";

  /** Starts (or connects to) one cluster per name. */
  List<TestCluster> start(List<String> names);

  /** The provider selected by {@link #SELECTOR}; {@code local} when unset. */
  static ClusterProvider selected() {
    String choice = System.getProperty(SELECTOR, "local").trim();
    return switch (choice) {
      case "local" -> new LocalClusterProvider(new Binaries(Binaries.defaultCacheDir()));
      case "kubeconfig" -> KubeconfigClusterProvider.fromSystemProperties();
      case "k3s" -> reflective("io.ocmj.testing.k3s.K3sClusterProvider");
      default ->
          throw new IllegalArgumentException(
              "-D" + SELECTOR + "=" + choice + ": must be local, kubeconfig or k3s");
    };
  }

  private static ClusterProvider reflective(String className) {
    try {
      return (ClusterProvider) Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new ClusterProviderUnavailableException(
          className + " cannot be loaded (is Testcontainers on the test classpath?): " + e);
    }
  }
}
