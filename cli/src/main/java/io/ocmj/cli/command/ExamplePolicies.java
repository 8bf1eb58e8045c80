package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.status.Conditions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code dev up}'s view of the example policies: waits for their compliance and prints it. */
final class ExamplePolicies {
  private ExamplePolicies() {}

  /** Whether every root policy of the namespace is Compliant on every managed cluster. */
  /**
   * Whether every enabled root policy in {@code namespace} has reports from the clusters it is
   * placed on, all Compliant (policies placed on a subset, like the production-only one, count only
   * there).
   */
  static boolean compliant(KubernetesClient hub, String namespace) {
    for (Policy root : ComplianceCommand.roots(hub, namespace)) {
      if (root.getSpec() != null && root.getSpec().isDisabled()) {
        continue;
      }
      List<CompliancePerClusterStatus> states =
          root.getStatus() == null ? List.of() : root.getStatus().getStatus();
      if (states.isEmpty() ? !placedNowhere(hub, root) : !allCompliant(states)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allCompliant(List<CompliancePerClusterStatus> states) {
    return states.stream().allMatch(s -> Policy.COMPLIANT.equals(s.getCompliant()));
  }

  /** Bound, and every placement it is bound to has chosen no cluster (say, no production one). */
  private static boolean placedNowhere(KubernetesClient hub, Policy root) {
    var placements = root.getStatus() == null ? null : root.getStatus().getPlacement();
    if (placements == null || placements.isEmpty()) {
      return false; // not bound yet, or the propagator has not run
    }
    for (var p : placements) {
      Placement placement =
          p.getPlacement() == null
              ? null
              : hub.resources(Placement.class)
                  .inNamespace(root.getMetadata().getNamespace())
                  .withName(p.getPlacement())
                  .get();
      if (placement == null
          || placement.getStatus() == null
          || placement.getStatus().getNumberOfSelectedClusters() != 0
          || Conditions.find(placement.getStatus().getConditions(), Placement.CONDITION_SATISFIED)
              .isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static void print(PrintWriter out, KubernetesClient hub, String namespace, Path hubKubeconfig) {
    List<ComplianceReport.Row> rows = ComplianceCommand.fleet(hub, namespace);
    if (rows.isEmpty()) {
      return;
    }
    out.println("Policy compliance (the policy agents evaluate every 10 s):");
    ComplianceCommand.printFleet(out, rows);
    out.printf(
        "  java -jar cli/target/ocmj.jar compliance --hub-kubeconfig %s [--cluster cluster1]%n%n",
        hubKubeconfig);
  }
}
