package io.ocmj.klusterlet.work;

import static io.ocmj.klusterlet.work.WorkFixtures.configMap;
import static io.ocmj.klusterlet.work.WorkFixtures.namespace;
import static io.ocmj.klusterlet.work.WorkFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1alpha1.RolloutProgressive;
import io.ocmj.api.cluster.v1alpha1.RolloutStrategy;
import io.ocmj.api.cluster.v1alpha1.RolloutType;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1alpha1.LocalPlacementReference;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSetSpec;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ManifestWorkReplicaSet rollouts over three real managed clusters with their work agents. */
@KubernetesClusters({"hub", "c1", "c2", "c3"})
class ManifestWorkReplicaSetIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String NS = "apps";
  private static final List<String> CLUSTERS = List.of("c1", "c2", "c3");
  private static WorkTestbed bed;
  private static KubernetesClient hub;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed =
        new WorkTestbed(
            clusters.get("hub"),
            List.of(clusters.get("c1"), clusters.get("c2"), clusters.get("c3")));
    hub = bed.hub;
    hub.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  @Test
  void progressiveWithMaxConcurrencyOneRollsOutOneClusterAtATime() {
    decide("one-at-a-time", CLUSTERS);
    hub.resource(
            replicaSet(
                "rolling",
                "one-at-a-time",
                progressive(1, 0),
                work("x", "x")
                    .manifest(namespace("rolling"))
                    .manifest(configMap("rolling", "cfg", Map.of("color", "blue")))))
        .create();

    await("rolled out to all three")
        .atMost(WAIT)
        .until(
            () ->
                condition("rolling", ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT)
                    .filter(c -> Conditions.TRUE.equals(c.getStatus()))
                    .isPresent());
    assertThat(
            condition("rolling", ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT)
                .orElseThrow()
                .getReason())
        .isEqualTo(ManifestWorkReplicaSet.REASON_COMPLETE);
    // One at a time: each cluster's work was written only after the previous one was available.
    for (int i = 1; i < CLUSTERS.size(); i++) {
      ManifestWork previous = generated(CLUSTERS.get(i - 1), "rolling");
      ManifestWork next = generated(CLUSTERS.get(i), "rolling");
      Instant previousAvailable =
          Instant.parse(
              Conditions.find(
                      previous.getStatus().getConditions(), ManifestWork.CONDITION_AVAILABLE)
                  .orElseThrow()
                  .getLastTransitionTime());
      assertThat(updatedAt(next))
          .as(CLUSTERS.get(i) + " started after " + CLUSTERS.get(i - 1) + " was available")
          .isAfterOrEqualTo(previousAvailable);
    }
    for (String cluster : CLUSTERS) {
      assertThat(bed.managed(cluster).configMaps().inNamespace("rolling").withName("cfg").get())
          .as("applied on " + cluster)
          .isNotNull();
    }
    var summary =
        hub.resources(ManifestWorkReplicaSet.class)
            .inNamespace(NS)
            .withName("rolling")
            .get()
            .getStatus()
            .getSummary();
    assertThat(
            List.of(
                summary.getTotal(),
                summary.getDesiredTotal(),
                summary.getApplied(),
                summary.getAvailable()))
        .containsExactly(3, 3, 3, 3);
  }

  @Test
  void aFailingClusterCountsTowardMaxFailuresAndStopsTheRollout() {
    KubernetesClient c2 = bed.managed("c2");
    c2.resource(new NamespaceBuilder().withNewMetadata().withName("fragile").endMetadata().build())
        .serverSideApply();
    c2.resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cfg")
                .withNamespace("fragile")
                .endMetadata()
                .addToData("color", "green")
                .build())
        .fieldManager("someone-else")
        .serverSideApply();
    decide("fragile-clusters", CLUSTERS);
    hub.resource(
            replicaSet(
                "fragile",
                "fragile-clusters",
                progressive(1, 0),
                work("x", "x")
                    .manifest(namespace("fragile"))
                    .manifest(configMap("fragile", "cfg", Map.of("color", "blue")))
                    .serverSideApply("configmaps", "fragile", "cfg", false, List.of())))
        .create();

    await("stopped at the failing cluster")
        .atMost(WAIT)
        .until(
            () ->
                condition("fragile", ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT)
                    .filter(c -> ManifestWorkReplicaSet.REASON_FAILED.equals(c.getReason()))
                    .isPresent());
    assertThat(
            condition("fragile", ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT)
                .orElseThrow()
                .getMessage())
        .contains("c2", "maxFailures 0");
    await("c3 is never started")
        .during(WorkTestbed.RESYNC.multipliedBy(2))
        .atMost(WorkTestbed.RESYNC.multipliedBy(4))
        .until(() -> generated("c3", "fragile") == null);

    ManifestWorkReplicaSet tolerant =
        hub.resources(ManifestWorkReplicaSet.class).inNamespace(NS).withName("fragile").get();
    tolerant
        .getSpec()
        .getPlacementRefs()
        .get(0)
        .getRolloutStrategy()
        .getProgressive()
        .setMaxFailures(new IntOrString(1));
    WorkFixtures.replaceSpec(hub, tolerant, tolerant.getSpec());
    await("with one failure tolerated it goes on to c3 and completes")
        .atMost(WAIT)
        .until(
            () ->
                generated("c3", "fragile") != null
                    && condition("fragile", ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT)
                        .filter(c -> ManifestWorkReplicaSet.REASON_COMPLETE.equals(c.getReason()))
                        .isPresent());
  }

  @Test
  void aClusterThatLeavesTheDecisionLosesItsWork() {
    decide("shrinking", CLUSTERS);
    hub.resource(
            replicaSet(
                "shrink",
                "shrinking",
                null,
                work("x", "x").manifest(configMap("default", "shrink", Map.of("color", "blue")))))
        .create();
    await("all three have the work")
        .atMost(WAIT)
        .until(() -> CLUSTERS.stream().allMatch(c -> generated(c, "shrink") != null));

    decide("shrinking", List.of("c1", "c2"));

    await("c3's work is removed, and what it applied with it")
        .atMost(WAIT)
        .until(
            () ->
                generated("c3", "shrink") == null
                    && bed.managed("c3")
                            .configMaps()
                            .inNamespace("default")
                            .withName("shrink")
                            .get()
                        == null);
    assertThat(generated("c1", "shrink")).isNotNull();
  }

  @Test
  void aFailedRolloutIsRolledBackToThePreviousTemplate() {
    KubernetesClient c2 = bed.managed("c2");
    c2.resource(new NamespaceBuilder().withNewMetadata().withName("rb").endMetadata().build())
        .serverSideApply();
    c2.resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("theirs")
                .withNamespace("rb")
                .endMetadata()
                .addToData("color", "green")
                .build())
        .fieldManager("someone-else")
        .serverSideApply();
    decide("rollbacks", CLUSTERS);
    hub.resource(
            replicaSet(
                "rb",
                "rollbacks",
                progressive(1, 0),
                work("x", "x")
                    .manifest(namespace("rb"))
                    .manifest(configMap("rb", "cfg", Map.of("color", "blue")))))
        .create();
    await("v1 rolled out")
        .atMost(WAIT)
        .until(() -> reason("rb").equals(ManifestWorkReplicaSet.REASON_COMPLETE));

    ManifestWorkReplicaSet v2 =
        hub.resources(ManifestWorkReplicaSet.class).inNamespace(NS).withName("rb").get();
    v2.getSpec()
        .setManifestWorkTemplate(
            work("x", "x")
                .manifest(namespace("rb"))
                .manifest(configMap("rb", "cfg", Map.of("color", "red")))
                .manifest(configMap("rb", "theirs", Map.of("color", "red")))
                .serverSideApply("configmaps", "rb", "theirs", false, List.of())
                .build()
                .getSpec());
    WorkFixtures.replaceSpec(hub, v2, v2.getSpec());
    await("v2 fails on c2 and stops")
        .atMost(WAIT)
        .until(() -> reason("rb").equals(ManifestWorkReplicaSet.REASON_FAILED));
    assertThat(bed.managed("c1").configMaps().inNamespace("rb").withName("cfg").get().getData())
        .containsEntry("color", "red");

    hub.resources(ManifestWorkReplicaSet.class)
        .inNamespace(NS)
        .withName("rb")
        .edit(
            m -> {
              // No resourceVersion in the patch: controllers write this object's status meanwhile.
              m.getMetadata().setResourceVersion(null);
              m.getMetadata().getAnnotations().put("work.ocmj.io/rollback-to-revision", "previous");
              return m;
            });

    await("rolled back: v1 everywhere again, and complete")
        .atMost(WAIT)
        .until(
            () ->
                reason("rb").equals(ManifestWorkReplicaSet.REASON_COMPLETE)
                    && CLUSTERS.stream()
                        .allMatch(
                            c ->
                                "blue"
                                    .equals(
                                        bed.managed(c)
                                            .configMaps()
                                            .inNamespace("rb")
                                            .withName("cfg")
                                            .get()
                                            .getData()
                                            .get("color"))));
    ManifestWorkReplicaSet after =
        hub.resources(ManifestWorkReplicaSet.class).inNamespace(NS).withName("rb").get();
    assertThat(after.getMetadata().getAnnotations())
        .doesNotContainKey("work.ocmj.io/rollback-to-revision");
    assertThat(after.getSpec().getManifestWorkTemplate().getWorkload().getManifests()).hasSize(2);
    assertThat(bed.managed("c1").configMaps().inNamespace("rb").withName("theirs").get())
        .as("what only v2 applied is removed on the way back")
        .isNull();
    assertThat(c2.configMaps().inNamespace("rb").withName("theirs").get().getData())
        .as("the other manager's object was never taken")
        .containsEntry("color", "green");
  }

  @Test
  void aTemplateTooLargeForOneManifestWorkIsReportedOnTheReplicaSet() {
    decide("big-template", CLUSTERS);
    hub.resource(
            replicaSet(
                "too-big",
                "big-template",
                null,
                work("x", "x")
                    .manifest(
                        configMap("default", "blob", Map.of("data", "x".repeat(600 * 1024))))))
        .create();
    await("reported, naming the field and the limit")
        .atMost(WAIT)
        .until(
            () ->
                condition("too-big", ManifestWorkReplicaSet.CONDITION_MANIFESTWORK_APPLIED)
                    .filter(
                        c -> ManifestWorkReplicaSet.REASON_NOT_AS_EXPECTED.equals(c.getReason()))
                    .isPresent());
    assertThat(
            condition("too-big", ManifestWorkReplicaSet.CONDITION_MANIFESTWORK_APPLIED)
                .orElseThrow()
                .getMessage())
        .contains("spec.manifestWorkTemplate.workload.manifests", "over the 500 KiB");
    assertThat(CLUSTERS).allMatch(c -> generated(c, "too-big") == null);
  }

  private static String reason(String mwrs) {
    return condition(mwrs, ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT)
        .map(Condition::getReason)
        .orElse("");
  }

  private static void decide(String placement, List<String> clusters) {
    bed.decide(NS, placement, clusters);
  }

  private static ManifestWorkReplicaSet replicaSet(
      String name, String placement, RolloutStrategy strategy, WorkFixtures template) {
    ManifestWorkReplicaSet mwrs = new ManifestWorkReplicaSet();
    mwrs.getMetadata().setName(name);
    mwrs.getMetadata().setNamespace(NS);
    ManifestWorkReplicaSetSpec spec = new ManifestWorkReplicaSetSpec();
    spec.setManifestWorkTemplate(template.build().getSpec());
    LocalPlacementReference ref = new LocalPlacementReference();
    ref.setName(placement);
    ref.setRolloutStrategy(strategy);
    spec.setPlacementRefs(List.of(ref));
    mwrs.setSpec(spec);
    return mwrs;
  }

  private static RolloutStrategy progressive(int maxConcurrency, int maxFailures) {
    RolloutStrategy strategy = new RolloutStrategy();
    strategy.setType(RolloutType.Progressive);
    RolloutProgressive progressive = new RolloutProgressive();
    progressive.setMaxConcurrency(new IntOrString(maxConcurrency));
    progressive.setMaxFailures(new IntOrString(maxFailures));
    strategy.setProgressive(progressive);
    return strategy;
  }

  private static Optional<Condition> condition(String mwrs, String type) {
    ManifestWorkReplicaSet set =
        hub.resources(ManifestWorkReplicaSet.class).inNamespace(NS).withName(mwrs).get();
    return set == null || set.getStatus() == null
        ? Optional.empty()
        : Conditions.find(set.getStatus().getConditions(), type);
  }

  private static ManifestWork generated(String cluster, String mwrs) {
    return hub.resources(ManifestWork.class).inNamespace(cluster).withName(mwrs).get();
  }

  private static Instant updatedAt(ManifestWork work) {
    return Instant.parse(
        work.getMetadata().getAnnotations().get("work.ocmj.io/template-updated-at"));
  }
}
