package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Scheduling inputs taken from informer caches, and which cluster changes scheduling can see. */
final class SchedulingInputs {
  private SchedulingInputs() {}

  /**
   * Whether a cluster update can change any placement: labels, spec (taints), claims, allocatable,
   * version or a condition's status. Heartbeats (a condition's time or message) and metadata
   * bookkeeping cannot.
   */
  static boolean changed(ManagedCluster now, ManagedCluster before) {
    if (!Objects.equals(now.getMetadata().getLabels(), before.getMetadata().getLabels())
        || !Objects.equals(
            now.getMetadata().getAnnotations(), before.getMetadata().getAnnotations())
        || !Objects.equals(
            now.getMetadata().getDeletionTimestamp(), before.getMetadata().getDeletionTimestamp())
        || !same(now.getSpec(), before.getSpec())) {
      return true;
    }
    ManagedClusterStatus a = now.getStatus() == null ? new ManagedClusterStatus() : now.getStatus();
    ManagedClusterStatus b =
        before.getStatus() == null ? new ManagedClusterStatus() : before.getStatus();
    return !same(a.getClusterClaims(), b.getClusterClaims())
        || !same(a.getAllocatable(), b.getAllocatable())
        || !same(a.getVersion(), b.getVersion())
        || !conditionStatuses(a).equals(conditionStatuses(b));
  }

  /** API classes have no equals: compare them as JSON. */
  private static boolean same(Object a, Object b) {
    return Objects.equals(
        Serialization.jsonMapper().valueToTree(a), Serialization.jsonMapper().valueToTree(b));
  }

  private static Map<String, String> conditionStatuses(ManagedClusterStatus status) {
    return status.getConditions().stream()
        .collect(
            Collectors.toMap(Condition::getType, c -> String.valueOf(c.getStatus()), (x, y) -> y));
  }

  /** Whether a PlacementDecision is one of this placement's (same namespace, its label). */
  static boolean owns(Placement placement, PlacementDecision decision) {
    Map<String, String> labels = decision.getMetadata().getLabels();
    return decision.getMetadata().getNamespace().equals(placement.getMetadata().getNamespace())
        && labels != null
        && placement.getMetadata().getName().equals(labels.get(PlacementDecision.LABEL_PLACEMENT));
  }

  /** The clusters the decisions name. */
  static Set<String> decided(List<PlacementDecision> decisions) {
    return decisions.stream()
        .filter(d -> d.getStatus() != null)
        .flatMap(d -> d.getStatus().getDecisions().stream())
        .map(ClusterDecision::getClusterName)
        .collect(Collectors.toSet());
  }

  /** The sets the bindings of a namespace bind that exist. */
  static Set<String> boundSets(
      List<ManagedClusterSetBinding> bindings, List<ManagedClusterSet> sets) {
    Set<String> existing =
        sets.stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
    return bindings.stream()
        .filter(b -> b.getSpec() != null && existing.contains(b.getSpec().getClusterSet()))
        .map(b -> b.getSpec().getClusterSet())
        .collect(Collectors.toSet());
  }

  /** For each cluster, how many PlacementDecisions of other placements name it. */
  static Map<String, Integer> otherPlacements(
      List<PlacementDecision> decisions, Placement placement) {
    Map<String, Integer> counts = new HashMap<>();
    for (PlacementDecision d : decisions) {
      if (owns(placement, d) || d.getStatus() == null) {
        continue;
      }
      for (ClusterDecision c : d.getStatus().getDecisions()) {
        counts.merge(c.getClusterName(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Whether an AddOnPlacementScore update changes what prioritizers read (scores, validUntil). */
  static boolean scoresChanged(AddOnPlacementScore now, AddOnPlacementScore before) {
    return !same(
            now.getStatus() == null ? null : now.getStatus().getScores(),
            before.getStatus() == null ? null : before.getStatus().getScores())
        || !Objects.equals(
            now.getStatus() == null ? null : now.getStatus().getValidUntil(),
            before.getStatus() == null ? null : before.getStatus().getValidUntil());
  }

  /** Whether the placement's prioritizers read AddOnPlacementScores of this name. */
  static boolean readsScore(Placement placement, String resourceName) {
    return placement.getSpec() != null
        && placement.getSpec().getPrioritizerPolicy() != null
        && placement.getSpec().getPrioritizerPolicy().getConfigurations().stream()
            .anyMatch(
                c ->
                    c.getScoreCoordinate() != null
                        && c.getScoreCoordinate().getAddOn() != null
                        && resourceName.equals(
                            c.getScoreCoordinate().getAddOn().getResourceName()));
  }

  /** AddOnPlacementScores by namespace, which is the cluster's name. */
  static Map<String, List<AddOnPlacementScore>> byNamespace(List<AddOnPlacementScore> scores) {
    return scores.stream().collect(Collectors.groupingBy(s -> s.getMetadata().getNamespace()));
  }
}
