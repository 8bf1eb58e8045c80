package io.ocmj.klusterlet.work;

import static io.ocmj.klusterlet.work.WorkFixtures.configMap;
import static io.ocmj.klusterlet.work.WorkFixtures.id;
import static io.ocmj.klusterlet.work.WorkFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.PropagationPolicy;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What happens on the managed cluster when a work, or one of its manifests, goes away. */
@KubernetesClusters({"hub", "cluster1"})
class WorkDeletionIT {
  private static final Duration WAIT = WorkTestbed.WAIT;
  private static final String CLUSTER = "cluster1";
  private static WorkTestbed bed;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed = new WorkTestbed(clusters.get("hub"), clusters.get(CLUSTER), CLUSTER);
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  @Test
  void deletingAWorkDeletesWhatItAppliedThenItsRecord() {
    namespace("fg");
    bed.create(twoConfigMaps("fg", "fg").build());
    await("applied").atMost(WAIT).until(() -> bed.workIs("fg", "Applied"));

    deleteWork("fg");

    await("resources, AppliedManifestWork and work gone")
        .atMost(WAIT)
        .until(
            () ->
                bed.configMap("fg", "one") == null
                    && bed.configMap("fg", "two") == null
                    && bed.applied("fg") == null
                    && bed.fetch("fg") == null);
  }

  @Test
  void orphanLeavesEverythingWithoutTheWorksOwnerReference() {
    namespace("orphan");
    bed.create(twoConfigMaps("orphan", "orphan").deleteOption(PropagationPolicy.Orphan).build());
    await("applied").atMost(WAIT).until(() -> bed.workIs("orphan", "Applied"));

    deleteWork("orphan");

    await("work gone").atMost(WAIT).until(() -> bed.fetch("orphan") == null);
    for (String name : new String[] {"one", "two"}) {
      ConfigMap left = bed.configMap("orphan", name);
      assertThat(left).as(name + " is left").isNotNull();
      assertThat(left.getMetadata().getOwnerReferences()).as(name + " has no owner").isEmpty();
    }
    assertThat(bed.applied("orphan")).isNull();
  }

  @Test
  void selectivelyOrphanKeepsOnlyTheListedResources() {
    namespace("picky");
    bed.create(
        twoConfigMaps("picky", "picky")
            .deleteOption(PropagationPolicy.SelectivelyOrphan, id("", "configmaps", "picky", "tw*"))
            .build());
    await("applied").atMost(WAIT).until(() -> bed.workIs("picky", "Applied"));

    deleteWork("picky");

    await("work gone and the unlisted one deleted")
        .atMost(WAIT)
        .until(() -> bed.fetch("picky") == null && bed.configMap("picky", "one") == null);
    assertThat(bed.configMap("picky", "two")).as("orphaned by the rule").isNotNull();
    assertThat(bed.configMap("picky", "two").getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void droppingAManifestDeletesItsResourceOnly() {
    namespace("drop");
    bed.create(twoConfigMaps("drop", "drop").build());
    await("applied").atMost(WAIT).until(() -> bed.workIs("drop", "Applied"));

    ManifestWork current = bed.fetch("drop");
    current
        .getSpec()
        .getWorkload()
        .setManifests(
            work(CLUSTER, "drop")
                .manifest(configMap("drop", "one", Map.of("color", "blue")))
                .build()
                .getSpec()
                .getWorkload()
                .getManifests());
    WorkFixtures.replaceSpec(bed.hub, current, current.getSpec());

    await("the dropped one is deleted and no longer recorded")
        .atMost(WAIT)
        .until(
            () ->
                bed.configMap("drop", "two") == null
                    && bed.applied("drop").getStatus().getAppliedResources().size() == 1);
    assertThat(bed.configMap("drop", "one")).isNotNull();
  }

  @Test
  void aResourceTwoWorksApplyStaysUntilTheLastOfThemGoes() {
    namespace("shared");
    bed.create(
        work(CLUSTER, "first")
            .manifest(configMap("shared", "common", Map.of("color", "blue")))
            .build());
    bed.create(
        work(CLUSTER, "second")
            .manifest(configMap("shared", "common", Map.of("color", "blue")))
            .build());
    await("both applied, both own it")
        .atMost(WAIT)
        .until(
            () ->
                bed.workIs("first", "Applied")
                    && bed.workIs("second", "Applied")
                    && bed.configMap("shared", "common").getMetadata().getOwnerReferences().size()
                        == 2);

    deleteWork("first");
    await("first gone").atMost(WAIT).until(() -> bed.fetch("first") == null);
    assertThat(bed.configMap("shared", "common")).as("second still applies it").isNotNull();
    assertThat(bed.configMap("shared", "common").getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> assertThat(o.getUid()).isEqualTo(bed.applied("second").getMetadata().getUid()));

    deleteWork("second");
    await("deleted with the last work")
        .atMost(WAIT)
        .until(() -> bed.fetch("second") == null && bed.configMap("shared", "common") == null);
  }

  private static WorkFixtures twoConfigMaps(String workName, String namespace) {
    return work(CLUSTER, workName)
        .manifest(configMap(namespace, "one", Map.of("color", "blue")))
        .manifest(configMap(namespace, "two", Map.of("color", "blue")));
  }

  private static void namespace(String name) {
    bed.managed
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  private static void deleteWork(String name) {
    bed.hub.resources(ManifestWork.class).inNamespace(CLUSTER).withName(name).delete();
  }
}
