package io.ocmj.hub.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1beta1.SpreadConstraint;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologySpreadTest {
  /** Ranked best first: three in zone a, one each in b and c, one with no zone. */
  private static final List<ManagedCluster> RANKED =
      List.of(
          zoned("a1", "a"),
          zoned("a2", "a"),
          zoned("a3", "a"),
          zoned("b1", "b"),
          zoned("c1", "c"),
          zoned("x1", null));

  @Test
  void doNotScheduleKeepsEveryZoneWithinMaxSkewAndLeavesOutClustersWithoutTheKey() {
    Map<String, String> filtered = new LinkedHashMap<>();
    List<ManagedCluster> chosen =
        TopologySpread.choose(RANKED, 4, List.of(zone("DoNotSchedule", 1)), filtered);
    assertThat(names(chosen)).containsExactly("a1", "b1", "c1", "a2");
    assertThat(filtered.get("x1")).contains("label zone is not set");
    assertThat(filtered.get("a3")).isEqualTo("not among the 4 chosen");
  }

  @Test
  void withoutNumberOfClustersDoNotScheduleTakesAsManyAsTheSkewAllows() {
    Map<String, String> filtered = new LinkedHashMap<>();
    List<ManagedCluster> chosen =
        TopologySpread.choose(RANKED, null, List.of(zone("DoNotSchedule", 1)), filtered);
    assertThat(names(chosen)).containsExactly("a1", "b1", "c1", "a2");
    assertThat(filtered.get("a3")).contains("label zone=a", "maxSkew 1", "DoNotSchedule");
  }

  @Test
  void aLargerMaxSkewAllowsMoreInOneZone() {
    List<ManagedCluster> chosen =
        TopologySpread.choose(RANKED, 3, List.of(zone("DoNotSchedule", 2)), new HashMap<>());
    assertThat(names(chosen)).containsExactly("a1", "a2", "b1");
  }

  @Test
  void scheduleAnywayPrefersSpreadButFillsTheCountWithTheRest() {
    Map<String, String> filtered = new LinkedHashMap<>();
    List<ManagedCluster> chosen =
        TopologySpread.choose(RANKED, 5, List.of(zone("ScheduleAnyway", 1)), filtered);
    assertThat(names(chosen)).containsExactly("a1", "b1", "c1", "a2", "a3");
    assertThat(filtered).containsOnlyKeys("x1");
    assertThat(names(TopologySpread.choose(RANKED, 6, List.of(zone(null, 1)), new HashMap<>())))
        .as("ScheduleAnyway is the default; it never leaves a cluster out for the spread")
        .hasSize(6);
  }

  @Test
  void theRankingDecidesWhichClusterOfAZoneIsTaken() {
    List<ManagedCluster> ranked =
        List.of(RANKED.get(4), RANKED.get(2), RANKED.get(0), RANKED.get(1), RANKED.get(3));
    assertThat(
            names(
                TopologySpread.choose(
                    ranked, 3, List.of(zone("DoNotSchedule", 1)), new HashMap<>())))
        .containsExactly("c1", "a3", "b1");
  }

  @Test
  void claimsAndSeveralConstraintsAreAllHonoured() {
    List<ManagedCluster> ranked =
        List.of(
            claimed("p1", "a", "aws"),
            claimed("p2", "a", "gcp"),
            claimed("p3", "b", "aws"),
            claimed("p4", "b", "gcp"));
    SpreadConstraint platform = new SpreadConstraint();
    platform.setTopologyKey("platform.open-cluster-management.io");
    platform.setTopologyKeyType("Claim");
    platform.setWhenUnsatisfiable("DoNotSchedule");
    List<ManagedCluster> chosen =
        TopologySpread.choose(
            ranked, 2, List.of(zone("DoNotSchedule", 1), platform), new HashMap<>());
    assertThat(names(chosen)).as("one per zone and one per platform").containsExactly("p1", "p4");
  }

  @Test
  void noConstraintsTakeTheBestRanked() {
    Map<String, String> filtered = new LinkedHashMap<>();
    assertThat(names(TopologySpread.choose(RANKED, 2, List.of(), filtered)))
        .containsExactly("a1", "a2");
    assertThat(filtered).hasSize(4).containsEntry("x1", "not among the 2 chosen");
    assertThat(TopologySpread.choose(RANKED, 10, List.of(), new HashMap<>())).hasSize(6);
  }

  private static List<String> names(List<ManagedCluster> clusters) {
    return clusters.stream().map(c -> c.getMetadata().getName()).toList();
  }

  private static SpreadConstraint zone(String when, int maxSkew) {
    SpreadConstraint c = new SpreadConstraint();
    c.setTopologyKey("zone");
    c.setTopologyKeyType("Label");
    c.setMaxSkew(maxSkew);
    c.setWhenUnsatisfiable(when);
    return c;
  }

  private static ManagedCluster zoned(String name, String zone) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    cluster.getMetadata().setLabels(zone == null ? Map.of() : Map.of("zone", zone));
    return cluster;
  }

  private static ManagedCluster claimed(String name, String zone, String platform) {
    ManagedCluster cluster = zoned(name, zone);
    ClusterClaimStatus claim = new ClusterClaimStatus();
    claim.setName("platform.open-cluster-management.io");
    claim.setValue(platform);
    ManagedClusterStatus status = new ManagedClusterStatus();
    status.getClusterClaims().add(claim);
    cluster.setStatus(status);
    return cluster;
  }
}
