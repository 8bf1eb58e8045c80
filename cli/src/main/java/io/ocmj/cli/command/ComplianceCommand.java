package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.policy.v1.ComplianceHistory;
import io.ocmj.api.policy.v1.Policy;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj compliance}: the fleet's policy compliance, per policy and cluster, with the latest
 * message and the Git revision of the policy version; {@code --cluster} shows one cluster's
 * templates with their history.
 */
@Command(
    name = "compliance",
    mixinStandardHelpOptions = true,
    description = "Show policy compliance across the fleet, or one cluster's details with history.")
public final class ComplianceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cluster", description = "Show this cluster's templates and their history.")
  String cluster;

  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace of the root policies (default: all).")
  String namespace;

  @Option(
      names = "--since",
      paramLabel = "<rev>",
      description =
          "Show what this commit of the fleet repository did to compliance (from the reports"
              + " branch of GitSync spec.reports).")
  String since;

  @Option(names = "--repo", description = "With --since: the repository (default: the GitSync's).")
  String repo;

  @Option(
      names = "--branch",
      description = "With --since: the reports branch (default: the GitSync's).")
  String branch;

  @Option(
      names = "--path",
      description = "With --since: the reports folder (default: the GitSync's).")
  String path;

  @Option(names = "--gitsync", description = "With --since: the GitSync whose reports to read.")
  String gitSync;

  @Mixin HubKubeconfigMixin hubOptions;

  @Mixin OutputMixin output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (since != null) {
      return since(out);
    }
    try (KubernetesClient hub = hubOptions.connect()) {
      Object report =
          cluster == null
              ? fleet(hub, namespace)
              : ComplianceReport.cluster(
                  replicas(hub).stream()
                      .filter(r -> cluster.equals(r.getMetadata().getNamespace()))
                      .filter(
                          r ->
                              namespace == null
                                  || r.getMetadata().getName().startsWith(namespace + "."))
                      .toList());
      switch (output.format) {
        case json -> out.println(Serialization.asJson(report));
        case yaml -> out.print(Serialization.asYaml(report));
        default -> print(out, report);
      }
    }
    out.flush();
    return 0;
  }

  private int since(PrintWriter out) {
    try {
      io.ocmj.gitops.reports.ComplianceHistory.checkRevision(since); // before any fetch
    } catch (IllegalArgumentException e) {
      throw new io.ocmj.cli.UserError("compliance " + e.getMessage());
    }
    KubernetesClient[] hub = new KubernetesClient[1];
    try {
      ComplianceSince.Result result =
          ComplianceSince.read(
              ComplianceSince.source(
                  repo, branch, path, gitSync, namespace, () -> hub[0] = hubOptions.connect()),
              since);
      switch (output.format) {
        case json -> out.println(Serialization.asJson(result));
        case yaml -> out.print(Serialization.asYaml(result));
        default -> ComplianceSince.print(out, result);
      }
    } finally {
      if (hub[0] != null) {
        hub[0].close();
      }
    }
    out.flush();
    return 0;
  }

  @SuppressWarnings("unchecked")
  private void print(PrintWriter out, Object report) {
    if (cluster != null) {
      List<ComplianceReport.TemplateRow> rows = (List<ComplianceReport.TemplateRow>) report;
      if (rows.isEmpty()) {
        out.println("No policy status on cluster " + cluster + ".");
      }
      for (ComplianceReport.TemplateRow r : rows) {
        out.printf("%s / %s: %s%n", r.policy(), r.template(), r.compliant());
        for (ComplianceHistory h : r.history()) {
          out.printf("  %-20s %s%n", h.getLastTimestamp(), h.getMessage());
        }
      }
      return;
    }
    printFleet(out, (List<ComplianceReport.Row>) report);
  }

  /** The root policies (not replicas) of a namespace, or of all when it is null. */
  static List<Policy> roots(KubernetesClient hub, String namespace) {
    var resources = hub.resources(Policy.class);
    return (namespace == null ? resources.inAnyNamespace() : resources.inNamespace(namespace))
        .withoutLabel(Policy.LABEL_ROOT_POLICY)
        .list()
        .getItems();
  }

  /** Every replicated policy on the hub. */
  static List<Policy> replicas(KubernetesClient hub) {
    return hub.resources(Policy.class)
        .inAnyNamespace()
        .withLabel(Policy.LABEL_ROOT_POLICY)
        .list()
        .getItems();
  }

  /** The fleet report of a namespace's root policies. */
  static List<ComplianceReport.Row> fleet(KubernetesClient hub, String namespace) {
    return ComplianceReport.fleet(roots(hub, namespace), replicas(hub));
  }

  /** The fleet table: one line per policy and cluster. */
  static void printFleet(PrintWriter out, List<ComplianceReport.Row> rows) {
    String format = "%-30s %-10s %-16s %-13s %-12s %s%n";
    out.printf(format, "POLICY", "ACTION", "CLUSTER", "COMPLIANCE", "REVISION", "MESSAGE");
    for (ComplianceReport.Row r : rows) {
      out.printf(
          format,
          r.namespace() + "/" + r.policy(),
          r.remediationAction(),
          r.cluster(),
          r.compliant(),
          r.revision().length() > 12 ? r.revision().substring(0, 12) : r.revision(),
          r.message());
    }
  }
}
