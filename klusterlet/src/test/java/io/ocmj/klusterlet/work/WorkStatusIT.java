package io.ocmj.klusterlet.work;

import static io.ocmj.klusterlet.work.WorkFixtures.configMap;
import static io.ocmj.klusterlet.work.WorkFixtures.object;
import static io.ocmj.klusterlet.work.WorkFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.work.v1.FeedbackValue;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.UpdateStrategyType;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Status feedback and how bad input shows in a work's status. */
@KubernetesClusters({"hub", "cluster1"})
class WorkStatusIT {
  private static final Duration WAIT = WorkTestbed.WAIT;
  private static final String CLUSTER = "cluster1";
  private static WorkTestbed bed;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed = new WorkTestbed(clusters.get("hub"), clusters.get(CLUSTER), CLUSTER);
    bed.managed
        .resource(new NamespaceBuilder().withNewMetadata().withName("status").endMetadata().build())
        .serverSideApply();
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  @Test
  void wellKnownStatusAndJsonPathsFeedbackFollowTheManagedObject() {
    bed.managed
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("observed")
                .withNamespace("status")
                .endMetadata()
                .addToData("color", "blue")
                .build())
        .serverSideApply();
    bed.create(
        work(CLUSTER, "feedback")
            .manifest(WorkFixtures.deployment("status", "web"))
            .wellKnownStatus("apps", "deployments", "status", "web")
            .manifest(configMap("status", "observed", Map.of()))
            .strategy("", "configmaps", "status", "observed", UpdateStrategyType.ReadOnly)
            .jsonPath("configmaps", "status", "observed", "color", ".data.color")
            .build());

    await("the deployment controller's replicas come back as Replicas")
        .atMost(WAIT)
        .until(
            () -> feedback("feedback", 0).stream().anyMatch(v -> v.getName().equals("Replicas")));
    FeedbackValue replicas =
        feedback("feedback", 0).stream()
            .filter(v -> v.getName().equals("Replicas"))
            .findFirst()
            .orElseThrow();
    assertThat(replicas.getFieldValue().getType().name()).isEqualTo("Integer");
    assertThat(replicas.getFieldValue().getInteger()).isEqualTo(1L);
    await("the JSON path value is read")
        .atMost(WAIT)
        .until(() -> "blue".equals(stringFeedback("feedback", 1, "color")));

    bed.setColor("status", "observed", "green");
    await("and follows the object")
        .atMost(WAIT)
        .until(() -> "green".equals(stringFeedback("feedback", 1, "color")));
    assertThat(bed.color("status", "observed")).as("ReadOnly never writes").isEqualTo("green");
  }

  @Test
  void celConditionRulesFollowTheLiveObjectAndAggregateOnTheWork() {
    bed.create(
        work(CLUSTER, "rules")
            .manifest(configMap("status", "gate", Map.of("color", "blue")))
            .strategy("", "configmaps", "status", "gate", UpdateStrategyType.ReadOnly)
            .celRule("configmaps", "status", "gate", "Complete", "object.data.color == 'green'")
            .manifest(configMap("status", "broken-rule", Map.of("color", "blue")))
            .celRule("configmaps", "status", "broken-rule", "Checked", "object.data.(")
            .build());
    bed.managed
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("gate")
                .withNamespace("status")
                .endMetadata()
                .addToData("color", "blue")
                .build())
        .serverSideApply();
    await("the rule's condition is False while the object says blue")
        .atMost(WAIT)
        .until(
            () ->
                bed.condition("rules", "Complete")
                    .filter(c -> "False".equals(c.getStatus()))
                    .isPresent());
    assertThat(bed.manifestCondition("rules", 1, "Checked").orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("Unknown");
              assertThat(c.getReason()).isEqualTo("ConditionRuleInvalid");
              assertThat(c.getMessage()).contains("object.data.(");
            });

    bed.setColor("status", "gate", "green");
    await("and True once it turns green")
        .atMost(WAIT)
        .until(
            () ->
                bed.condition("rules", "Complete")
                    .filter(c -> "True".equals(c.getStatus()))
                    .filter(c -> "ConditionRulesAggregated".equals(c.getReason()))
                    .isPresent());
  }

  @Test
  void aManifestTheApiServerRejectsFailsAloneWithTheServersReason() {
    bed.create(
        work(CLUSTER, "invalid")
            .manifest(configMap("status", "fine", Map.of("color", "blue")))
            .manifest(configMap("status", "Not_A_Valid_Name", Map.of("color", "blue")))
            .build());

    await("the bad one's condition says why")
        .atMost(WAIT)
        .until(
            () ->
                bed.manifestCondition("invalid", 1, ManifestWork.CONDITION_APPLIED)
                    .filter(c -> "False".equals(c.getStatus()))
                    .isPresent());
    assertThat(bed.manifestCondition("invalid", 1, ManifestWork.CONDITION_APPLIED).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getReason()).isEqualTo(ManifestWork.REASON_MANIFEST_APPLY_FAILED);
              assertThat(c.getMessage())
                  .contains("rejected ConfigMap status/Not_A_Valid_Name", "metadata.name");
            });
    assertThat(bed.color("status", "fine")).as("the others are still applied").isEqualTo("blue");
    assertThat(bed.condition("invalid", ManifestWork.CONDITION_APPLIED).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo(ManifestWork.REASON_WORK_APPLY_FAILED);
            });
    assertThat(bed.condition("invalid", ManifestWork.CONDITION_DEGRADED).orElseThrow().getStatus())
        .isEqualTo("True");
  }

  @Test
  void aKindThatIsNotServedIsRetriedUntilItIs() {
    Map<String, Object> widget = object("example.com/v1", "Widget", "status", "w1");
    widget.put("spec", new LinkedHashMap<>(Map.of("size", 3)));
    bed.create(work(CLUSTER, "widgets").manifest(widget).build());

    await("reported as not served and retried")
        .atMost(WAIT)
        .until(
            () ->
                bed.condition("widgets", ManifestWork.CONDITION_PROGRESSING)
                    .filter(c -> "True".equals(c.getStatus()))
                    .isPresent());
    assertThat(
            bed.manifestCondition("widgets", 0, ManifestWork.CONDITION_APPLIED)
                .orElseThrow()
                .getMessage())
        .contains("Widget", "example.com/v1", "not served");

    bed.managed.resource(WorkFixtures.exampleCrd("Widget", "widgets")).serverSideApply();
    await("applied once the kind is served")
        .atMost(WAIT)
        .until(() -> bed.workIs("widgets", ManifestWork.CONDITION_APPLIED));
    assertThat(
            bed.condition("widgets", ManifestWork.CONDITION_PROGRESSING).orElseThrow().getStatus())
        .isEqualTo("False");
  }

  @Test
  void aMalformedWorkIsRejectedByTheHubNamingTheField() {
    Map<String, Object> nameless = object("v1", "ConfigMap", "status", "x");
    ((Map<?, ?>) nameless.get("metadata")).remove("name");
    assertThatThrownBy(() -> bed.create(work(CLUSTER, "nameless").manifest(nameless).build()))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.workload.manifests")
        .hasMessageContaining("metadata.name");
    Map<String, Object> kindless = object("v1", "ConfigMap", "status", "x");
    kindless.remove("kind");
    assertThatThrownBy(() -> bed.create(work(CLUSTER, "kindless").manifest(kindless).build()))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.workload.manifests[0].kind");
    assertThatThrownBy(() -> bed.create(work(CLUSTER, "empty").build()))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.workload.manifests");
  }

  private static List<FeedbackValue> feedback(String work, int ordinal) {
    ManifestWork w = bed.fetch(work);
    if (w == null || w.getStatus() == null || w.getStatus().getResourceStatus() == null) {
      return List.of();
    }
    return w.getStatus().getResourceStatus().getManifests().stream()
        .filter(m -> m.getResourceMeta().getOrdinal() == ordinal && m.getStatusFeedback() != null)
        .findFirst()
        .map(m -> m.getStatusFeedback().getValues())
        .orElse(List.of());
  }

  private static String stringFeedback(String work, int ordinal, String name) {
    return feedback(work, ordinal).stream()
        .filter(v -> v.getName().equals(name))
        .map(v -> v.getFieldValue().getString())
        .findFirst()
        .orElse(null);
  }
}
