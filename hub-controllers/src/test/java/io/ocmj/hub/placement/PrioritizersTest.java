package io.ocmj.hub.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScoreItem;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScoreStatus;
import io.ocmj.api.cluster.v1beta1.AddOnScore;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta1.PrioritizerConfig;
import io.ocmj.api.cluster.v1beta1.PrioritizerPolicy;
import io.ocmj.api.cluster.v1beta1.ScoreCoordinate;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.hub.placement.PlacementSchedule.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrioritizersTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final List<ManagedClusterSet> SETS = List.of(set());

  @Test
  void byDefaultBalanceAvoidsClustersOtherPlacementsUseAndSteadyKeepsCurrentOnes() {
    List<ManagedCluster> clusters = List.of(cluster("c1"), cluster("c2"), cluster("c3"));
    Map<String, Integer> others = Map.of("c1", 2, "c2", 1);
    assertThat(run(number(1), clusters, Set.of(), others, Map.of()).selected())
        .as("c3 is in no other placement")
        .containsExactly("c3");
    Result steady = run(number(2), clusters, Set.of("c1"), others, Map.of());
    assertThat(steady.scores()).containsEntry("c3", 100L).containsEntry("c1", 0L);
    assertThat(steady.selected())
        .as("c1 (Balance -100, Steady 100) ties c2 (Balance 0): the name decides")
        .containsExactly("c1", "c3");
    Map<String, Long> balance =
        Prioritizers.score(
            new Prioritizers.Weighted(Prioritizers.BALANCE, null, null, 1),
            clusters,
            new Prioritizers.Inputs(Set.of(), Map.of("c1", 3, "c2", 1), Map.of(), NOW));
    assertThat(balance)
        .as("OCM's 2 * int64(100 * (0.5 - 1/3)), not int64(200 * (0.5 - 1/3))")
        .containsEntry("c2", 32L)
        .containsEntry("c1", -100L)
        .containsEntry("c3", 100L);
  }

  @Test
  void allocatableCpuIsNormalisedBetweenTheSmallestAndLargestAndWeighted() {
    List<ManagedCluster> clusters =
        List.of(
            allocatable("c1", "cpu", "2"),
            allocatable("c2", "cpu", "500m"),
            allocatable("c3", "cpu", "8"),
            cluster("c4"));
    PlacementSpec spec = exact(2, builtIn(Prioritizers.CPU, 2));
    Result result = run(spec, clusters, Set.of(), Map.of(), Map.of());
    assertThat(result.selected()).containsExactly("c1", "c3");
    assertThat(result.scores()).containsEntry("c3", 200L).containsEntry("c1", -120L);
    Map<String, Long> raw =
        Prioritizers.score(
            new Prioritizers.Weighted(Prioritizers.CPU, null, null, 1),
            clusters,
            new Prioritizers.Inputs(Set.of(), Map.of(), Map.of(), NOW));
    assertThat(raw).containsEntry("c2", -100L).containsEntry("c4", -100L);
  }

  @Test
  void aNegativeWeightPrefersTheLeastMemory() {
    List<ManagedCluster> clusters =
        List.of(
            allocatable("big", "memory", "64Gi"),
            allocatable("small", "memory", "4Gi"),
            allocatable("mid", "memory", "16Gi"));
    assertThat(
            run(exact(1, builtIn(Prioritizers.MEMORY, -1)), clusters, Set.of(), Map.of(), Map.of())
                .selected())
        .containsExactly("small");
  }

  @Test
  void addOnScoresCountUntilTheyExpireAndAreZeroWhenMissing() {
    List<ManagedCluster> clusters = List.of(cluster("c1"), cluster("c2"), cluster("c3"));
    Map<String, List<AddOnPlacementScore>> scores = new HashMap<>();
    scores.put("c1", List.of(score("c1", "load", "free", 20, NOW.plusSeconds(60))));
    scores.put("c2", List.of(score("c2", "load", "free", 90, NOW.minusSeconds(1))));
    scores.put("c3", List.of(score("c3", "other", "free", 100, null)));
    ScoreCoordinate addOn = new ScoreCoordinate();
    addOn.setType("AddOn");
    AddOnScore ref = new AddOnScore();
    ref.setResourceName("load");
    ref.setScoreName("free");
    addOn.setAddOn(ref);
    PrioritizerConfig config = new PrioritizerConfig();
    config.setScoreCoordinate(addOn);
    Result result = run(exact(1, config), clusters, Set.of(), Map.of(), scores);
    assertThat(result.selected()).containsExactly("c1");
    assertThat(result.scores()).containsEntry("c1", 20L);
    assertThat(result.recheckAt())
        .as("rescheduled when c1's score expires")
        .contains(NOW.plusSeconds(60));
    Result two = run(exact(2, config), clusters, Set.of(), Map.of(), scores);
    assertThat(two.selected())
        .as("c2 expired and c3 has no such score: 0 each, by name")
        .containsExactly("c1", "c2");
  }

  @Test
  void additiveKeepsDefaultsUnlessTheirWeightIsZeroAndExactUsesOnlyTheListed() {
    assertThat(Prioritizers.weights(null))
        .extracting(Prioritizers.Weighted::key)
        .containsExactly("Steady", "Balance");
    PrioritizerPolicy additive = new PrioritizerPolicy();
    additive.setConfigurations(List.of(builtIn("Steady", 0), builtIn(Prioritizers.CPU, 3)));
    assertThat(Prioritizers.weights(additive))
        .extracting(w -> w.key() + "=" + w.weight())
        .containsExactly("Balance=1", "ResourceAllocatableCPU=3");
    additive.setMode("Exact");
    assertThat(Prioritizers.weights(additive))
        .extracting(Prioritizers.Weighted::key)
        .containsExactly("ResourceAllocatableCPU");
  }

  @Test
  void anUnknownPrioritizerOrAnIncompleteAddOnIsAMisconfiguration() {
    Result unknown =
        run(exact(1, builtIn("Fastest", 1)), List.of(cluster("c1")), Set.of(), Map.of(), Map.of());
    assertThat(unknown.misconfigured())
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .contains("prioritizerPolicy.configurations[0].scoreCoordinate.builtIn")
                    .contains("Fastest"));
    assertThat(unknown.selected()).isEmpty();
    ScoreCoordinate addOn = new ScoreCoordinate();
    addOn.setType("AddOn");
    PrioritizerConfig config = new PrioritizerConfig();
    config.setScoreCoordinate(addOn);
    assertThat(Prioritizers.misconfigured(exact(1, config).getPrioritizerPolicy()))
        .hasValueSatisfying(m -> assertThat(m).contains(".addOn", "resourceName and scoreName"));
  }

  private static Result run(
      PlacementSpec spec,
      List<ManagedCluster> clusters,
      Set<String> previous,
      Map<String, Integer> others,
      Map<String, List<AddOnPlacementScore>> scores) {
    Placement placement = new Placement();
    placement.getMetadata().setName("p");
    placement.getMetadata().setNamespace("apps");
    placement.setSpec(spec);
    return PlacementSchedule.schedule(
        placement,
        new PlacementSchedule.State(clusters, SETS, Set.of("all"), previous, others, scores),
        new CelSelectors(),
        NOW);
  }

  private static PlacementSpec number(int n) {
    PlacementSpec spec = new PlacementSpec();
    spec.setNumberOfClusters(n);
    return spec;
  }

  private static PlacementSpec exact(int n, PrioritizerConfig... configs) {
    PlacementSpec spec = number(n);
    PrioritizerPolicy policy = new PrioritizerPolicy();
    policy.setMode("Exact");
    policy.setConfigurations(new ArrayList<>(List.of(configs)));
    spec.setPrioritizerPolicy(policy);
    return spec;
  }

  private static PrioritizerConfig builtIn(String name, int weight) {
    ScoreCoordinate c = new ScoreCoordinate();
    c.setBuiltIn(name);
    PrioritizerConfig config = new PrioritizerConfig();
    config.setScoreCoordinate(c);
    config.setWeight(weight);
    return config;
  }

  private static AddOnPlacementScore score(
      String cluster, String name, String item, int value, Instant validUntil) {
    AddOnPlacementScore score = new AddOnPlacementScore();
    score.getMetadata().setName(name);
    score.getMetadata().setNamespace(cluster);
    AddOnPlacementScoreStatus status = new AddOnPlacementScoreStatus();
    status.getScores().add(new AddOnPlacementScoreItem(item, value));
    status.setValidUntil(validUntil == null ? null : validUntil.toString());
    score.setStatus(status);
    return score;
  }

  private static ManagedClusterSet set() {
    ManagedClusterSet set = new ManagedClusterSet();
    set.getMetadata().setName("all");
    set.setSpec(new io.ocmj.api.cluster.v1beta2.ManagedClusterSetSpec());
    set.getSpec().setClusterSelector(new io.ocmj.api.cluster.v1beta2.ManagedClusterSelector());
    set.getSpec()
        .getClusterSelector()
        .setSelectorType(io.ocmj.api.cluster.v1beta2.SelectorType.LabelSelector);
    set.getSpec()
        .getClusterSelector()
        .setLabelSelector(new io.fabric8.kubernetes.api.model.LabelSelector());
    return set;
  }

  private static ManagedCluster cluster(String name) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    cluster.setStatus(new ManagedClusterStatus());
    return cluster;
  }

  private static ManagedCluster allocatable(String name, String resource, String amount) {
    ManagedCluster cluster = cluster(name);
    cluster.getStatus().getAllocatable().put(resource, new Quantity(amount));
    return cluster;
  }
}
