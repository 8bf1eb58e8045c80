package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What dev up shows after its clusters are up: placements and what to try through Git. */
final class DevTour {
  /** The greeting the example repository's inform policy and hello-world works agree on. */
  static final String GREETING = "Hello from the ocmj hub";

  private DevTour() {}

  static void printPlacements(PrintWriter out, KubernetesClient hub, String namespace) {
    List<Placement> placements = PlacementTables.placements(hub, namespace);
    if (placements.isEmpty()) {
      return;
    }
    out.println("Placements of " + namespace + " and the clusters they chose:");
    String format = "  %-14s %-9s %s%n";
    out.printf(format, "PLACEMENT", "SELECTED", "DECISIONS");
    for (Placement p : placements) {
      List<String> chosen =
          PlacementTables.decisionsOf(hub, p).stream()
              .map(PlacementDecision::getStatus)
              .filter(Objects::nonNull)
              .flatMap(s -> s.getDecisions().stream())
              .map(d -> d.getClusterName())
              .sorted()
              .toList();
      out.printf(
          format,
          p.getMetadata().getName(),
          p.getStatus() == null
              ? ""
              : Objects.toString(p.getStatus().getNumberOfSelectedClusters()),
          chosen.isEmpty() ? "(none)" : String.join(", ", chosen));
    }
    out.println();
  }

  /** The one commit to try, and how to see what it does to compliance. */
  static void printTryACommit(PrintWriter out, Path repository, Path hubKubeconfig) {
    String ocmj = "java -jar cli/target/ocmj.jar";
    out.println("Try a change through Git: make the inform policy greeting-present expect another");
    out.println("greeting than the hello-world works put on the clusters:");
    out.printf(
        "  sed -i 's/%s/Hello from Git/' %s%n",
        GREETING, repository.resolve("fleet").resolve("policies.yaml"));
    out.printf("  git -C %s commit -qam 'Expect a new greeting'%n", repository);
    out.printf("  %s sync now %s --hub-kubeconfig %s%n", ocmj, DevGitSync.NAME, hubKubeconfig);
    out.printf("  %s compliance --hub-kubeconfig %s%n", ocmj, hubKubeconfig);
    out.println(
        "greeting-present turns NonCompliant on every cluster (the history says which ConfigMap"
            + " differs);");
    out.println(
        "make the same change in fleet/hello-world.yaml, commit and sync, and it is Compliant"
            + " again.");
    out.println();
  }
}
