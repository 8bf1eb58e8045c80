package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import io.ocmj.api.cluster.v1beta1.CelSelector;
import io.ocmj.api.cluster.v1beta1.ClusterPredicate;
import io.ocmj.api.cluster.v1beta1.ClusterSelector;
import io.ocmj.api.cluster.v1beta1.DecisionStrategy;
import io.ocmj.api.cluster.v1beta1.GroupStrategy;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta1.PrioritizerConfig;
import io.ocmj.api.cluster.v1beta1.PrioritizerPolicy;
import io.ocmj.api.cluster.v1beta1.ScoreCoordinate;
import io.ocmj.api.cluster.v1beta1.SpreadConstraint;
import io.ocmj.api.cluster.v1beta1.SpreadPolicy;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to schedule one Placement with the pure scheduler, over a fleet of {@code clusters} clusters
 * (five regions, three zones, a platform claim, CPU allocatable, one in ten tainted unreachable, a
 * tenth already decided, other placements' decisions for Balance). Placements: {@code labels} (a
 * label predicate and a claim predicate, every match selected), {@code cel} (a CEL predicate),
 * {@code full} (label predicate, 100 clusters by Steady+Balance+CPU, spread over zones with
 * DoNotSchedule, a toleration, groups of 25 %). Not a test: run {@code bin/bench-placement}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlacementScheduleBenchmark {
  @Param({"1000", "10000"})
  int clusters;

  @Param({"labels", "cel", "full"})
  String placement;

  private PlacementSchedule.State state;
  private Placement subject;
  private final CelSelectors cel = new CelSelectors();
  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

  @Setup
  public void setUp() {
    Random random = new Random(42);
    List<String> regions = List.of("eu", "us", "ap", "sa", "af");
    List<ManagedCluster> fleet = new ArrayList<>();
    Set<String> previous = new HashSet<>();
    Map<String, Integer> others = new HashMap<>();
    for (int i = 0; i < clusters; i++) {
      String name = String.format(Locale.ROOT, "cluster-%05d", i);
      ManagedCluster c = new ManagedCluster();
      c.getMetadata().setName(name);
      c.getMetadata()
          .setLabels(
              Map.of(
                  ManagedClusterSet.LABEL_CLUSTER_SET,
                  "prod",
                  "region",
                  regions.get(i % regions.size()),
                  "zone",
                  "z" + (i % 3)));
      c.setSpec(new ManagedClusterSpec());
      if (i % 10 == 3) {
        Taint t = new Taint();
        t.setKey(Taint.UNREACHABLE);
        t.setEffect(TaintEffect.NoSelect);
        t.setTimeAdded(now.minusSeconds(30).toString());
        c.getSpec().setTaints(List.of(t));
      }
      ManagedClusterStatus status = new ManagedClusterStatus();
      ClusterClaimStatus claim = new ClusterClaimStatus();
      claim.setName("platform.open-cluster-management.io");
      claim.setValue(i % 2 == 0 ? "AWS" : "GCP");
      status.getClusterClaims().add(claim);
      status.getAllocatable().put("cpu", new Quantity(Integer.toString(2 + random.nextInt(62))));
      c.setStatus(status);
      fleet.add(c);
      if (i % 10 == 0) {
        previous.add(name);
      }
      if (random.nextInt(3) == 0) {
        others.put(name, 1 + random.nextInt(5));
      }
    }
    ManagedClusterSet prod = new ManagedClusterSet();
    prod.getMetadata().setName("prod");
    state =
        new PlacementSchedule.State(
            fleet, List.of(prod), Set.of("prod"), previous, others, Map.of());
    subject = new Placement();
    subject.getMetadata().setName("bench");
    subject.getMetadata().setNamespace("apps");
    subject.setSpec(spec(placement));
    if (schedule().selected().isEmpty()) {
      throw new IllegalStateException("the benchmark placement selects nothing");
    }
  }

  private static PlacementSpec spec(String kind) {
    PlacementSpec spec = new PlacementSpec();
    ClusterSelector selector = new ClusterSelector();
    switch (kind) {
      case "cel" -> {
        CelSelector cel = new CelSelector();
        cel.setCelExpressions(
            List.of(
                "managedCluster.metadata.labels['region'] in ['eu', 'us']"
                    + " && managedCluster.status.clusterClaims.exists(c, c.value == 'AWS')"));
        selector.setCelSelector(cel);
      }
      case "labels", "full" -> {
        selector.setLabelSelector(
            new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey("region")
                .withOperator("In")
                .withValues("eu", "us")
                .endMatchExpression()
                .build());
      }
      default -> throw new IllegalArgumentException(kind);
    }
    ClusterPredicate predicate = new ClusterPredicate();
    predicate.setRequiredClusterSelector(selector);
    spec.setPredicates(List.of(predicate));
    if (kind.equals("full")) {
      spec.setNumberOfClusters(100);
      ScoreCoordinate cpu = new ScoreCoordinate();
      cpu.setBuiltIn(Prioritizers.CPU);
      PrioritizerConfig config = new PrioritizerConfig();
      config.setScoreCoordinate(cpu);
      config.setWeight(2);
      PrioritizerPolicy policy = new PrioritizerPolicy();
      policy.setConfigurations(List.of(config));
      spec.setPrioritizerPolicy(policy);
      SpreadConstraint zone = new SpreadConstraint();
      zone.setTopologyKey("zone");
      zone.setTopologyKeyType("Label");
      zone.setWhenUnsatisfiable("DoNotSchedule");
      SpreadPolicy spread = new SpreadPolicy();
      spread.setSpreadConstraints(List.of(zone));
      spec.setSpreadPolicy(spread);
      GroupStrategy groups = new GroupStrategy();
      groups.setClustersPerDecisionGroup(new IntOrString("25%"));
      DecisionStrategy strategy = new DecisionStrategy();
      strategy.setGroupStrategy(groups);
      spec.setDecisionStrategy(strategy);
    }
    return spec;
  }

  @Benchmark
  public PlacementSchedule.Result schedule() {
    return PlacementSchedule.schedule(subject, state, cel, now);
  }
}
