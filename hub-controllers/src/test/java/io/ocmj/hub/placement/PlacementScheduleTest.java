package io.ocmj.hub.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import io.ocmj.api.cluster.v1beta1.CelSelector;
import io.ocmj.api.cluster.v1beta1.ClaimSelector;
import io.ocmj.api.cluster.v1beta1.ClusterPredicate;
import io.ocmj.api.cluster.v1beta1.ClusterSelector;
import io.ocmj.api.cluster.v1beta1.DecisionGroup;
import io.ocmj.api.cluster.v1beta1.DecisionStrategy;
import io.ocmj.api.cluster.v1beta1.GroupStrategy;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta1.Toleration;
import io.ocmj.api.cluster.v1beta1.TolerationOperator;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.hub.placement.PlacementSchedule.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementScheduleTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final List<ManagedClusterSet> SETS = List.of(set("prod"), set("dev"));

  private static final List<ManagedCluster> CLUSTERS =
      List.of(
          cluster(
              "c3",
              "prod",
              Map.of("region", "eu"),
              Map.of("platform.open-cluster-management.io", "AWS")),
          cluster(
              "c1",
              "prod",
              Map.of("region", "us"),
              Map.of("platform.open-cluster-management.io", "GCP")),
          cluster("c2", "prod", Map.of("region", "eu"), Map.of()),
          cluster("d1", "dev", Map.of("region", "eu"), Map.of()));

  @Test
  void anEmptySpecSelectsEveryClusterOfTheBoundSetsByName() {
    Result result = schedule(new PlacementSpec(), Set.of("prod"), Set.of());
    assertThat(result.selected()).containsExactly("c1", "c2", "c3");
    assertThat(result.satisfiedReason()).isEqualTo(Placement.REASON_ALL_SCHEDULED);
    assertThat(result.groups()).singleElement().satisfies(g -> assertThat(g.clusters()).hasSize(3));
  }

  @Test
  void withoutBindingsOrOutsideThemNothingIsSelectedWithOcmsReasons() {
    assertThat(schedule(new PlacementSpec(), Set.of(), Set.of()).satisfiedReason())
        .isEqualTo(Placement.REASON_NO_BINDINGS);
    PlacementSpec devOnly = new PlacementSpec();
    devOnly.setClusterSets(List.of("dev"));
    Result none = schedule(devOnly, Set.of("prod"), Set.of());
    assertThat(none.satisfiedReason()).isEqualTo(Placement.REASON_NO_INTERSECTION);
    assertThat(none.selected()).isEmpty();
  }

  @Test
  void predicatesAreOredAndTheirLabelClaimAndCelPartsAnded() {
    PlacementSpec spec = new PlacementSpec();
    ClusterSelector euOnAws = new ClusterSelector();
    euOnAws.setLabelSelector(new LabelSelectorBuilder().addToMatchLabels("region", "eu").build());
    ClaimSelector aws = new ClaimSelector();
    aws.setMatchExpressions(
        List.of(
            new LabelSelectorRequirement(
                "platform.open-cluster-management.io", "In", List.of("AWS"))));
    euOnAws.setClaimSelector(aws);
    ClusterSelector named = new ClusterSelector();
    CelSelector cel = new CelSelector();
    cel.setCelExpressions(List.of("managedCluster.metadata.name == 'c1'"));
    named.setCelSelector(cel);
    spec.setPredicates(List.of(predicate(euOnAws), predicate(named)));
    Result result = schedule(spec, Set.of("prod", "dev"), Set.of());
    assertThat(result.selected()).containsExactly("c1", "c3");
    assertThat(result.filtered()).containsEntry("c2", "does not match the predicates");
  }

  @Test
  void celThatDoesNotCompileIsAMisconfiguration() {
    PlacementSpec spec = new PlacementSpec();
    ClusterSelector broken = new ClusterSelector();
    CelSelector cel = new CelSelector();
    cel.setCelExpressions(List.of("managedCluster.metadata.("));
    broken.setCelSelector(cel);
    spec.setPredicates(List.of(predicate(broken)));
    Result result = schedule(spec, Set.of("prod"), Set.of());
    assertThat(result.misconfigured())
        .get()
        .asString()
        .startsWith(
            "predicates[0].requiredClusterSelector.celSelector.celExpressions[0]:"
                + " managedCluster.metadata.(:");
    assertThat(result.selected()).isEmpty();
  }

  @Test
  void taintsFilterUnlessToleratedAndTolerationSecondsRunOut() {
    List<ManagedCluster> clusters = new ArrayList<>(CLUSTERS);
    clusters.set(
        1,
        tainted(
            CLUSTERS.get(1),
            "cluster.open-cluster-management.io/unreachable",
            TaintEffect.NoSelect,
            NOW.minusSeconds(60)));
    clusters.set(2, tainted(CLUSTERS.get(2), "gpu", TaintEffect.PreferNoSelect, NOW));
    PlacementSpec spec = new PlacementSpec();
    Result untolerated =
        run(placement(spec), clusters, SETS, Set.of("prod"), Set.of(), new CelSelectors(), NOW);
    assertThat(untolerated.selected()).containsExactly("c2", "c3");
    assertThat(untolerated.filtered().get("c1")).contains("unreachable", "not tolerated");

    Toleration ride = new Toleration();
    ride.setKey("cluster.open-cluster-management.io/unreachable");
    ride.setOperator(TolerationOperator.Exists);
    ride.setTolerationSeconds(300L);
    spec.setTolerations(List.of(ride));
    Result tolerated =
        run(placement(spec), clusters, SETS, Set.of("prod"), Set.of(), new CelSelectors(), NOW);
    assertThat(tolerated.selected()).containsExactly("c1", "c2", "c3");
    assertThat(tolerated.recheckAt()).contains(NOW.plusSeconds(240));
    Result expired =
        run(
            placement(spec),
            clusters,
            SETS,
            Set.of("prod"),
            Set.of(),
            new CelSelectors(),
            NOW.plusSeconds(240));
    assertThat(expired.selected()).containsExactly("c2", "c3");
  }

  @Test
  void noSelectIfNewKeepsClustersAlreadyDecided() {
    List<ManagedCluster> clusters = new ArrayList<>(CLUSTERS);
    clusters.set(1, tainted(CLUSTERS.get(1), "draining", TaintEffect.NoSelectIfNew, NOW));
    assertThat(
            run(
                    placement(new PlacementSpec()),
                    clusters,
                    SETS,
                    Set.of("prod"),
                    Set.of("c1"),
                    new CelSelectors(),
                    NOW)
                .selected())
        .contains("c1");
    assertThat(
            run(
                    placement(new PlacementSpec()),
                    clusters,
                    SETS,
                    Set.of("prod"),
                    Set.of(),
                    new CelSelectors(),
                    NOW)
                .selected())
        .doesNotContain("c1");
  }

  @Test
  void numberOfClustersKeepsCurrentDecisionsThenTakesByNameAndSaysWhenTooFew() {
    PlacementSpec two = new PlacementSpec();
    two.setNumberOfClusters(2);
    assertThat(schedule(two, Set.of("prod"), Set.of()).selected()).containsExactly("c1", "c2");
    assertThat(schedule(two, Set.of("prod"), Set.of("c3")).selected())
        .as("steady: c3 stays")
        .containsExactly("c1", "c3");
    PlacementSpec five = new PlacementSpec();
    five.setNumberOfClusters(5);
    Result tooFew = schedule(five, Set.of("prod"), Set.of());
    assertThat(tooFew.selected()).hasSize(3);
    assertThat(tooFew.satisfiedReason()).isEqualTo(Placement.REASON_NOT_ALL_SCHEDULED);
  }

  @Test
  void namedGroupsComeFirstAndEveryGroupIsCutToClustersPerDecisionGroup() {
    PlacementSpec spec = new PlacementSpec();
    DecisionGroup canary = new DecisionGroup();
    canary.setGroupName("canary");
    ClusterSelector us = new ClusterSelector();
    us.setLabelSelector(new LabelSelectorBuilder().addToMatchLabels("region", "us").build());
    canary.setGroupClusterSelector(us);
    GroupStrategy groups = new GroupStrategy();
    groups.setDecisionGroups(List.of(canary));
    groups.setClustersPerDecisionGroup(new IntOrString(1));
    DecisionStrategy strategy = new DecisionStrategy();
    strategy.setGroupStrategy(groups);
    spec.setDecisionStrategy(strategy);
    Result result = schedule(spec, Set.of("prod"), Set.of());
    assertThat(result.groups())
        .extracting(g -> g.index() + ":" + g.name() + ":" + g.clusters())
        .containsExactly("0:canary:[c1]", "1::[c2]", "2::[c3]");
  }

  private static Result schedule(PlacementSpec spec, Set<String> bound, Set<String> previous) {
    return run(placement(spec), CLUSTERS, SETS, bound, previous, new CelSelectors(), NOW);
  }

  /** Scheduling with no other placements' decisions and no add-on scores. */
  static Result run(
      Placement placement,
      List<ManagedCluster> clusters,
      List<ManagedClusterSet> sets,
      Set<String> bound,
      Set<String> previous,
      CelSelectors cel,
      Instant now) {
    return PlacementSchedule.schedule(
        placement,
        new PlacementSchedule.State(clusters, sets, bound, previous, Map.of(), Map.of()),
        cel,
        now);
  }

  private static Placement placement(PlacementSpec spec) {
    Placement placement = new Placement();
    placement.getMetadata().setName("p");
    placement.getMetadata().setNamespace("apps");
    placement.setSpec(spec);
    return placement;
  }

  private static ClusterPredicate predicate(ClusterSelector selector) {
    ClusterPredicate predicate = new ClusterPredicate();
    predicate.setRequiredClusterSelector(selector);
    return predicate;
  }

  private static ManagedClusterSet set(String name) {
    ManagedClusterSet set = new ManagedClusterSet();
    set.getMetadata().setName(name);
    return set;
  }

  private static ManagedCluster cluster(
      String name, String set, Map<String, String> labels, Map<String, String> claims) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    Map<String, String> all = new HashMap<>(labels);
    all.put(ManagedClusterSet.LABEL_CLUSTER_SET, set);
    cluster.getMetadata().setLabels(all);
    cluster.setSpec(new ManagedClusterSpec());
    ManagedClusterStatus status = new ManagedClusterStatus();
    claims.forEach(
        (k, v) -> {
          ClusterClaimStatus claim = new ClusterClaimStatus();
          claim.setName(k);
          claim.setValue(v);
          status.getClusterClaims().add(claim);
        });
    cluster.setStatus(status);
    return cluster;
  }

  private static ManagedCluster tainted(
      ManagedCluster cluster, String key, TaintEffect effect, Instant added) {
    ManagedCluster copy = io.fabric8.kubernetes.client.utils.Serialization.clone(cluster);
    Taint taint = new Taint();
    taint.setKey(key);
    taint.setEffect(effect);
    taint.setTimeAdded(added.toString());
    copy.getSpec().setTaints(List.of(taint));
    return copy;
  }
}
