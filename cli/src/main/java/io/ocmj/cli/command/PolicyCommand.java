package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.cli.UserError;
import io.ocmj.cli.monitoring.MonitoringServer;
import io.ocmj.hub.monitoring.ControllerMetrics;
import io.ocmj.klusterlet.policy.PolicyAgent;
import io.ocmj.klusterlet.policy.PolicyAgentConfig;
import io.ocmj.policy.rego.GatorSuite;
import io.ocmj.policy.rego.RegoCompiler;
import io.ocmj.policy.rego.RegoException;
import io.ocmj.testing.Binaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj policy verify <folder>}: runs Gatekeeper {@code suite.yaml} files (gator's format)
 * found in the folder through ocmj's Rego engine, as {@code gator verify} does; exit 1 when a case
 * fails. {@code ocmj policy agent}: the policy agent of one managed cluster as the {@value
 * Policy#ADDON_NAME} add-on (what the add-on's Deployment runs).
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = {
      "Policy tools: verify <folder> runs Gatekeeper suite.yaml files;",
      "agent runs the policy agent of a managed cluster as the governance-policy-framework add-on."
    })
public final class PolicyCommand implements Callable<Integer> {
  @Mixin MonitoringMixin monitoringOptions;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "What to do: verify or agent.")
  String action;

  @Parameters(
      index = "1",
      arity = "0..1",
      description = "verify: a folder with suite.yaml files (searched recursively).")
  Path folder;

  @Option(names = "--cluster-name", description = "agent: the managed cluster's name on the hub.")
  String clusterName;

  @Option(
      names = "--addon-namespace",
      defaultValue = ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE,
      description =
          "agent: the add-on's install namespace, where its hub credentials are"
              + " (default: ${DEFAULT-VALUE}).")
  String addonNamespace;

  @Option(
      names = "--klusterlet-namespace",
      defaultValue = "open-cluster-management-agent",
      description =
          "agent: the klusterlet's namespace, whose hub identity gives the hub's address and CA"
              + " (default: ${DEFAULT-VALUE}).")
  String klusterletNamespace;

  @Option(
      names = "--managed-kubeconfig",
      defaultValue = "${env:KUBECONFIG}",
      description =
          "agent: kubeconfig of the managed cluster (env KUBECONFIG; in a pod, its service"
              + " account when unset).")
  Path managedKubeconfig;

  @Option(
      names = "--opa",
      description = "The opa binary that compiles Rego (default: built into ~/.cache/ocmj/bin).")
  Path opa;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if ("agent".equals(action)) {
      return agent();
    }
    if (!"verify".equals(action)) {
      throw new UserError(
          "policy "
              + action
              + ": unknown action; try: ocmj policy verify <folder>, or ocmj policy agent");
    }
    if (folder == null) {
      throw new UserError("policy verify: which folder? ocmj policy verify <folder>");
    }
    if (!Files.isDirectory(folder)) {
      throw new UserError("policy verify: " + folder + " is not a folder");
    }
    List<Path> suites;
    try (Stream<Path> files = Files.walk(folder)) {
      suites = files.filter(p -> p.getFileName().toString().equals("suite.yaml")).sorted().toList();
    }
    if (suites.isEmpty()) {
      throw new UserError("policy verify: no suite.yaml under " + folder);
    }
    RegoCompiler compiler =
        new RegoCompiler(
            opa != null ? opa : new Binaries(Binaries.defaultCacheDir()).ensure("opa"));
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    for (Path suite : suites) {
      failed += verify(out, compiler, suite.getParent());
    }
    out.printf(
        "%d suite(s), %s%n", suites.size(), failed == 0 ? "all cases pass" : failed + " failing");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private int agent() throws InterruptedException {
    if (clusterName == null || clusterName.isBlank()) {
      throw new UserError("policy agent: --cluster-name is required");
    }
    try (StopSignal stop = StopSignal.install("ocmj-policy-agent-stop");
        MonitoringServer monitoring = monitoringOptions.start();
        KubernetesClient managed =
            managedKubeconfig == null
                ? new KubernetesClientBuilder().build()
                : KubeconfigOption.connect("--managed-kubeconfig", managedKubeconfig);
        PolicyAgent agent =
            new PolicyAgent(
                    PolicyAgentConfig.addon(clusterName, addonNamespace, klusterletNamespace),
                    managed)
                .withMetrics(ControllerMetrics.global())) {
      agent.start();
      if (monitoring != null) {
        monitoring.ready("policy-agent", agent::running);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "ocmj policy agent for cluster %s is running; it starts evaluating once the %s add-on is"
              + " enabled for the cluster (its credentials in %s/%s)%s. Ctrl-C stops.%n",
          clusterName,
          Policy.ADDON_NAME,
          addonNamespace,
          PolicyAgentConfig.ADDON_SECRET,
          monitoring == null ? "" : "; metrics on " + monitoring.url() + "/metrics");
      out.flush();
      stop.await();
    }
    return 0;
  }

  private static int verify(PrintWriter out, RegoCompiler compiler, Path dir) {
    try {
      int failed = 0;
      for (GatorSuite.CaseResult r : GatorSuite.run(dir, compiler)) {
        out.printf(
            "%s %s / %s / %s: %s%n",
            r.passed() ? "PASS" : "FAIL", dir.getFileName(), r.test(), r.name(), r.detail());
        failed += r.passed() ? 0 : 1;
      }
      return failed;
    } catch (IOException | RegoException | RuntimeException e) {
      out.printf("FAIL %s: %s%n", dir, e.getMessage());
      return 1;
    }
  }
}
