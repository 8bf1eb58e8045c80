package io.ocmj.klusterlet.work;

import static io.ocmj.klusterlet.work.WorkFixtures.configMap;
import static io.ocmj.klusterlet.work.WorkFixtures.namespace;
import static io.ocmj.klusterlet.work.WorkFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.AppliedManifestWork;
import io.ocmj.api.work.v1.ManifestCondition;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.UpdateStrategyType;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The work agent between a real hub and a real managed cluster: the cluster joins through the
 * registration agent, and the work agent applies the ManifestWorks of its namespace with that
 * identity.
 */
@KubernetesClusters({"hub", "cluster1"})
class WorkAgentIT {
  private static final Duration WAIT = WorkTestbed.WAIT;
  private static final String CLUSTER = "cluster1";
  private static WorkTestbed bed;
  private static KubernetesClient hub;
  private static KubernetesClient managed;

  @BeforeAll
  static void joinAndStartTheWorkAgent(ClusterSet clusters) {
    bed = new WorkTestbed(clusters.get("hub"), clusters.get(CLUSTER), CLUSTER);
    hub = bed.hub;
    managed = bed.managed;
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  @Test
  void appliesNamespacesFirstRecordsTheAppliedResourcesAndReportsStatus() {
    hub.resource(
            work(CLUSTER, "ordered")
                .manifest(configMap("ordered", "settings", Map.of("color", "blue")))
                .manifest(namespace("ordered"))
                .build())
        .create();

    await("Applied and Available")
        .atMost(WAIT)
        .until(() -> workIs("ordered", "Applied", "Available"));
    ManifestWork work = fetch("ordered");
    List<ManifestCondition> manifests = work.getStatus().getResourceStatus().getManifests();
    assertThat(manifests)
        .extracting(
            m -> m.getResourceMeta().getOrdinal(),
            m -> m.getResourceMeta().getKind(),
            m -> m.getResourceMeta().getResource(),
            m -> String.valueOf(m.getResourceMeta().getNamespace()),
            m -> m.getResourceMeta().getName())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                0, "ConfigMap", "configmaps", "ordered", "settings"),
            org.assertj.core.groups.Tuple.tuple(1, "Namespace", "namespaces", "null", "ordered"));
    assertThat(condition(work, ManifestWork.CONDITION_APPLIED).getReason())
        .isEqualTo(ManifestWork.REASON_WORK_APPLIED);
    assertThat(condition(work, ManifestWork.CONDITION_PROGRESSING).getStatus()).isEqualTo("False");
    assertThat(condition(work, ManifestWork.CONDITION_DEGRADED).getStatus()).isEqualTo("False");

    AppliedManifestWork applied = applied("ordered");
    assertThat(applied.getMetadata().getName())
        .isEqualTo(AppliedWorks.hubHash(hub.getMasterUrl().toString()) + "-ordered");
    ConfigMap settings = managed.configMaps().inNamespace("ordered").withName("settings").get();
    assertThat(applied.getStatus().getAppliedResources())
        .extracting(r -> r.getResource() + "/" + r.getName() + "/" + r.getUid())
        .containsExactlyInAnyOrder(
            "configmaps/settings/" + settings.getMetadata().getUid(),
            "namespaces/ordered/"
                + managed.namespaces().withName("ordered").get().getMetadata().getUid());
    assertThat(settings.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("AppliedManifestWork");
              assertThat(o.getUid()).isEqualTo(applied.getMetadata().getUid());
              assertThat(o.getController()).isNotEqualTo(Boolean.TRUE);
            });
  }

  @Test
  void updatePutsDriftBackCreateOnlyLeavesItAlone() {
    hub.resource(
            work(CLUSTER, "drift")
                .manifest(namespace("drift"))
                .manifest(configMap("drift", "managed", Map.of("color", "blue")))
                .manifest(configMap("drift", "seeded", Map.of("color", "blue")))
                .strategy("", "configmaps", "drift", "seeded", UpdateStrategyType.CreateOnly)
                .build())
        .create();
    await("applied").atMost(WAIT).until(() -> workIs("drift", "Applied"));

    setColor("drift", "managed", "red");
    setColor("drift", "seeded", "red");
    await("Update puts the value back")
        .atMost(WAIT)
        .until(() -> "blue".equals(color("drift", "managed")));
    assertThat(color("drift", "seeded"))
        .as("CreateOnly keeps the cluster's change")
        .isEqualTo("red");

    managed.configMaps().inNamespace("drift").withName("managed").delete();
    await("a deleted resource is created again")
        .atMost(WAIT)
        .until(() -> "blue".equals(color("drift", "managed")));
  }

  @Test
  void serverSideApplyReportsAConflictWithTheOtherManagerUntilForced() {
    managed
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName("ssa")
                .endMetadata()
                .build())
        .serverSideApply();
    managed
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("shared")
                .withNamespace("ssa")
                .endMetadata()
                .addToData("color", "green")
                .build())
        .fieldManager("someone-else")
        .serverSideApply();
    hub.resource(
            work(CLUSTER, "ssa")
                .manifest(configMap("ssa", "shared", Map.of("color", "blue")))
                .serverSideApply("configmaps", "ssa", "shared", false, List.of())
                .build())
        .create();

    await("the conflict is reported")
        .atMost(WAIT)
        .until(
            () ->
                manifestCondition("ssa", 0, ManifestWork.CONDITION_APPLIED)
                    .filter(c -> "False".equals(c.getStatus()))
                    .isPresent());
    assertThat(
            manifestCondition("ssa", 0, ManifestWork.CONDITION_APPLIED).orElseThrow().getMessage())
        .contains("conflict", "someone-else", ".data.color", "force");
    assertThat(color("ssa", "shared")).as("never silently overwritten").isEqualTo("green");
    assertThat(condition(fetch("ssa"), ManifestWork.CONDITION_DEGRADED).getStatus())
        .isEqualTo("True");

    ManifestWork forced =
        work(CLUSTER, "ssa")
            .manifest(configMap("ssa", "shared", Map.of("color", "blue")))
            .serverSideApply("configmaps", "ssa", "shared", true, List.of())
            .build();
    ManifestWork current = fetch("ssa");
    WorkFixtures.replaceSpec(hub, current, forced.getSpec());
    await("forced, the work takes the field over")
        .atMost(WAIT)
        .until(() -> "blue".equals(color("ssa", "shared")) && workIs("ssa", "Applied"));
    assertThat(
            managed
                .configMaps()
                .inNamespace("ssa")
                .withName("shared")
                .get()
                .getMetadata()
                .getManagedFields())
        .anyMatch(f -> "work-agent".equals(f.getManager()));
  }

  private static ManifestWork fetch(String name) {
    return bed.fetch(name);
  }

  private static AppliedManifestWork applied(String workName) {
    return bed.applied(workName);
  }

  private static boolean workIs(String name, String... trueConditions) {
    return bed.workIs(name, trueConditions);
  }

  private static Condition condition(ManifestWork work, String type) {
    return Conditions.find(work.getStatus().getConditions(), type).orElseThrow();
  }

  private static Optional<Condition> manifestCondition(String work, int ordinal, String type) {
    return bed.manifestCondition(work, ordinal, type);
  }

  private static String color(String namespace, String name) {
    return bed.color(namespace, name);
  }

  private static void setColor(String namespace, String name, String color) {
    bed.setColor(namespace, name, color);
  }
}
