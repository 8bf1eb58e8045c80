package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.HubSetup;
import io.ocmj.hub.registration.BootstrapIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj init}: prepares a hub (CRDs, the shared and bootstrap RBAC, admission policies),
 * writes a bootstrap kubeconfig and prints the join command, as {@code clusteradm init} does.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Prepare a hub and print the join command.")
public final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HubKubeconfigMixin hubOptions;

  @Option(
      names = "--bootstrap-kubeconfig-out",
      defaultValue = "bootstrap-hub.kubeconfig",
      description =
          "Where to write the bootstrap kubeconfig agents join with (default: ${DEFAULT-VALUE}).")
  Path bootstrapOut;

  @Option(
      names = "--bootstrap-token-ttl",
      defaultValue = "PT24H",
      description = "How long the bootstrap token is valid, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration tokenTtl;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient hub = hubOptions.connect()) {
      out.printf("Installing CRDs on %s...%n", hub.getMasterUrl());
      out.flush();
      HubCrds.install(hub);
      HubSetup.apply(hub, "ocmj-init");
      String caPem = hubOptions.caPem(hub);
      String bootstrap =
          BootstrapIdentity.kubeconfig(hub, KubeconfigOption.serverOf(hub), caPem, tokenTtl);
      Files.writeString(bootstrapOut, bootstrap);
      out.printf("The hub is ready. On each managed cluster, run:%n%n");
      out.printf(
          "  ocmj join --bootstrap-kubeconfig %s --cluster-name <cluster-name> --managed-kubeconfig <kubeconfig of that cluster>%n%n",
          bootstrapOut.toAbsolutePath());
      out.printf(
          "then accept it here: ocmj accept --hub-kubeconfig %s --clusters <cluster-name>%n",
          hubOptions.hubKubeconfig);
    }
    return 0;
  }
}
