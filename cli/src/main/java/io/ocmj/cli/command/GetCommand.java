package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.status.Conditions;
import io.ocmj.cli.UserError;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj get clusters|placements|decisions <placement>}: the cluster inventory (like {@code
 * clusteradm get clusters}), placements and what they decided.
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Show hub resources: clusters, placements, decisions <placement>, addons.")
public final class GetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "What to show: clusters, placements, decisions.")
  String what;

  @Parameters(index = "1", arity = "0..1", description = "The placement, for decisions.")
  String name;

  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace of placements (default: all).")
  String namespace;

  @Mixin HubKubeconfigMixin hubOptions;

  @Mixin OutputMixin output;

  @Override
  public Integer call() {
    String kind = what.toLowerCase(Locale.ROOT);
    if (List.of("placements", "placement").contains(kind)) {
      return placements();
    }
    if (List.of("decisions", "decision", "placementdecisions").contains(kind)) {
      return decisions();
    }
    if (List.of("addons", "addon", "managedclusteraddons", "mca").contains(kind)) {
      return addons();
    }
    if (!List.of("clusters", "cluster", "managedclusters").contains(kind)) {
      throw new UserError(
          "get "
              + what
              + ": unknown resource; try: ocmj get clusters | placements | decisions <placement> |"
              + " addons [<name>]");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient hub = hubOptions.connect()) {
      List<ManagedCluster> clusters =
          hub.resources(ManagedCluster.class).list().getItems().stream()
              .sorted(Comparator.comparing(c -> c.getMetadata().getName()))
              .toList();
      switch (output.format) {
        case json -> out.println(Serialization.asJson(clusters));
        case yaml -> out.print(Serialization.asYaml(clusters));
        default -> printTable(out, clusters);
      }
    }
    out.flush();
    return 0;
  }

  private int placements() {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient hub = hubOptions.connect()) {
      List<Placement> placements = PlacementTables.placements(hub, namespace);
      switch (output.format) {
        case json -> out.println(Serialization.asJson(placements));
        case yaml -> out.print(Serialization.asYaml(placements));
        default -> PlacementTables.printPlacements(out, placements);
      }
    }
    out.flush();
    return 0;
  }

  private int addons() {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient hub = hubOptions.connect()) {
      var addons = AddonTables.addons(hub, name);
      switch (output.format) {
        case json -> out.println(Serialization.asJson(addons));
        case yaml -> out.print(Serialization.asYaml(addons));
        default -> AddonTables.print(out, addons);
      }
    }
    out.flush();
    return 0;
  }

  private int decisions() {
    if (name == null) {
      throw new UserError("get decisions: name the placement: ocmj get decisions <placement>");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient hub = hubOptions.connect()) {
      List<PlacementDecision> decisions = PlacementTables.decisions(hub, namespace, name);
      switch (output.format) {
        case json -> out.println(Serialization.asJson(decisions));
        case yaml -> out.print(Serialization.asYaml(decisions));
        default -> PlacementTables.printDecisions(out, decisions);
      }
    }
    out.flush();
    return 0;
  }

  private static void printTable(PrintWriter out, List<ManagedCluster> clusters) {
    String format = "%-20s %-9s %-7s %-10s %-12s %s%n";
    out.printf(
        format, "NAME", "ACCEPTED", "JOINED", "AVAILABLE", "CLUSTERSET", "KUBERNETES VERSION");
    for (ManagedCluster c : clusters) {
      var conditions =
          c.getStatus() == null
              ? List.<io.fabric8.kubernetes.api.model.Condition>of()
              : c.getStatus().getConditions();
      String set =
          c.getMetadata().getLabels() == null
              ? ""
              : c.getMetadata().getLabels().getOrDefault(ManagedClusterSet.LABEL_CLUSTER_SET, "");
      String version =
          c.getStatus() == null || c.getStatus().getVersion() == null
              ? ""
              : c.getStatus().getVersion().getKubernetes();
      out.printf(
          format,
          c.getMetadata().getName(),
          c.getSpec() != null && c.getSpec().isAccepted(),
          status(conditions, ManagedCluster.CONDITION_JOINED),
          status(conditions, ManagedCluster.CONDITION_AVAILABLE),
          set,
          version);
    }
  }

  private static String status(
      List<io.fabric8.kubernetes.api.model.Condition> conditions, String type) {
    return Conditions.find(conditions, type).map(c -> c.getStatus()).orElse("");
  }
}
