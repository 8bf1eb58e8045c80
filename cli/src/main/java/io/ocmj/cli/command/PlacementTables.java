package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.status.Conditions;
import io.ocmj.cli.UserError;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code ocmj get placements} and {@code ocmj get decisions <placement>}. */
final class PlacementTables {
  private PlacementTables() {}

  static List<Placement> placements(KubernetesClient hub, String namespace) {
    var resources = hub.resources(Placement.class);
    return (namespace == null ? resources.inAnyNamespace() : resources.inNamespace(namespace))
        .list().getItems().stream()
            .sorted(
                Comparator.comparing((Placement p) -> p.getMetadata().getNamespace())
                    .thenComparing(p -> p.getMetadata().getName()))
            .toList();
  }

  static void printPlacements(PrintWriter out, List<Placement> placements) {
    String format = "%-16s %-20s %-10s %-26s %-9s %s%n";
    out.printf(format, "NAMESPACE", "NAME", "SUCCEEDED", "REASON", "SELECTED", "MISCONFIGURED");
    for (Placement p : placements) {
      var conditions =
          p.getStatus() == null
              ? List.<io.fabric8.kubernetes.api.model.Condition>of()
              : p.getStatus().getConditions();
      var satisfied = Conditions.find(conditions, Placement.CONDITION_SATISFIED);
      var misconfigured = Conditions.find(conditions, Placement.CONDITION_MISCONFIGURED);
      out.printf(
          format,
          p.getMetadata().getNamespace(),
          p.getMetadata().getName(),
          satisfied.map(c -> c.getStatus()).orElse(""),
          satisfied.map(c -> c.getReason()).orElse(""),
          p.getStatus() == null
              ? ""
              : java.util.Objects.toString(p.getStatus().getNumberOfSelectedClusters(), ""),
          misconfigured
              .filter(c -> Conditions.TRUE.equals(c.getStatus()))
              .map(c -> c.getMessage())
              .orElse(misconfigured.isPresent() ? "False" : ""));
    }
  }

  /** The placement's decision objects; its namespace found when not given and unambiguous. */
  static List<PlacementDecision> decisions(
      KubernetesClient hub, String namespace, String placement) {
    List<Placement> found =
        placements(hub, namespace).stream()
            .filter(p -> p.getMetadata().getName().equals(placement))
            .toList();
    if (found.isEmpty()) {
      throw new UserError(
          "placement "
              + placement
              + " not found"
              + (namespace == null ? " in any namespace" : " in namespace " + namespace));
    }
    if (found.size() > 1) {
      throw new UserError(
          "placement "
              + placement
              + " exists in namespaces "
              + found.stream().map(p -> p.getMetadata().getNamespace()).toList()
              + "; choose one with -n");
    }
    return decisionsOf(hub, found.get(0));
  }

  /** The decision objects of this placement, in their order. */
  static List<PlacementDecision> decisionsOf(KubernetesClient hub, Placement placement) {
    return hub
        .resources(PlacementDecision.class)
        .inNamespace(placement.getMetadata().getNamespace())
        .withLabel(PlacementDecision.LABEL_PLACEMENT, placement.getMetadata().getName())
        .list()
        .getItems()
        .stream()
        .sorted(Comparator.comparing(PlacementTables::number))
        .toList();
  }

  static void printDecisions(PrintWriter out, List<PlacementDecision> decisions) {
    String format = "%-24s %-6s %-16s %s%n";
    out.printf(format, "CLUSTER", "GROUP", "GROUP NAME", "DECISION");
    int count = 0;
    for (PlacementDecision d : decisions) {
      Map<String, String> labels = d.getMetadata().getLabels();
      List<ClusterDecision> list = d.getStatus() == null ? List.of() : d.getStatus().getDecisions();
      for (ClusterDecision c : list) {
        out.printf(
            format,
            c.getClusterName(),
            labels.getOrDefault(PlacementDecision.LABEL_GROUP_INDEX, ""),
            labels.getOrDefault(PlacementDecision.LABEL_GROUP_NAME, ""),
            d.getMetadata().getName());
        count++;
      }
    }
    out.printf("%d cluster(s) in %d PlacementDecision(s)%n", count, decisions.size());
  }

  /** The n of {@code <placement>-decision-<n>}, so that decision-10 sorts after decision-9. */
  private static int number(PlacementDecision d) {
    String name = d.getMetadata().getName();
    try {
      return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
