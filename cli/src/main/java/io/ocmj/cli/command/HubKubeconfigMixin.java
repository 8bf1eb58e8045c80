package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --hub-kubeconfig} option every hub-side command takes. */
final class HubKubeconfigMixin {
  @Option(
      names = "--hub-kubeconfig",
      required = true,
      defaultValue = "${env:OCMJ_HUB_KUBECONFIG}",
      description = "Kubeconfig of the hub cluster (env OCMJ_HUB_KUBECONFIG).")
  Path hubKubeconfig;

  /** A connected hub client, or a one-line error naming what is wrong with the kubeconfig. */
  KubernetesClient connect() {
    return KubeconfigOption.connect("--hub-kubeconfig", hubKubeconfig);
  }
}
