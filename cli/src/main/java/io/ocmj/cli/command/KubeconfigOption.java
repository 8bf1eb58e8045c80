package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a kubeconfig option into a connected client, or into a one-line error that names the
 * option, the file and what is wrong with it (missing, not a kubeconfig, server unreachable).
 */
final class KubeconfigOption {
  private KubeconfigOption() {}

  static KubernetesClient connect(String option, Path file) {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UserError(option + " " + file + ": no such file");
    } catch (IOException e) {
      throw new UserError(option + " " + file + ": cannot be read: " + e.getMessage());
    }
    if (yaml.isBlank()) {
      throw new UserError(option + " " + file + ": is empty");
    }
    Config config;
    try {
      config = Config.fromKubeconfig(yaml);
    } catch (RuntimeException e) {
      throw new UserError(option + " " + file + ": not a kubeconfig: " + oneLine(e.getMessage()));
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new UserError(option + " " + file + ": clusters[].cluster.server is missing");
    }
    // Probe once without retries, so an unreachable server is reported at once; the client the
    // command then uses keeps fabric8's retries (a hub answers 429 while a new CRD's storage
    // starts).
    Config probe = Config.fromKubeconfig(yaml);
    probe.setRequestRetryBackoffLimit(0);
    probe.setConnectionTimeout(5000);
    try (KubernetesClient check = new KubernetesClientBuilder().withConfig(probe).build()) {
      check.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      throw new UserError(
          option + " " + file + ": cannot reach " + config.getMasterUrl() + ": " + rootMessage(e));
    }
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * {@link #connect} with {@code file}; without one, inside a pod, the pod's service account (as
   * the Helm charts run ocmj); else a one-line error asking for the option.
   */
  static KubernetesClient connectOrInCluster(String option, Path file, String env) {
    if (file != null) {
      return connect(option, file);
    }
    String host = System.getenv("KUBERNETES_SERVICE_HOST");
    if (host == null || host.isBlank()) {
      throw new UserError(option + " (or env " + env + ") is required outside a pod");
    }
    return new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build();
  }

  /** The server URL of a client's kubeconfig, without a trailing slash. */
  static String serverOf(KubernetesClient client) {
    return client.getConfiguration().getMasterUrl().replaceAll("/$", "");
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").strip();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
