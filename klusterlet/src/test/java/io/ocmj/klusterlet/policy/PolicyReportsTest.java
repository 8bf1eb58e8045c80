package io.ocmj.klusterlet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.wgpolicy.v1alpha2.PolicyReportResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyReportsTest {
  private static final Instant T1 = Instant.parse("2026-11-26T10:00:00.123Z");
  private static final Instant T2 = Instant.parse("2026-11-26T11:00:00Z");

  private static ConfigurationPolicy cp(String compliant, String relatedObjects) {
    return Serialization.unmarshal(
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: ConfigurationPolicy
        metadata:
          name: cm-cfg
          namespace: c1
          ownerReferences:
          - {apiVersion: policy.open-cluster-management.io/v1, kind: Policy, name: policies.cm, uid: u1}
        spec: {severity: High, remediationAction: inform}
        status:
          compliant: %s
          history: [{message: "%s; the details"}]
          relatedObjects:
        %s
        """
            .formatted(compliant, compliant, relatedObjects.indent(4)),
        ConfigurationPolicy.class);
  }

  @Test
  void relatedObjectsGiveOneResultEachInTheirNamespaceAndClusterScopedOnesGoToTheCluster() {
    var entries =
        PolicyReports.configurationPolicy(
            cp(
                "NonCompliant",
                """
                - compliant: NonCompliant
                  reason: Resource not found but should exist
                  object: {apiVersion: v1, kind: ConfigMap, metadata: {name: a, namespace: ns1}}
                - compliant: Compliant
                  reason: Resource found as expected
                  object: {apiVersion: v1, kind: Namespace, metadata: {name: ns1}}
                  properties: {uid: n-uid}
                """),
            T1);
    assertThat(entries).hasSize(2);
    PolicyReportResult cm = entries.get(0).result();
    assertThat(entries.get(0).namespace()).isEqualTo("ns1");
    assertThat(cm.getPolicy()).isEqualTo("policies.cm");
    assertThat(cm.getRule()).isEqualTo("cm-cfg");
    assertThat(cm.getResult()).isEqualTo("fail");
    assertThat(cm.getSeverity()).isEqualTo("high");
    assertThat(cm.getMessage()).isEqualTo("Resource not found but should exist");
    assertThat(cm.getProperties())
        .containsEntry("details", "NonCompliant; the details")
        .containsEntry("templateKind", "ConfigurationPolicy");
    assertThat(cm.getTimestamp().getSeconds()).isEqualTo(T1.getEpochSecond());
    assertThat(cm.getTimestamp().getNanos()).isZero();
    assertThat(entries.get(1).namespace()).isEqualTo(PolicyReports.CLUSTER);
    assertThat(entries.get(1).result().getResult()).isEqualTo("pass");
    assertThat(entries.get(1).result().getResources().get(0).getUid()).isEqualTo("n-uid");
  }

  @Test
  void withoutRelatedObjectsThePolicyStateIsOneClusterResult() {
    var entries = PolicyReports.configurationPolicy(cp("Pending", "[]"), T1);
    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.namespace()).isEqualTo(PolicyReports.CLUSTER);
              assertThat(e.result().getResult()).isEqualTo("skip");
              assertThat(e.result().getResources()).isEmpty();
            });
  }

  @Test
  void constraintResultsFailOrWarnPerObjectAndAnAuditErrorIsOneErrorResult() {
    Map<String, Object> constraint =
        Map.of(
            "metadata",
            Map.of("name", "must-own", "labels", Map.of(Policy.LABEL_POLICY, "policies.gk")),
            "spec",
            Map.of("enforcementAction", "warn"));
    Map<String, Object> pod =
        Map.of(
            "apiVersion", "v1",
            "kind", "Pod",
            "metadata", Map.of("name", "p", "namespace", "ns1", "uid", "p-uid"));
    var audit =
        new ConstraintAudit.Result(
            Map.of(),
            "NonCompliant; …",
            List.of(
                new ConstraintAudit.Reviewed(pod, List.of("one", "two")),
                new ConstraintAudit.Reviewed(
                    Map.of(
                        "apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "x")),
                    List.of())),
            null);
    var entries = PolicyReports.constraint(constraint, "K8sRequiredLabels", audit, T1);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).namespace()).isEqualTo("ns1");
    assertThat(entries.get(0).result().getResult()).isEqualTo("warn");
    assertThat(entries.get(0).result().getMessage()).isEqualTo("one; two");
    assertThat(entries.get(0).result().getPolicy()).isEqualTo("policies.gk");
    assertThat(entries.get(0).result().getResources().get(0).getUid()).isEqualTo("p-uid");
    assertThat(entries.get(1).namespace()).isEqualTo(PolicyReports.CLUSTER);
    assertThat(entries.get(1).result().getResult()).isEqualTo("pass");

    var failed =
        PolicyReports.constraint(
            constraint,
            "K8sRequiredLabels",
            new ConstraintAudit.Result(null, "NonCompliant; audit error - x", List.of(), "x"),
            T1);
    assertThat(failed)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.result().getResult()).isEqualTo("error");
              assertThat(e.result().getMessage()).isEqualTo("x");
            });
  }

  @Test
  void anUnchangedResultKeepsItsTimestampAndAChangedOneGetsTheNewOne() {
    var before = PolicyReports.configurationPolicy(cp("NonCompliant", "[]"), T1);
    var same = PolicyReports.configurationPolicy(cp("NonCompliant", "[]"), T2);
    var changed = PolicyReports.configurationPolicy(cp("Compliant", "[]"), T2);
    List<PolicyReportResult> existing = List.of(before.get(0).result());
    PolicyReports.keepTimestamps(List.of(same.get(0).result()), existing);
    PolicyReports.keepTimestamps(List.of(changed.get(0).result()), existing);
    assertThat(same.get(0).result().getTimestamp().getSeconds()).isEqualTo(T1.getEpochSecond());
    assertThat(changed.get(0).result().getTimestamp().getSeconds()).isEqualTo(T2.getEpochSecond());
  }

  @Test
  void reportsAreCappedKeepingFailuresAndGetThePolicysCategoryAndStandards() {
    List<PolicyReports.Entry> entries = new ArrayList<>();
    for (int i = 0; i < PolicyReports.MAX_RESULTS + 10; i++) {
      PolicyReportResult r = new PolicyReportResult();
      r.setPolicy("policies.p");
      r.setRule(String.format("r%05d", i));
      r.setResult(i == PolicyReports.MAX_RESULTS + 5 ? "fail" : "pass");
      entries.add(new PolicyReports.Entry("ns1", r));
    }
    Policy policy =
        Serialization.unmarshal(
            """
            apiVersion: policy.open-cluster-management.io/v1
            kind: Policy
            metadata:
              name: policies.p
              annotations:
                policy.open-cluster-management.io/categories: CM Configuration Management
                policy.open-cluster-management.io/standards: NIST SP 800-53
            """,
            Policy.class);
    var reports = PolicyReports.byNamespace(entries, Map.of("policies.p", policy));
    List<PolicyReportResult> ns1 = reports.get("ns1");
    assertThat(ns1).hasSize(PolicyReports.MAX_RESULTS);
    assertThat(ns1).anySatisfy(r -> assertThat(r.getResult()).isEqualTo("fail"));
    assertThat(ns1).isSortedAccordingTo((a, b) -> a.getRule().compareTo(b.getRule()));
    assertThat(ns1.get(0).getCategory()).isEqualTo("CM Configuration Management");
    assertThat(ns1.get(0).getProperties()).containsEntry("standards", "NIST SP 800-53");
  }
}
