package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code dev up}'s view of the example policies: waits for their compliance and prints it. */
final class ExamplePolicies {
  private ExamplePolicies() {}

  /** Whether every root policy of the namespace is Compliant on every managed cluster. */
  static boolean compliant(KubernetesClient hub, String namespace, List<String> clusters) {
    for (Policy root : ComplianceCommand.roots(hub, namespace)) {
      if (root.getSpec() != null && root.getSpec().isDisabled()) {
        continue;
      }
      List<CompliancePerClusterStatus> states =
          root.getStatus() == null ? List.of() : root.getStatus().getStatus();
      for (String cluster : clusters) {
        boolean compliantHere =
            states.stream()
                .anyMatch(
                    s ->
                        cluster.equals(s.getClustername())
                            && Policy.COMPLIANT.equals(s.getCompliant()));
        if (!compliantHere) {
          return false;
        }
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
