package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /** For each cluster, how many PlacementDecisions of other placements name it. */
  static Map<String, Integer> otherPlacements(
      List<PlacementDecision> decisions, Placement placement) {
    Map<String, Integer> counts = new HashMap<>();
    for (PlacementDecision d : decisions) {
      Map<String, String> labels = d.getMetadata().getLabels();
      boolean own =
          d.getMetadata().getNamespace().equals(placement.getMetadata().getNamespace())
              && labels != null
              && placement
                  .getMetadata()
                  .getName()
                  .equals(labels.get(PlacementDecision.LABEL_PLACEMENT));
      if (own || d.getStatus() == null) {
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
