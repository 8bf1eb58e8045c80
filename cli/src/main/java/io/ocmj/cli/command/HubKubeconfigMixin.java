package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import picocli.CommandLine.Option;

/** The {@code --hub-kubeconfig} option every hub-side command takes. */
final class HubKubeconfigMixin {
  @Option(
      names = "--hub-kubeconfig",
      defaultValue = "${env:OCMJ_HUB_KUBECONFIG}",
      description =
          "Kubeconfig of the hub cluster (env OCMJ_HUB_KUBECONFIG; for 'ocmj hub' in a pod,"
              + " default: the pod's service account).")
  Path hubKubeconfig;

  /** A connected hub client, or a one-line error naming what is wrong with the kubeconfig. */
  KubernetesClient connect() {
    // Not required by picocli: some commands (compliance --since --repo) work without a hub.
    if (hubKubeconfig == null) {
      throw new UserError("--hub-kubeconfig (or env OCMJ_HUB_KUBECONFIG) is required");
    }
    return KubeconfigOption.connect("--hub-kubeconfig", hubKubeconfig);
  }

  /**
   * As {@link #connect()}, but without a kubeconfig inside a pod the pod's service account: only
   * for {@code ocmj hub}, which the chart runs in the hub cluster (a one-shot command in some CI
   * pod must not silently act on that pod's cluster).
   */
  KubernetesClient connectOrInPod() {
    return KubeconfigOption.connectOrInCluster(
        "--hub-kubeconfig", hubKubeconfig, "OCMJ_HUB_KUBECONFIG");
  }

  /** PEM of the CA(s) the hub kubeconfig trusts, to hand to agents. */
  String caPem(KubernetesClient hub) {
    var config = hub.getConfiguration();
    try {
      if (config.getCaCertData() != null) {
        return new String(
            Base64.getDecoder().decode(config.getCaCertData()), StandardCharsets.UTF_8);
      }
      if (config.getCaCertFile() != null) {
        return Files.readString(Path.of(config.getCaCertFile()));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError(
          "--hub-kubeconfig "
              + hubKubeconfig
              + ": clusters[].cluster.certificate-authority cannot be read: "
              + e.getMessage());
    }
    throw new UserError(
        "--hub-kubeconfig "
            + hubKubeconfig
            + ": clusters[].cluster.certificate-authority(-data) is needed to give agents the hub's CA");
  }
}
