package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1beta1.ClusterPredicate;
import io.ocmj.api.cluster.v1beta1.DecisionGroup;
import io.ocmj.api.cluster.v1beta1.GroupStrategy;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta1.SpreadConstraint;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.hub.clusterset.ClusterSetMembership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which clusters a Placement selects, as a pure function of the placement and the {@link State}:
 * bound sets narrowed by {@code clusterSets}, predicates, taints and tolerations, then the
 * prioritizers' weighted scores rank the feasible clusters (ties by name), {@link TopologySpread}
 * takes {@code numberOfClusters} of them under the spread constraints, and the chosen ones are
 * split into decision groups. Every cluster left out is given a reason.
 */
public final class PlacementSchedule {
  private PlacementSchedule() {}

  /** A decision group: index from 0, name (empty for the rest), its clusters by name. */
  public record Group(int index, String name, List<String> clusters) {}

  /**
   * The outcome. {@code satisfiedReason} is one of OCM's PlacementSatisfied reasons; {@code
   * misconfigured} holds the message when the placement cannot be evaluated as written.
   */
  public record Result(
      List<String> selected,
      List<Group> groups,
      boolean satisfied,
      String satisfiedReason,
      String satisfiedMessage,
      Optional<String> misconfigured,
      Map<String, String> filtered,
      Optional<Instant> recheckAt,
      Map<String, Long> scores) {}

  /**
   * What scheduling reads: all clusters, all sets, the sets bound to the placement's namespace, the
   * clusters in this placement's current decisions, how many other placements decided each cluster,
   * and AddOnPlacementScores by cluster (namespace).
   */
  public record State(
      List<ManagedCluster> clusters,
      List<ManagedClusterSet> sets,
      Set<String> boundSets,
      Set<String> previous,
      Map<String, Integer> otherPlacements,
      Map<String, List<AddOnPlacementScore>> addOnScores) {}

  public static Result schedule(Placement placement, State state, CelSelectors cel, Instant now) {
    List<ManagedCluster> clusters = state.clusters();
    List<ManagedClusterSet> sets = state.sets();
    Set<String> boundSets = state.boundSets();
    Set<String> previous = state.previous();
    PlacementSpec spec = placement.getSpec() == null ? new PlacementSpec() : placement.getSpec();
    Optional<String> misconfigured = PlacementValidation.misconfigured(spec, cel);
    if (misconfigured.isPresent()) {
      return unsatisfied(
          Placement.REASON_MISCONFIGURED, misconfigured.get(), misconfigured, Map.of());
    }
    if (boundSets.isEmpty()) {
      return unsatisfied(
          Placement.REASON_NO_BINDINGS,
          "No ManagedClusterSetBindings found in placement namespace "
              + placement.getMetadata().getNamespace(),
          misconfigured,
          Map.of());
    }
    Set<String> eligibleSets = new TreeSet<>(boundSets);
    if (!spec.getClusterSets().isEmpty()) {
      eligibleSets.retainAll(spec.getClusterSets());
    }
    if (eligibleSets.isEmpty()) {
      return unsatisfied(
          Placement.REASON_NO_INTERSECTION,
          "None of ManagedClusterSets "
              + spec.getClusterSets()
              + " is bound to namespace "
              + placement.getMetadata().getNamespace(),
          misconfigured,
          Map.of());
    }
    Set<String> inSets = new LinkedHashSet<>();
    for (ManagedClusterSet set : sets) {
      if (eligibleSets.contains(set.getMetadata().getName())) {
        inSets.addAll(ClusterSetMembership.members(set, clusters));
      }
    }
    if (inSets.isEmpty()) {
      return unsatisfied(
          Placement.REASON_SETS_EMPTY,
          "All ManagedClusterSets " + eligibleSets + " have no member ManagedCluster",
          misconfigured,
          Map.of());
    }
    Map<String, String> filtered = new LinkedHashMap<>();
    List<ManagedCluster> feasible = new ArrayList<>();
    List<Instant> timers = new ArrayList<>();
    List<ClusterPredicate> predicates = spec.getPredicates();
    for (ManagedCluster cluster : sortedByName(clusters)) {
      String name = cluster.getMetadata().getName();
      if (!inSets.contains(name)) {
        filtered.put(name, "not in cluster set(s) " + eligibleSets);
        continue;
      }
      if (!ClusterFilters.matchesPredicates(predicates, cluster, cel)) {
        filtered.put(name, "does not match the predicates");
        continue;
      }
      Optional<String> taint =
          ClusterFilters.taintBlocks(cluster, spec.getTolerations(), previous.contains(name), now);
      if (taint.isPresent()) {
        filtered.put(name, taint.get());
        continue;
      }
      ClusterFilters.nextExpiry(cluster, spec.getTolerations(), now).ifPresent(timers::add);
      feasible.add(cluster);
    }
    if (feasible.isEmpty()) {
      return new Result(
          List.of(),
          List.of(new Group(0, "", List.of())),
          false,
          Placement.REASON_NO_MATCH,
          "No ManagedCluster matches any of the cluster predicate",
          misconfigured,
          filtered,
          timers.stream().min(Instant::compareTo),
          Map.of());
    }
    List<Prioritizers.Weighted> weights = Prioritizers.weights(spec.getPrioritizerPolicy());
    Prioritizers.Inputs scoring =
        new Prioritizers.Inputs(previous, state.otherPlacements(), state.addOnScores(), now);
    Map<String, Long> scores = Prioritizers.totals(feasible, weights, scoring);
    Prioritizers.nextExpiry(feasible, weights, scoring).ifPresent(timers::add);
    List<ManagedCluster> ranked = new ArrayList<>(feasible);
    ranked.sort(
        Comparator.comparing((ManagedCluster c) -> -scores.get(c.getMetadata().getName()))
            .thenComparing(c -> c.getMetadata().getName()));
    List<SpreadConstraint> spread =
        spec.getSpreadPolicy() == null ? List.of() : spec.getSpreadPolicy().getSpreadConstraints();
    List<ManagedCluster> chosen =
        TopologySpread.choose(ranked, spec.getNumberOfClusters(), spread, filtered);
    List<Group> groups =
        groups(
            chosen,
            spec.getDecisionStrategy() == null
                ? null
                : spec.getDecisionStrategy().getGroupStrategy(),
            cel);
    boolean all = spec.getNumberOfClusters() == null || chosen.size() >= spec.getNumberOfClusters();
    Map<String, Long> chosenScores = new LinkedHashMap<>();
    chosen.forEach(
        c -> chosenScores.put(c.getMetadata().getName(), scores.get(c.getMetadata().getName())));
    return new Result(
        chosen.stream().map(c -> c.getMetadata().getName()).sorted().toList(),
        groups,
        all,
        all ? Placement.REASON_ALL_SCHEDULED : Placement.REASON_NOT_ALL_SCHEDULED,
        all
            ? "All cluster decisions scheduled"
            : chosen.size()
                + " cluster(s) selected, "
                + spec.getNumberOfClusters()
                + " wanted ("
                + feasible.size()
                + " feasible"
                + (spread.isEmpty() ? "" : ", spread constraints applied")
                + ")",
        misconfigured,
        filtered,
        timers.stream().min(Instant::compareTo),
        chosenScores);
  }

  /**
   * Named groups (in spec order, each cluster in the first group whose selector it matches), then
   * the rest unnamed; each split into chunks of at most clustersPerDecisionGroup.
   */
  private static List<Group> groups(
      List<ManagedCluster> chosen, GroupStrategy strategy, CelSelectors cel) {
    List<ManagedCluster> rest = new ArrayList<>(sortedByName(chosen));
    int size =
        strategy == null
            ? rest.size()
            : perGroup(strategy.getClustersPerDecisionGroup(), rest.size());
    List<Group> groups = new ArrayList<>();
    if (strategy != null) {
      for (DecisionGroup group : strategy.getDecisionGroups()) {
        List<String> members = new ArrayList<>();
        for (ManagedCluster c : List.copyOf(rest)) {
          if (group.getGroupClusterSelector() == null
              || ClusterFilters.matches(group.getGroupClusterSelector(), c, cel)) {
            members.add(c.getMetadata().getName());
            rest.remove(c);
          }
        }
        chunk(groups, group.getGroupName(), members, size);
      }
    }
    chunk(groups, "", rest.stream().map(c -> c.getMetadata().getName()).toList(), size);
    if (groups.isEmpty()) {
      groups.add(new Group(0, "", List.of()));
    }
    return groups;
  }

  private static void chunk(List<Group> groups, String name, List<String> members, int size) {
    for (int i = 0; i < members.size(); i += size) {
      groups.add(
          new Group(groups.size(), name, members.subList(i, Math.min(members.size(), i + size))));
    }
  }

  private static int perGroup(IntOrString value, int total) {
    if (value == null) {
      return Math.max(1, total);
    }
    if (value.getIntVal() != null) {
      return Math.max(1, value.getIntVal());
    }
    String text = value.getStrVal().strip();
    int n =
        text.endsWith("%")
            ? (int)
                Math.ceil(total * Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0)
            : Integer.parseInt(text);
    return Math.max(1, n);
  }

  private static List<ManagedCluster> sortedByName(List<ManagedCluster> clusters) {
    return clusters.stream().sorted(Comparator.comparing(c -> c.getMetadata().getName())).toList();
  }

  private static Result unsatisfied(
      String reason, String message, Optional<String> misconfigured, Map<String, String> filtered) {
    return new Result(
        List.of(),
        List.of(new Group(0, "", List.of())),
        false,
        reason,
        message,
        misconfigured,
        filtered,
        Optional.empty(),
        Map.of());
  }
}
