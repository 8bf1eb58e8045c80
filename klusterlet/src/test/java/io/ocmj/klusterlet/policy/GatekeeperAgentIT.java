package io.ocmj.klusterlet.policy;

import static io.ocmj.klusterlet.policy.PolicyTestbed.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.wgpolicy.v1alpha2.ClusterPolicyReport;
import io.ocmj.api.wgpolicy.v1alpha2.PolicyReport;
import io.ocmj.api.wgpolicy.v1alpha2.PolicyReportResult;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gatekeeper constraints without Gatekeeper, and the PolicyReports, on real API servers: the hub
 * compiles the ConstraintTemplate's Rego, the agent of the joined cluster audits the constraints
 * and writes PolicyReport/ClusterPolicyReport results; bad Rego, runaway Rego, unknown constraint
 * kinds and parameters off the template's schema each end as a clear NonCompliant message.
 */
@KubernetesClusters({"hub", "c1"})
class GatekeeperAgentIT {
  private static PolicyTestbed bed;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed = new PolicyTestbed(clusters.get("hub"), List.of(clusters.get("c1")));
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  private static ClusterPolicyReport clusterReport(String cluster) {
    return bed.managed(cluster)
        .resources(ClusterPolicyReport.class)
        .withName(PolicyReports.NAME)
        .get();
  }

  private static List<PolicyReportResult> clusterResults(String cluster) {
    ClusterPolicyReport report = clusterReport(cluster);
    return report == null ? List.of() : report.getResults();
  }

  private static List<PolicyReportResult> namespaceResults(String cluster, String namespace) {
    PolicyReport report =
        bed.managed(cluster)
            .resources(PolicyReport.class)
            .inNamespace(namespace)
            .withName(PolicyReports.NAME)
            .get();
    return report == null ? List.of() : report.getResults();
  }

  /** A policy of one template and one constraint, placed on c1. */
  private static void placeConstraint(String policy, String template, String constraint) {
    bed.create(
        Serialization.unmarshal(
            """
            apiVersion: policy.open-cluster-management.io/v1
            kind: Policy
            metadata: {name: %s, namespace: policies}
            spec:
              disabled: false
              remediationAction: inform
              policy-templates:
              - objectDefinition:
            %s
              - objectDefinition:
            %s
            """
                .formatted(policy, template.indent(6), constraint.indent(6)),
            Policy.class));
    bed.bind(policy, policy);
    bed.decide(policy, List.of("c1"));
  }

  private static final String REQUIRED_LABELS_TEMPLATE =
      """
      apiVersion: templates.gatekeeper.sh/v1
      kind: ConstraintTemplate
      metadata: {name: ocmjrequiredlabels}
      spec:
        crd: {spec: {names: {kind: OcmjRequiredLabels}}}
        targets:
        - target: admission.k8s.gatekeeper.sh
          rego: |
            package ocmjrequiredlabels
            violation[{"msg": msg}] {
              provided := {l | input.review.object.metadata.labels[l]}
              required := {l | l := input.parameters.labels[_]}
              missing := required - provided
              count(missing) > 0
              msg := sprintf("you must provide labels: %v", [missing])
            }
      """;

  @Test
  void aGatekeeperConstraintIsAuditedWithoutGatekeeper() {
    Policy policy =
        Serialization.unmarshal(
            """
            apiVersion: policy.open-cluster-management.io/v1
            kind: Policy
            metadata: {name: gk-labels, namespace: policies}
            spec:
              disabled: false
              remediationAction: inform
              policy-templates:
              - objectDefinition:
            %s
              - objectDefinition:
                  apiVersion: constraints.gatekeeper.sh/v1beta1
                  kind: OcmjRequiredLabels
                  metadata: {name: ns-must-have-owner}
                  spec:
                    match:
                      kinds: [{apiGroups: [""], kinds: [Namespace]}]
                      labelSelector: {matchLabels: {audit: gk}}
                    parameters: {labels: [owner]}
            """
                .formatted(REQUIRED_LABELS_TEMPLATE.indent(6)),
            Policy.class);
    bed.managed("c1")
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("gk-bad")
                .addToLabels("audit", "gk")
                .endMetadata()
                .build())
        .serverSideApply();
    bed.create(policy);
    bed.bind("gk-labels", "gk");
    bed.decide("gk", List.of("c1"));

    await("the constraint reports the unlabelled namespace")
        .atMost(WAIT)
        .until(() -> "NonCompliant".equals(bed.clusterState("gk-labels", "c1")));
    assertThat(bed.details("gk-labels", "c1"))
        .anySatisfy(
            d -> {
              assertThat(d.getTemplateMeta().getName()).isEqualTo("ns-must-have-owner");
              assertThat(d.getHistory())
                  .first()
                  .extracting(h -> h.getMessage())
                  .asString()
                  .isEqualTo(
                      "NonCompliant; deny - you must provide labels: {\"owner\"} (on Namespace gk-bad)");
            });
    var constraint =
        bed.managed("c1")
            .genericKubernetesResources("constraints.gatekeeper.sh/v1beta1", "OcmjRequiredLabels")
            .withName("ns-must-have-owner")
            .get();
    assertThat(
            ((Map<?, ?>) constraint.getAdditionalProperties().get("status")).get("totalViolations"))
        .isEqualTo(1);
    await("the ClusterPolicyReport lists the unlabelled namespace as failing")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(clusterResults("c1"))
                    .anySatisfy(
                        r -> {
                          assertThat(r.getPolicy()).isEqualTo("policies.gk-labels");
                          assertThat(r.getRule()).isEqualTo("ns-must-have-owner");
                          assertThat(r.getResult()).isEqualTo("fail");
                          assertThat(r.getSource()).isEqualTo("ocmj");
                          assertThat(r.getMessage())
                              .isEqualTo("you must provide labels: {\"owner\"}");
                          assertThat(r.getResources())
                              .singleElement()
                              .satisfies(
                                  o -> {
                                    assertThat(o.getKind()).isEqualTo("Namespace");
                                    assertThat(o.getName()).isEqualTo("gk-bad");
                                    assertThat(o.getUid()).isNotEmpty();
                                  });
                          assertThat(r.getTimestamp().getSeconds()).isPositive();
                        }));
    // Written by the API server's round trip, so a summary the CRD dropped would show here.
    assertThat(clusterReport("c1").getSummary().getFail()).isPositive();
    String resourceVersion = clusterReport("c1").getMetadata().getResourceVersion();
    var since =
        clusterResults("c1").stream()
            .filter(r -> "ns-must-have-owner".equals(r.getRule()))
            .findFirst()
            .orElseThrow()
            .getTimestamp()
            .getSeconds();
    await("an unchanged report is not written again (several audits later)")
        .during(java.time.Duration.ofSeconds(4))
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () -> resourceVersion.equals(clusterReport("c1").getMetadata().getResourceVersion()));
    assertThat(clusterResults("c1"))
        .filteredOn(r -> "ns-must-have-owner".equals(r.getRule()))
        .allSatisfy(r -> assertThat(r.getTimestamp().getSeconds()).isEqualTo(since));

    bed.managed("c1")
        .namespaces()
        .withName("gk-bad")
        .edit(
            ns -> {
              ns.getMetadata().getLabels().put("owner", "team-a");
              return ns;
            });
    await("fixing the namespace makes it Compliant within an audit interval")
        .atMost(WAIT)
        .until(() -> "Compliant".equals(bed.clusterState("gk-labels", "c1")));
    await("the report turns to pass for the fixed namespace")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(clusterResults("c1"))
                    .anySatisfy(
                        r -> {
                          assertThat(r.getRule()).isEqualTo("ns-must-have-owner");
                          assertThat(r.getResources().get(0).getName()).isEqualTo("gk-bad");
                          assertThat(r.getResult()).isEqualTo("pass");
                        })
                    .noneSatisfy(
                        r -> {
                          assertThat(r.getRule()).isEqualTo("ns-must-have-owner");
                          assertThat(r.getResult()).isEqualTo("fail");
                        }));
  }

  @Test
  void aRegoSyntaxErrorIsReportedWithOpasPosition() {
    Policy policy =
        Serialization.unmarshal(
            """
            apiVersion: policy.open-cluster-management.io/v1
            kind: Policy
            metadata: {name: gk-broken, namespace: policies}
            spec:
              disabled: false
              policy-templates:
              - objectDefinition:
                  apiVersion: templates.gatekeeper.sh/v1
                  kind: ConstraintTemplate
                  metadata: {name: ocmjbroken}
                  spec:
                    crd: {spec: {names: {kind: OcmjBroken}}}
                    targets:
                    - target: admission.k8s.gatekeeper.sh
                      rego: |
                        package ocmjbroken
                        violation[{"msg": msg}] {
                          msg :=
                        }
            """,
            Policy.class);
    bed.create(policy);
    bed.bind("gk-broken", "gkb");
    bed.decide("gkb", List.of("c1"));
    await("the compile error is the template's state")
        .atMost(WAIT)
        .until(() -> bed.latestMessage("gk-broken", "c1") != null);
    assertThat(bed.latestMessage("gk-broken", "c1"))
        .startsWith("NonCompliant; template-error; ConstraintTemplate ocmjbroken: ")
        .contains("rego_parse_error");
    await("the root policy shows the cluster NonCompliant")
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(bed.clusterState("gk-broken", "c1")).isEqualTo("NonCompliant"));
  }

  @Test
  void configurationPolicyResultsGoToTheReportOfTheObjectsNamespace() {
    bed.create(
        PolicyTestbed.policy(
            "report-cm",
            "inform",
            """
            - complianceType: musthave
              objectDefinition:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: report-cm, namespace: default}
                data: {a: "1"}
            """));
    bed.bind("report-cm", "report-cm");
    bed.decide("report-cm", List.of("c1"));
    await("the missing ConfigMap fails in the report of namespace default")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(namespaceResults("c1", "default"))
                    .anySatisfy(
                        r -> {
                          assertThat(r.getPolicy()).isEqualTo("policies.report-cm");
                          assertThat(r.getRule()).isEqualTo("report-cm-cfg");
                          assertThat(r.getResult()).isEqualTo("fail");
                          assertThat(r.getResources().get(0).getKind()).isEqualTo("ConfigMap");
                          assertThat(r.getResources().get(0).getName()).isEqualTo("report-cm");
                          assertThat(r.getProperties().get("details"))
                              .startsWith("NonCompliant; violation - configmaps [report-cm]");
                        }));
    bed.managed("c1")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("report-cm")
                .withNamespace("default")
                .endMetadata()
                .withData(Map.of("a", "1"))
                .build())
        .serverSideApply();
    await("it passes once the ConfigMap is there")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(namespaceResults("c1", "default"))
                    .filteredOn(r -> "report-cm-cfg".equals(r.getRule()))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getResult()).isEqualTo("pass")));
  }

  @Test
  void runawayRegoIsStoppedAndReportedAndTheAgentKeepsWorking() {
    placeConstraint(
        "gk-heavy",
        """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata: {name: ocmjheavy}
        spec:
          crd: {spec: {names: {kind: OcmjHeavy}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            rego: |
              package ocmjheavy
              violation[{"msg": "never"}] {
                some i, j
                numbers.range(1, 5000)[i] * numbers.range(1, 5000)[j] == -1
              }
        """,
        """
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: OcmjHeavy
        metadata: {name: heavy}
        spec:
          match:
            kinds: [{apiGroups: [""], kinds: [Namespace]}]
            name: default
        """);
    await("the audit stops at a limit and says so")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(bed.details("gk-heavy", "c1"))
                    .anySatisfy(
                        d ->
                            assertThat(d.getHistory())
                                .first()
                                .extracting(h -> h.getMessage())
                                .asString()
                                // Stopped by whichever limit it reaches first: the time
                                // limit, or (once the JIT has warmed up) the 64 MiB of memory.
                                .matches(
                                    "NonCompliant; audit error - evaluation (exceeded the time"
                                        + " limit of 1000 ms|exceeded the memory limit of 64 MiB)"
                                        + " \\(on Namespace default\\)")));
    await("the ClusterPolicyReport has the error")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(clusterResults("c1"))
                    .anySatisfy(
                        r -> {
                          assertThat(r.getRule()).isEqualTo("heavy");
                          assertThat(r.getResult()).isEqualTo("error");
                        }));
    // The agent goes on: a new ConfigurationPolicy is evaluated while the runaway one is audited.
    bed.create(
        PolicyTestbed.policy(
            "after-heavy",
            "inform",
            """
            - complianceType: musthave
              objectDefinition: {apiVersion: v1, kind: Namespace, metadata: {name: default}}
            """));
    bed.bind("after-heavy", "after-heavy");
    bed.decide("after-heavy", List.of("c1"));
    await("another policy is still evaluated")
        .atMost(WAIT)
        .until(() -> "Compliant".equals(bed.clusterState("after-heavy", "c1")));
    bed.hub.resources(Policy.class).inNamespace("policies").withName("gk-heavy").delete();
    await("the deleted policy's results leave the report")
        .atMost(WAIT)
        .until(() -> clusterResults("c1").stream().noneMatch(r -> "heavy".equals(r.getRule())));
  }

  @Test
  void aConstraintOfAKindNoTemplateDefinesIsATemplateError() {
    bed.create(
        Serialization.unmarshal(
            """
            apiVersion: policy.open-cluster-management.io/v1
            kind: Policy
            metadata: {name: gk-unknown, namespace: policies}
            spec:
              disabled: false
              policy-templates:
              - objectDefinition:
                  apiVersion: constraints.gatekeeper.sh/v1beta1
                  kind: OcmjNoSuchKind
                  metadata: {name: orphan}
                  spec: {match: {kinds: [{apiGroups: [""], kinds: [Namespace]}]}}
            """,
            Policy.class));
    bed.bind("gk-unknown", "gk-unknown");
    bed.decide("gk-unknown", List.of("c1"));
    await("the unknown kind is named")
        .atMost(WAIT)
        .until(() -> bed.latestMessage("gk-unknown", "c1") != null);
    assertThat(bed.latestMessage("gk-unknown", "c1"))
        .isEqualTo(
            "NonCompliant; template-error; Failed to create policy template: no"
                + " ConstraintTemplate defines the constraint kind OcmjNoSuchKind (there is no CRD"
                + " ocmjnosuchkind.constraints.gatekeeper.sh)");
    await().atMost(WAIT).until(() -> "NonCompliant".equals(bed.clusterState("gk-unknown", "c1")));
  }

  @Test
  void parametersOffTheTemplatesSchemaAreRefused() {
    placeConstraint(
        "gk-schema",
        """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata: {name: ocmjtyped}
        spec:
          crd:
            spec:
              names: {kind: OcmjTyped}
              validation:
                openAPIV3Schema:
                  type: object
                  properties:
                    labels: {type: array, items: {type: string}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            rego: |
              package ocmjtyped
              violation[{"msg": "x"}] { false }
        """,
        """
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: OcmjTyped
        metadata: {name: typed}
        spec:
          match: {kinds: [{apiGroups: [""], kinds: [Namespace]}]}
          parameters: {labels: owner}
        """);
    await("the API server's reason names the parameter")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(bed.details("gk-schema", "c1"))
                    .anySatisfy(
                        d -> {
                          assertThat(d.getTemplateMeta().getName()).isEqualTo("typed");
                          assertThat(d.getHistory())
                              .first()
                              .extracting(h -> h.getMessage())
                              .asString()
                              .startsWith(
                                  "NonCompliant; template-error; Failed to create policy"
                                      + " template: ")
                              .contains("spec.parameters.labels");
                        }));
    // The root policy's per-cluster state is the hub's summary of the replica: it follows.
    await("the root policy shows the cluster NonCompliant")
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(bed.clusterState("gk-schema", "c1")).isEqualTo("NonCompliant"));
    assertThat(
            bed.managed("c1")
                .genericKubernetesResources("constraints.gatekeeper.sh/v1beta1", "OcmjTyped")
                .withName("typed")
                .get())
        .isNull();
  }
}
