package io.ocmj.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.policy.v1.Policy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {
  static final Policy ROOT =
      Serialization.unmarshal(
          """
          apiVersion: policy.open-cluster-management.io/v1
          kind: Policy
          metadata: {name: p, namespace: fleet}
          spec: {disabled: false, remediationAction: inform, policy-templates: []}
          status:
            compliant: NonCompliant
            status:
            - {clustername: c1, clusternamespace: c1, compliant: Compliant}
            - {clustername: c2, clusternamespace: c2, compliant: NonCompliant}
          """,
          Policy.class);

  static Policy replica(String cluster, String revision, String message) {
    return Serialization.unmarshal(
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: Policy
        metadata:
          name: fleet.p
          namespace: %s
          labels: {policy.open-cluster-management.io/root-policy: fleet.p}
          annotations: {gitops.ocmj.io/revision: %s}
        spec: {disabled: false, remediationAction: inform, policy-templates: []}
        status:
          details:
          - templateMeta: {name: cfg}
            compliant: %s
            history:
            - {lastTimestamp: "2026-01-01T00:00:02Z", message: "%s", eventName: fleet.p.2}
            - {lastTimestamp: "2026-01-01T00:00:01Z", message: "Compliant; older", eventName: fleet.p.1}
        """
            .formatted(cluster, revision, message.split(";")[0], message),
        Policy.class);
  }

  @Test
  void theFleetReportHasOneRowPerPolicyAndClusterWithRevisionAndLatestMessage() {
    List<ComplianceReport.Row> rows =
        ComplianceReport.fleet(
            List.of(ROOT),
            List.of(
                replica("c1", "1111111111111111", "Compliant; ok"),
                replica("c2", "2222222222222222", "NonCompliant; violation - missing")));
    assertThat(rows)
        .containsExactly(
            new ComplianceReport.Row(
                "fleet", "p", "inform", "c1", "Compliant", "1111111111111111", "Compliant; ok"),
            new ComplianceReport.Row(
                "fleet",
                "p",
                "inform",
                "c2",
                "NonCompliant",
                "2222222222222222",
                "NonCompliant; violation - missing"));
    StringWriter text = new StringWriter();
    ComplianceCommand.printFleet(new PrintWriter(text), rows);
    assertThat(text.toString().lines())
        .element(2)
        .asString()
        .matches(
            "fleet/p\\s+inform\\s+c2\\s+NonCompliant\\s+222222222222\\s+NonCompliant; violation - missing");
  }

  @Test
  void theClusterReportListsEachTemplateWithItsHistory() {
    List<ComplianceReport.TemplateRow> rows =
        ComplianceReport.cluster(List.of(replica("c2", "x", "NonCompliant; now")));
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.template()).isEqualTo("cfg");
              assertThat(r.compliant()).isEqualTo("NonCompliant");
              assertThat(r.history())
                  .extracting(h -> h.getMessage())
                  .containsExactly("NonCompliant; now", "Compliant; older");
            });
  }
}
