package io.ocmj.policy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.ConfigurationPolicyStatus;
import io.ocmj.policy.dryrun.InMemoryCluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigPolicyEvaluatorTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static ConfigurationPolicy policy(String action, String templates) throws Exception {
    String text =
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: ConfigurationPolicy
        metadata: {name: p, namespace: c1}
        spec:
          remediationAction: %s
          namespaceSelector: {include: ["app-*"], exclude: ["app-skip"]}
          object-templates:
        %s
        """
            .formatted(action, templates.indent(4));
    return YAML.readValue(text, ConfigurationPolicy.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String yaml) throws Exception {
    return YAML.readValue(yaml, Map.class);
  }

  static InMemoryCluster cluster(String... yamls) throws Exception {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String y : yamls) {
      objects.add(object(y));
    }
    return new InMemoryCluster(objects);
  }

  static final String CM_A =
      "{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, namespace: app-a}, data: {k: v, x: y}}";
  static final String NS_A = "{apiVersion: v1, kind: Namespace, metadata: {name: app-a}}";
  static final String NS_B = "{apiVersion: v1, kind: Namespace, metadata: {name: app-b}}";
  static final String NS_SKIP = "{apiVersion: v1, kind: Namespace, metadata: {name: app-skip}}";

  static final String MUSTHAVE_CM =
      """
      - complianceType: musthave
        objectDefinition: {apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}, data: {k: v}}
      """;

  @Test
  void informReportsPerNamespaceFromTheNamespaceSelector() throws Exception {
    InMemoryCluster cluster = cluster(NS_A, NS_B, NS_SKIP, CM_A);
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("inform", MUSTHAVE_CM), cluster, ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.compliant()).isEqualTo("NonCompliant");
    assertThat(e.message())
        .isEqualTo("NonCompliant; violation - configmaps [cfg] not found in namespace app-b");
    assertThat(cluster.list(cluster.kind("v1", "ConfigMap").orElseThrow(), "app-b")).isEmpty();
  }

  @Test
  void enforceCreatesWhatIsMissingAndReportsIt() throws Exception {
    InMemoryCluster cluster = cluster(NS_A, NS_B, CM_A);
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("enforce", MUSTHAVE_CM), cluster, ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.message())
        .isEqualTo(
            "Compliant; notification - configmaps [cfg] found as specified in namespace app-a;"
                + " configmaps [cfg] was created successfully in namespace app-b");
    KindInfo cm = cluster.kind("v1", "ConfigMap").orElseThrow();
    assertThat(cluster.get(cm, "app-b", "cfg").orElseThrow().get("data"))
        .isEqualTo(Map.of("k", "v"));
    ObjectResult created = e.objects().get(1);
    assertThat(created.createdByPolicy()).isTrue();
    assertThat(created.uid()).isNotBlank();
  }

  @Test
  void enforceMustonlyhaveRemovesExtraFields() throws Exception {
    InMemoryCluster cluster = cluster(NS_A, CM_A);
    String template = MUSTHAVE_CM.replace("musthave", "mustonlyhave");
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("enforce", template), cluster, ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.message())
        .isEqualTo(
            "Compliant; notification - configmaps [cfg] was updated successfully in namespace"
                + " app-a");
    KindInfo cm = cluster.kind("v1", "ConfigMap").orElseThrow();
    assertThat(cluster.get(cm, "app-a", "cfg").orElseThrow().get("data"))
        .isEqualTo(Map.of("k", "v"));
    assertThat(e.objects().get(0).diff()).as("ConfigMaps are sensitive").isEqualTo(Diffs.REDACTED);
  }

  @Test
  void recordDiffInStatusShowsTheDiffOfASensitiveKind() throws Exception {
    String template = MUSTHAVE_CM.replace("musthave", "mustonlyhave") + "  recordDiff: InStatus\n";
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("inform", template),
            cluster(NS_A, CM_A),
            ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.objects().get(0).reason()).isEqualTo(Reason.NOT_MATCHING);
    assertThat(e.objects().get(0).diff())
        .startsWith("--- app-a/cfg : existing\n+++ app-a/cfg : updated\n@@")
        .contains("\n-  x: y\n");
  }

  @Test
  void enforceMustnothaveDeletes() throws Exception {
    InMemoryCluster cluster = cluster(NS_A, CM_A);
    String template = MUSTHAVE_CM.replace("musthave", "mustnothave");
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("enforce", template), cluster, ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.message())
        .isEqualTo(
            "Compliant; notification - configmaps [cfg] was deleted successfully in namespace"
                + " app-a");
    assertThat(cluster.get(cluster.kind("v1", "ConfigMap").orElseThrow(), "app-a", "cfg"))
        .isEmpty();
  }

  @Test
  void informNeverWritesEvenWhenThePolicySaysEnforce() throws Exception {
    InMemoryCluster cluster = cluster(NS_A);
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("enforce", MUSTHAVE_CM), cluster, ConfigPolicyEvaluator.Options.informOnly());
    assertThat(e.compliant()).isEqualTo("NonCompliant");
    assertThat(cluster.list(cluster.kind("v1", "ConfigMap").orElseThrow(), null)).isEmpty();
  }

  @Test
  void objectTemplatesResolvePerObject() throws Exception {
    InMemoryCluster cluster = cluster(NS_A, CM_A);
    String template =
        """
        - complianceType: musthave
          objectDefinition:
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg}
            data:
              k: '{{ .ObjectNamespace }}-{{ (.Object.data).x | default "none" }}'
        """;
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("enforce", template), cluster, ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.compliant()).isEqualTo("Compliant");
    KindInfo cm = cluster.kind("v1", "ConfigMap").orElseThrow();
    assertThat(cluster.get(cm, "app-a", "cfg").orElseThrow().get("data"))
        .isEqualTo(Map.of("k", "app-a-y", "x", "y"));
  }

  @Test
  void badInputNamesTheTemplateAndFieldAndOtherTemplatesStillRun() throws Exception {
    String templates =
        """
        - complianceType: mustbe
          objectDefinition: {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
        - complianceType: musthave
          objectDefinition: {apiVersion: v1, kind: Widget, metadata: {name: w}}
        - complianceType: musthave
          objectDefinition: {apiVersion: v1, metadata: {name: nokind}}
        - complianceType: musthave
          objectDefinition: {apiVersion: v1, kind: ConfigMap, metadata: {name: '{{ .Nope '}}
        - complianceType: musthave
          objectDefinition: {apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, namespace: app-a}}
        """;
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("inform", templates),
            cluster(NS_A, CM_A),
            ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.templates()).hasSize(5);
    assertThat(e.templates().get(0).message())
        .isEqualTo(
            "object-templates[0].complianceType: \"mustbe\" is not one of musthave, mustonlyhave,"
                + " mustnothave");
    assertThat(e.templates().get(1).message())
        .isEqualTo(
            "couldn't find mapping resource with kind Widget in API version v1, please check if"
                + " you have CRD deployed");
    assertThat(e.templates().get(2).message())
        .isEqualTo(
            "The kind and apiVersion fields are required on the object template at index 2 in"
                + " policy p");
    assertThat(e.templates().get(3).message()).startsWith("Error processing template: ");
    assertThat(e.templates().get(4).compliant()).isTrue();
    assertThat(e.compliant()).isEqualTo("NonCompliant");
  }

  @Test
  void historyGrowsOnlyWhenTheMessageChangesAndKeepsTen() throws Exception {
    ConfigurationPolicy p = policy("inform", MUSTHAVE_CM);
    ConfigurationPolicyStatus status = null;
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 3; i++) {
      Evaluation e =
          ConfigPolicyEvaluator.evaluate(
              p, cluster(NS_A), ConfigPolicyEvaluator.Options.informOnly());
      status = ConfigPolicyStatuses.build(status, e, 1L, t.plusSeconds(i));
    }
    assertThat(status.getHistory()).hasSize(1);
    for (int i = 0; i < 12; i++) {
      String name = "cfg" + i;
      Evaluation e =
          ConfigPolicyEvaluator.evaluate(
              policy("inform", MUSTHAVE_CM.replace("cfg", name)),
              cluster(NS_A),
              ConfigPolicyEvaluator.Options.informOnly());
      status = ConfigPolicyStatuses.build(status, e, 1L, t.plusSeconds(10 + i));
    }
    assertThat(status.getHistory()).hasSize(10);
    assertThat(status.getHistory().get(0).getMessage()).contains("[cfg11]");
  }

  @Test
  void aSecretWrittenWithStringDataMatchesItsBase64Data() throws Exception {
    String secret =
        "{apiVersion: v1, kind: Secret, metadata: {name: s, namespace: app-a}, data: {pw: aHVudGVyMg==}}";
    String template =
        """
        - complianceType: musthave
          objectDefinition: {apiVersion: v1, kind: Secret, metadata: {name: s}, stringData: {pw: hunter2}}
        """;
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("inform", template),
            cluster(NS_A, secret),
            ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.message())
        .isEqualTo("Compliant; notification - secrets [s] found as specified in namespace app-a");
  }

  @Test
  void anIncompleteSelectorOrANameRenderingEmptyDoesNotBreakTheEvaluation() throws Exception {
    String templates =
        """
        - complianceType: musthave
          objectDefinition: {apiVersion: v1, kind: ConfigMap, data: {k: v}}
          objectSelector: {matchExpressions: [{key: a}]}
        - complianceType: musthave
          objectDefinition: {apiVersion: v1, kind: ConfigMap, metadata: {name: '{{ "" }}'}, data: {k: v}}
        """;
    Evaluation e =
        ConfigPolicyEvaluator.evaluate(
            policy("inform", templates),
            cluster(NS_A, CM_A),
            ConfigPolicyEvaluator.Options.enforcing());
    assertThat(e.templates().get(0).message())
        .as("a requirement without operator selects nothing")
        .isEqualTo("configmaps not found in namespace app-a");
    assertThat(e.templates().get(1).message())
        .as("evaluated as unnamed")
        .isEqualTo("configmaps [cfg] found as specified in namespace app-a");
  }
}
