package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.cli.UserError;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.klusterlet.registration.BootstrapKubeconfigSecret;
import io.ocmj.klusterlet.registration.RegistrationConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj rebootstrap}: re-issues bootstrap material (a fresh token and the hub's current CA
 * bundle) to agents that already joined, for example after the hub's CA changed. Running agents
 * pick it up from their {@code bootstrap-hub-kubeconfig} secret and keep their identity.
 */
@Command(
    name = "rebootstrap",
    mixinStandardHelpOptions = true,
    description =
        "Re-issue the bootstrap kubeconfig (new token, the hub's CA bundle) to joined agents.")
public final class RebootstrapCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HubKubeconfigMixin hubOptions;

  @Option(
      names = "--managed-kubeconfig",
      description =
          "Kubeconfig of a managed cluster whose agent gets the new bootstrap secret (repeatable).")
  List<Path> managedKubeconfigs = List.of();

  @Option(
      names = "--ca-bundle",
      description =
          "PEM file with every CA agents should trust for the hub, e.g. old + new during a CA"
              + " rollover (default: the CA of --hub-kubeconfig).")
  Path caBundle;

  @Option(
      names = "--bootstrap-kubeconfig-out",
      description = "Also write the bootstrap kubeconfig to this file, for clusters not listed.")
  Path bootstrapOut;

  @Option(
      names = "--agent-namespace",
      defaultValue = RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
      description = "Namespace of the agent on the managed clusters (default: ${DEFAULT-VALUE}).")
  String agentNamespace;

  @Option(
      names = "--bootstrap-token-ttl",
      defaultValue = "PT24H",
      description = "How long the bootstrap token is valid, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration tokenTtl;

  @Override
  public Integer call() throws IOException {
    if (managedKubeconfigs.isEmpty() && bootstrapOut == null) {
      throw new UserError(
          "nothing to re-issue to: give --managed-kubeconfig (repeatable) or"
              + " --bootstrap-kubeconfig-out");
    }
    PrintWriter out = spec.commandLine().getOut();
    String bootstrap;
    try (KubernetesClient hub = hubOptions.connect()) {
      String ca = caBundle == null ? hubOptions.caPem(hub) : readBundle(caBundle);
      bootstrap = BootstrapIdentity.kubeconfig(hub, KubeconfigOption.serverOf(hub), ca, tokenTtl);
    }
    if (bootstrapOut != null) {
      Files.writeString(bootstrapOut, bootstrap);
      out.printf("Wrote the bootstrap kubeconfig to %s%n", bootstrapOut.toAbsolutePath());
    }
    for (Path kubeconfig : managedKubeconfigs) {
      try (KubernetesClient managed =
          KubeconfigOption.connect("--managed-kubeconfig", kubeconfig)) {
        BootstrapKubeconfigSecret.write(managed, agentNamespace, bootstrap, "ocmj-rebootstrap");
      }
      out.printf(
          "Re-issued %s/%s on %s%n", agentNamespace, BootstrapKubeconfigSecret.NAME, kubeconfig);
    }
    return 0;
  }

  /** Reads a PEM bundle, failing in one line when it holds no certificate. */
  static String readBundle(Path file) {
    String pem;
    try {
      pem = Files.readString(file);
    } catch (IOException e) {
      throw new UserError("--ca-bundle " + file + ": cannot be read: " + e.getMessage());
    }
    try {
      int count =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))
              .size();
      if (count == 0) {
        throw new UserError("--ca-bundle " + file + ": holds no PEM certificate");
      }
    } catch (CertificateException e) {
      throw new UserError(
          "--ca-bundle " + file + ": is not a PEM certificate bundle: " + e.getMessage());
    }
    return pem;
  }
}
