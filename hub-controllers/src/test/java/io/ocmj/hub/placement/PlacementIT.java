package io.ocmj.hub.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScoreItem;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScoreStatus;
import io.ocmj.api.cluster.v1beta1.AddOnScore;
import io.ocmj.api.cluster.v1beta1.CelSelector;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.ClusterPredicate;
import io.ocmj.api.cluster.v1beta1.ClusterSelector;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta1.PrioritizerConfig;
import io.ocmj.api.cluster.v1beta1.PrioritizerPolicy;
import io.ocmj.api.cluster.v1beta1.ScoreCoordinate;
import io.ocmj.api.cluster.v1beta1.Toleration;
import io.ocmj.api.cluster.v1beta1.TolerationOperator;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBindingSpec;
import io.ocmj.api.status.Conditions;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Placements scheduled on a real hub: decisions follow the clusters, as OCM writes them. */
@KubernetesClusters("hub")
class PlacementIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static HubControllers controllers;
  private static KubernetesClient hub;

  @BeforeAll
  static void start(ClusterSet clusters) {
    hub = clusters.get("hub").client();
    HubCrds.install(hub);
    controllers = HubControllers.start(hub, Clock.systemUTC());
    ManagedClusterSet prod = new ManagedClusterSet();
    prod.getMetadata().setName("prod");
    hub.resource(prod).serverSideApply();
    for (String ns : List.of("apps", "lonely")) {
      hub.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
    }
    ManagedClusterSetBinding binding = new ManagedClusterSetBinding();
    binding.getMetadata().setName("prod");
    binding.getMetadata().setNamespace("apps");
    ManagedClusterSetBindingSpec spec = new ManagedClusterSetBindingSpec();
    spec.setClusterSet("prod");
    binding.setSpec(spec);
    hub.resource(binding).serverSideApply();
  }

  @AfterAll
  static void stop() {
    if (controllers != null) {
      controllers.close();
    }
  }

  @Test
  void aLabelChangeMovesAClusterInAndOutOfTheDecisions() {
    cluster("eu-1", Map.of("region", "eu"));
    cluster("us-1", Map.of("region", "us"));
    hub.resource(placement("apps", "eu", labels("region", "eu"))).create();

    await("eu-1 decided").atMost(WAIT).until(() -> decided("apps", "eu").equals(List.of("eu-1")));
    PlacementDecision decision =
        hub.resources(PlacementDecision.class).inNamespace("apps").withName("eu-decision-1").get();
    assertThat(decision.getMetadata().getLabels())
        .containsEntry(PlacementDecision.LABEL_PLACEMENT, "eu")
        .containsEntry(PlacementDecision.LABEL_GROUP_INDEX, "0")
        .containsEntry(PlacementDecision.LABEL_GROUP_NAME, "");
    assertThat(decision.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("Placement"));

    relabel("us-1", "eu");
    await("us-1 moved in")
        .atMost(WAIT)
        .until(() -> decided("apps", "eu").equals(List.of("eu-1", "us-1")));
    relabel("eu-1", "us");
    await("eu-1 moved out").atMost(WAIT).until(() -> decided("apps", "eu").equals(List.of("us-1")));
    // The status follows the decisions (written after them): wait for it too.
    await("the status counts one cluster")
        .atMost(WAIT)
        .until(
            () -> {
              Placement p = hub.resources(Placement.class).inNamespace("apps").withName("eu").get();
              return p.getStatus() != null
                  && Integer.valueOf(1).equals(p.getStatus().getNumberOfSelectedClusters());
            });
    Placement status = hub.resources(Placement.class).inNamespace("apps").withName("eu").get();
    assertThat(
            Conditions.find(status.getStatus().getConditions(), Placement.CONDITION_SATISFIED)
                .orElseThrow()
                .getReason())
        .isEqualTo(Placement.REASON_ALL_SCHEDULED);
  }

  @Test
  void anUnreachableClusterLeavesAtOnceUnlessItsTaintIsToleratedForAWhile() {
    cluster("flaky", Map.of("fleet", "flaky"));
    hub.resource(placement("apps", "strict", labels("fleet", "flaky"))).create();
    Placement patient = placement("apps", "patient", labels("fleet", "flaky"));
    Toleration rideOut = new Toleration();
    rideOut.setKey(Taint.UNREACHABLE);
    rideOut.setOperator(TolerationOperator.Exists);
    rideOut.setTolerationSeconds(6L);
    patient.getSpec().setTolerations(List.of(rideOut));
    hub.resource(patient).create();
    await("both decide flaky")
        .atMost(WAIT)
        .until(
            () ->
                decided("apps", "strict").equals(List.of("flaky"))
                    && decided("apps", "patient").equals(List.of("flaky")));

    // What the hub writes when a cluster's lease goes stale (ClusterHealth, tested on its own).
    Instant tainted = Instant.now();
    hub.resources(ManagedCluster.class)
        .withName("flaky")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"taints\":[{\"key\":\""
                + Taint.UNREACHABLE
                + "\",\"effect\":\"NoSelect\",\"timeAdded\":\""
                + tainted.truncatedTo(ChronoUnit.SECONDS)
                + "\"}]}}");
    await("NoSelect without toleration: out at once")
        .atMost(WAIT)
        .until(() -> decided("apps", "strict").isEmpty());
    await("tolerated: kept meanwhile")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> decided("apps", "patient").equals(List.of("flaky")));
    await("toleration ran out").atMost(WAIT).until(() -> decided("apps", "patient").isEmpty());
    assertThat(Duration.between(tainted.truncatedTo(ChronoUnit.SECONDS), Instant.now()))
        .as("not before tolerationSeconds")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
    assertThat(reason("apps", "patient", Placement.CONDITION_SATISFIED))
        .isEqualTo(Placement.REASON_NO_MATCH);
  }

  @Test
  void anAddOnScoreChangeMovesTheDecision() {
    for (String name : List.of("score-a", "score-b")) {
      cluster(name, Map.of("fleet", "score"));
      hub.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .serverSideApply();
    }
    score("score-a", 80);
    score("score-b", 20);
    Placement best = placement("apps", "best", labels("fleet", "score"));
    best.getSpec().setNumberOfClusters(1);
    ScoreCoordinate addOn = new ScoreCoordinate();
    addOn.setType("AddOn");
    AddOnScore free = new AddOnScore();
    free.setResourceName("load");
    free.setScoreName("free");
    addOn.setAddOn(free);
    PrioritizerConfig config = new PrioritizerConfig();
    config.setScoreCoordinate(addOn);
    PrioritizerPolicy policy = new PrioritizerPolicy();
    policy.setMode("Exact");
    policy.setConfigurations(List.of(config));
    best.getSpec().setPrioritizerPolicy(policy);
    hub.resource(best).create();
    await("the higher score wins")
        .atMost(WAIT)
        .until(() -> decided("apps", "best").equals(List.of("score-a")));
    score("score-b", 100);
    await("a score change reschedules")
        .atMost(WAIT)
        .until(() -> decided("apps", "best").equals(List.of("score-b")));
    assertThatThrownBy(() -> score("score-a", 150))
        .as("scores are -100..100")
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("status.scores[0].value");
    assertThat(decided("apps", "best")).containsExactly("score-b");
  }

  private static void score(String cluster, int free) {
    AddOnPlacementScore score = new AddOnPlacementScore();
    score.getMetadata().setName("load");
    score.getMetadata().setNamespace(cluster);
    hub.resource(score).serverSideApply();
    AddOnPlacementScoreStatus status = new AddOnPlacementScoreStatus();
    status.getScores().add(new AddOnPlacementScoreItem("free", free));
    score.setStatus(status);
    hub.resource(score)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager("test-addon")
                .withForce(true)
                .build());
  }

  @Test
  void aBurstOfAThousandClusterChangesCostsAFewSchedulingPasses() {
    for (int i = 0; i < 50; i++) {
      cluster(String.format(Locale.ROOT, "burst-%02d", i), Map.of("fleet", "burst"));
    }
    hub.resource(placement("apps", "burst", labels("fleet", "burst"))).create();
    await("50 decided").atMost(WAIT).until(() -> decided("apps", "burst").size() == 50);
    long before = controllers.placementPasses("apps", "burst");
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 50; i++) {
        hub.resources(ManagedCluster.class)
            .withName(String.format(Locale.ROOT, "burst-%02d", i))
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"round\":\"" + round + "\"}}}");
      }
    }
    relabelFleet("burst-00", "gone");
    await("the last change is scheduled")
        .atMost(WAIT)
        .until(() -> decided("apps", "burst").size() == 49);
    long passes = controllers.placementPasses("apps", "burst") - before;
    System.out.printf(
        Locale.ROOT, "burst: %d scheduling passes for 1,001 cluster changes%n", passes);
    assertThat(passes).as("passes for 1,001 cluster changes").isPositive().isLessThan(100);
  }

  @Test
  void twoHundredFiftyClustersMakeThreeDecisionObjectsThatArgoCdReadsWhole() throws IOException {
    for (int i = 0; i < 250; i++) {
      cluster(String.format(Locale.ROOT, "many-%03d", i), Map.of("fleet", "many"));
    }
    hub.resource(placement("apps", "many", labels("fleet", "many"))).create();
    await("250 decided over three objects")
        .atMost(WAIT)
        .until(() -> decided("apps", "many").size() == 250);
    List<PlacementDecision> decisions =
        hub.resources(PlacementDecision.class)
            .inNamespace("apps")
            .withLabel(PlacementDecision.LABEL_PLACEMENT, "many")
            .list()
            .getItems();
    assertThat(decisions)
        .extracting(d -> d.getMetadata().getName() + "=" + d.getStatus().getDecisions().size())
        .containsExactlyInAnyOrder(
            "many-decision-1=100", "many-decision-2=100", "many-decision-3=50");

    // Argo CD: the shipped ConfigMap and RBAC, the example Placement and ApplicationSet, read as
    // its ClusterDecisionResource generator reads them, as its service account.
    ClusterDecisionResourceGenerator.installExamples(hub);
    List<String> many = decided("apps", "many");
    await("the guestbook placement decides every cluster")
        .atMost(WAIT)
        .until(() -> decided("argocd", "guestbook").containsAll(many));
    Set<String> argoClusters =
        hub.resources(ManagedCluster.class).list().getItems().stream()
            .map(c -> c.getMetadata().getName())
            .collect(Collectors.toSet());
    List<Map<String, Object>> params =
        ClusterDecisionResourceGenerator.paramsAsArgoCd(
            hub, Path.of("..", "examples-repo", "argocd", "applicationset.yaml"), argoClusters);
    List<String> generated = params.stream().map(p -> (String) p.get("clusterName")).toList();
    assertThat(generated)
        .as("one Application per decided cluster, none twice")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(decided("argocd", "guestbook"))
        .containsAll(many);
    assertThat(params).allSatisfy(p -> assertThat(p).containsKeys("name", "server", "reason"));
    assertThat(
            hub.resources(PlacementDecision.class)
                .inNamespace("argocd")
                .withLabel(PlacementDecision.LABEL_PLACEMENT, "guestbook")
                .list()
                .getItems())
        .as("read across the 100-per-object split")
        .hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void badInputIsReportedWithOcmsReasons() {
    hub.resource(placement("lonely", "nobound", null)).create();
    await("no binding in the namespace")
        .atMost(WAIT)
        .until(
            () ->
                reason("lonely", "nobound", Placement.CONDITION_SATISFIED)
                    .equals(Placement.REASON_NO_BINDINGS));

    Placement broken = placement("apps", "broken", null);
    ClusterSelector selector = new ClusterSelector();
    CelSelector cel = new CelSelector();
    cel.setCelExpressions(List.of("managedCluster.metadata.labels["));
    selector.setCelSelector(cel);
    ClusterPredicate predicate = new ClusterPredicate();
    predicate.setRequiredClusterSelector(selector);
    broken.getSpec().setPredicates(List.of(predicate));
    hub.resource(broken).create();
    await("bad CEL is a misconfiguration")
        .atMost(WAIT)
        .until(
            () ->
                reason("apps", "broken", Placement.CONDITION_MISCONFIGURED)
                    .equals(Placement.REASON_MISCONFIGURED));
    assertThat(
            Conditions.find(
                    hub.resources(Placement.class)
                        .inNamespace("apps")
                        .withName("broken")
                        .get()
                        .getStatus()
                        .getConditions(),
                    Placement.CONDITION_MISCONFIGURED)
                .orElseThrow()
                .getMessage())
        .contains("celSelector", "managedCluster.metadata.labels[");

    Placement negative = placement("apps", "negative", null);
    negative.getSpec().setNumberOfClusters(-1);
    assertThatThrownBy(() -> hub.resource(negative).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.numberOfClusters");

    Placement heavy = placement("apps", "heavy", null);
    PrioritizerConfig tooHeavy = new PrioritizerConfig();
    ScoreCoordinate steady = new ScoreCoordinate();
    steady.setBuiltIn("Steady");
    tooHeavy.setScoreCoordinate(steady);
    tooHeavy.setWeight(50);
    PrioritizerPolicy policy = new PrioritizerPolicy();
    policy.setConfigurations(List.of(tooHeavy));
    heavy.getSpec().setPrioritizerPolicy(policy);
    assertThatThrownBy(() -> hub.resource(heavy).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.prioritizerPolicy.configurations[0].weight");
  }

  private static void cluster(String name, Map<String, String> labels) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    java.util.Map<String, String> all = new java.util.HashMap<>(labels);
    all.put(ManagedClusterSet.LABEL_CLUSTER_SET, "prod");
    cluster.getMetadata().setLabels(all);
    cluster.setSpec(new ManagedClusterSpec());
    hub.resource(cluster).create();
  }

  private static void relabelFleet(String cluster, String fleet) {
    hub.resources(ManagedCluster.class)
        .withName(cluster)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"fleet\":\"" + fleet + "\"}}}");
  }

  private static void relabel(String cluster, String region) {
    hub.resources(ManagedCluster.class)
        .withName(cluster)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"region\":\"" + region + "\"}}}");
  }

  private static ClusterSelector labels(String key, String value) {
    ClusterSelector selector = new ClusterSelector();
    selector.setLabelSelector(new LabelSelectorBuilder().addToMatchLabels(key, value).build());
    return selector;
  }

  private static Placement placement(String namespace, String name, ClusterSelector selector) {
    Placement placement = new Placement();
    placement.getMetadata().setName(name);
    placement.getMetadata().setNamespace(namespace);
    PlacementSpec spec = new PlacementSpec();
    if (selector != null) {
      ClusterPredicate predicate = new ClusterPredicate();
      predicate.setRequiredClusterSelector(selector);
      spec.setPredicates(List.of(predicate));
    }
    placement.setSpec(spec);
    return placement;
  }

  /** What Argo CD's ClusterDecisionResource generator reads: status.decisions[].clusterName. */
  private static List<String> decided(String namespace, String placement) {
    TreeSet<String> names = new TreeSet<>();
    hub
        .resources(PlacementDecision.class)
        .inNamespace(namespace)
        .withLabel(PlacementDecision.LABEL_PLACEMENT, placement)
        .list()
        .getItems()
        .stream()
        .filter(d -> d.getStatus() != null)
        .flatMap(d -> d.getStatus().getDecisions().stream())
        .map(ClusterDecision::getClusterName)
        .forEach(names::add);
    return List.copyOf(names);
  }

  private static String reason(String namespace, String name, String type) {
    Placement p = hub.resources(Placement.class).inNamespace(namespace).withName(name).get();
    return p == null || p.getStatus() == null
        ? ""
        : Conditions.find(p.getStatus().getConditions(), type).map(c -> c.getReason()).orElse("");
  }
}
