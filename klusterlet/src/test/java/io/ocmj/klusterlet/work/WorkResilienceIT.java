package io.ocmj.klusterlet.work;

import static io.ocmj.klusterlet.work.WorkFixtures.configMap;
import static io.ocmj.klusterlet.work.WorkFixtures.namespace;
import static io.ocmj.klusterlet.work.WorkFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The work agent across its own restart and a hub API server outage. */
@KubernetesClusters({"hub", "cluster1"})
class WorkResilienceIT {
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
  void anAgentRestartedMidApplyFinishesTheWorkWithoutRecreatingAnything() {
    // The work cannot finish yet: its last manifest's kind is not served, so it is retried.
    WorkFixtures many = work(CLUSTER, "big").manifest(namespace("big"));
    for (int i = 0; i < 30; i++) {
      many.manifest(configMap("big", "cm-" + i, Map.of("color", "blue")));
    }
    many.manifest(WorkFixtures.object("example.com/v1", "Gadget", "big", "g1"));
    bed.create(many.build());
    await("mid-apply: the config maps are there, the work is still progressing")
        .atMost(WAIT)
        .until(
            () ->
                uids("big").size() == 30
                    && bed.condition("big", ManifestWork.CONDITION_PROGRESSING)
                        .filter(c -> "True".equals(c.getStatus()))
                        .isPresent());
    Map<String, String> uids = uids("big");

    bed.stopAgent();
    bed.managed.resource(WorkFixtures.exampleCrd("Gadget", "gadgets")).serverSideApply();
    bed.startAgent();

    await("the restarted agent finishes the work")
        .atMost(WAIT)
        .until(() -> bed.workIs("big", ManifestWork.CONDITION_APPLIED));
    assertThat(uids("big")).as("nothing re-created").isEqualTo(uids);
    assertThat(bed.applied("big").getStatus().getAppliedResources()).hasSize(32);

    bed.stopAgent();
    bed.startAgent();
    await("nothing re-created or deleted across a further restart and its resyncs")
        .during(WorkTestbed.RESYNC.multipliedBy(2))
        .atMost(WorkTestbed.RESYNC.multipliedBy(4))
        .until(() -> uids("big").equals(uids) && bed.workIs("big", ManifestWork.CONDITION_APPLIED));
  }

  @Test
  void theAgentKeepsWhatItAppliedThroughAHubOutageAndCatchesUpAfter(ClusterSet clusters) {
    assumeTrue(
        clusters.get("hub") instanceof LocalCluster,
        "stops the hub's API server, which needs local clusters (-Docmj.test.clusters=local)");
    bed.create(
        work(CLUSTER, "outage")
            .manifest(namespace("outage"))
            .manifest(configMap("outage", "before", Map.of("color", "blue")))
            .build());
    await("applied").atMost(WAIT).until(() -> bed.workIs("outage", "Applied"));
    String uid = bed.configMap("outage", "before").getMetadata().getUid();

    ((LocalCluster) clusters.get("hub")).restartApiServer();

    assertThat(bed.configMap("outage", "before").getMetadata().getUid())
        .as("kept through the outage")
        .isEqualTo(uid);
    var current = bed.fetch("outage");
    current
        .getSpec()
        .getWorkload()
        .getManifests()
        .add(
            io.ocmj.api.work.v1.Manifest.of(
                configMap("outage", "after", Map.of("color", "green"))));
    WorkFixtures.replaceSpec(bed.hub, current, current.getSpec());
    await("a change made after the outage is applied")
        .atMost(WAIT)
        .until(
            () -> "green".equals(bed.color("outage", "after")) && bed.workIs("outage", "Applied"));
    assertThat(bed.configMap("outage", "before").getMetadata().getUid()).isEqualTo(uid);
  }

  private static Map<String, String> uids(String namespace) {
    Map<String, String> uids = new HashMap<>();
    List<ConfigMap> items = bed.managed.configMaps().inNamespace(namespace).list().getItems();
    items.stream()
        .filter(cm -> cm.getMetadata().getName().startsWith("cm-"))
        .forEach(cm -> uids.put(cm.getMetadata().getName(), cm.getMetadata().getUid()));
    return uids;
  }
}
