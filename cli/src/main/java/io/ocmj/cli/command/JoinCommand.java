package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.cli.UserError;
import io.ocmj.cli.monitoring.MonitoringServer;
import io.ocmj.hub.monitoring.ControllerMetrics;
import io.ocmj.klusterlet.policy.PolicyAgent;
import io.ocmj.klusterlet.policy.PolicyAgentConfig;
import io.ocmj.klusterlet.registration.RegistrationAgent;
import io.ocmj.klusterlet.registration.RegistrationConfig;
import io.ocmj.klusterlet.work.WorkAgent;
import io.ocmj.klusterlet.work.WorkAgentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ocmj join}: runs the registration agent and the work agent for one managed cluster until
 * stopped, and the policy agent as the governance-policy-framework add-on: idle until the hub
 * enables that add-on for the cluster, then with the add-on's own hub credentials (what the
 * add-on's Deployment would run, for clusters whose kubelet cannot pull the ocmj image).
 */
@Command(
    name = "join",
    mixinStandardHelpOptions = true,
    description = "Join a managed cluster to a hub and keep its agent running (Ctrl-C stops).")
public final class JoinCommand implements Callable<Integer> {
  @Mixin MonitoringMixin monitoringOptions;

  @Option(
      names = "--bootstrap-kubeconfig",
      required = true,
      description = "The bootstrap kubeconfig printed by 'ocmj init'.")
  Path bootstrapKubeconfig;

  @Option(
      names = "--cluster-name",
      required = true,
      description = "Name of this cluster on the hub.")
  String clusterName;

  @Option(
      names = "--managed-kubeconfig",
      defaultValue = "${env:KUBECONFIG}",
      description =
          "Kubeconfig of the managed cluster (env KUBECONFIG; in a pod, default: the pod's service"
              + " account).")
  Path managedKubeconfig;

  @Option(
      names = "--managed-cluster-url",
      description =
          "URL the hub lists for this cluster (default: the managed kubeconfig's server; in a pod"
              + " without one, none; 'none': none).")
  String managedUrl;

  @Option(
      names = "--work-resync",
      defaultValue = "PT4M",
      description =
          "How often every ManifestWork is applied again without an event (drift correction;"
              + " up to a tenth more at random), ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration workResync;

  @Option(
      names = "--work-feedback-resync",
      defaultValue = "PT30S",
      description =
          "How often a ManifestWork with feedback or condition rules is read and applied again,"
              + " refreshing the status it reports, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration workFeedbackResync;

  @Option(
      names = "--status-feedback-max-bytes",
      defaultValue = "1024",
      description =
          "Largest JSON value reported as JsonRaw status feedback (default: ${DEFAULT-VALUE}).")
  int statusFeedbackMaxBytes;

  @Option(
      names = "--policy-agent",
      defaultValue = "in-process",
      description =
          "Where the governance-policy-framework add-on's agent runs: in-process (this process"
              + " runs it once the hub enables the add-on for the cluster; for clusters whose"
              + " kubelet cannot run the add-on's Deployment) or deployment (the add-on's"
              + " Deployment runs it; this process does not). Default: ${DEFAULT-VALUE}.")
  String policyAgent;

  @Option(
      names = "--addon-namespace",
      defaultValue = ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE,
      description =
          "The policy add-on's install namespace (its AddOnDeploymentConfig's"
              + " agentInstallNamespace, if any). Default: ${DEFAULT-VALUE}.")
  String addonNamespace;

  private WorkAgentConfig workConfig() {
    try {
      return new WorkAgentConfig(
          clusterName,
          RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
          workResync,
          workFeedbackResync,
          WorkAgentConfig.DEFAULT_RETRY,
          statusFeedbackMaxBytes,
          Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  private RegistrationAgent newAgent(RegistrationConfig config, KubernetesClient managed) {
    try {
      return new RegistrationAgent(config, managed);
    } catch (IllegalArgumentException e) {
      throw new UserError(
          "--bootstrap-kubeconfig "
              + bootstrapKubeconfig
              + ": "
              + e.getMessage().replaceFirst("^bootstrap kubeconfig: ", ""));
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    if (!List.of("in-process", "deployment").contains(policyAgent)) {
      throw new UserError("--policy-agent " + policyAgent + ": must be in-process or deployment");
    }
    String bootstrap;
    try {
      bootstrap = Files.readString(bootstrapKubeconfig);
    } catch (IOException e) {
      throw new UserError(
          "--bootstrap-kubeconfig " + bootstrapKubeconfig + ": cannot be read: " + e.getMessage());
    }
    try (StopSignal stop = StopSignal.install("ocmj-join-stop");
        KubernetesClient managed =
            KubeconfigOption.connectOrInCluster(
                "--managed-kubeconfig", managedKubeconfig, "KUBECONFIG")) {
      // In a pod the service account's server is the in-cluster address, which means nothing to
      // the hub: list none unless told.
      List<String> urls =
          managedUrl != null
              ? ("none".equals(managedUrl) ? List.of() : List.of(managedUrl))
              : managedKubeconfig == null ? List.of() : List.of(KubeconfigOption.serverOf(managed));
      RegistrationConfig config;
      try {
        config =
            new RegistrationConfig(
                clusterName,
                RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
                bootstrap,
                urls,
                null,
                null,
                Duration.ofSeconds(2),
                Clock.systemUTC());
      } catch (IllegalArgumentException e) {
        throw new UserError("--cluster-name: " + e.getMessage());
      }
      try (MonitoringServer monitoring = monitoringOptions.start();
          RegistrationAgent agent = newAgent(config, managed);
          WorkAgent work =
              new WorkAgent(workConfig(), managed).withMetrics(ControllerMetrics.global());
          PolicyAgent policy =
              new PolicyAgent(
                      PolicyAgentConfig.addon(
                          clusterName, addonNamespace, RegistrationConfig.DEFAULT_AGENT_NAMESPACE),
                      managed)
                  .withMetrics(ControllerMetrics.global())) {
        // Fail now, in one line, when the hub cannot be reached at all; later outages are retried.
        KubeconfigOption.connect("--bootstrap-kubeconfig", bootstrapKubeconfig).close();
        agent.start();
        work.start();
        if ("in-process".equals(policyAgent)) {
          policy.start();
        }
        if (monitoring != null) {
          monitoring
              .ready("registration", () -> "joined".equals(agent.phase()))
              .ready("work-agent", work::running);
        }
        System.out.println(
            "ocmj agent for cluster "
                + clusterName
                + " is running"
                + (monitoring == null ? "" : "; metrics on " + monitoring.url() + "/metrics")
                + "; Ctrl-C stops.");
        stop.await();
      }
    }
    return 0;
  }
}
