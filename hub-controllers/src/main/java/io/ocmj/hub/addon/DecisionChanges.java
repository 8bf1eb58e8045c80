package io.ocmj.hub.addon;

import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which clusters entered or left a PlacementDecision since its last event. A placement's decision
 * changes each time a cluster joins or leaves it; only those clusters' add-ons take other configs.
 * Reconciling every add-on the placement installs on each change made a fleet's join quadratic
 * (1,000 clusters joining: ~35 add-on reconciles a second at 600, docs/benchmarks.md).
 */
final class DecisionChanges {
  private final Map<String, Set<String>> last = new ConcurrentHashMap<>();

  /**
   * The clusters that entered or left {@code decision}: all of its clusters the first time it is
   * seen, all it had when it is {@code gone} (deleted).
   */
  Set<String> changed(PlacementDecision decision, boolean gone) {
    String key = decision.getMetadata().getNamespace() + "/" + decision.getMetadata().getName();
    if (gone) {
      Set<String> left = new HashSet<>(clusters(decision));
      Set<String> before = last.remove(key);
      if (before != null) {
        left.addAll(before);
      }
      return left;
    }
    Set<String> now = clusters(decision);
    Set<String> before = last.put(key, now);
    if (before == null) {
      return now;
    }
    Set<String> changed = new HashSet<>(now);
    changed.removeAll(before);
    for (String cluster : before) {
      if (!now.contains(cluster)) {
        changed.add(cluster);
      }
    }
    return changed;
  }

  static Set<String> clusters(PlacementDecision decision) {
    Set<String> clusters = new HashSet<>();
    if (decision.getStatus() != null && decision.getStatus().getDecisions() != null) {
      for (ClusterDecision d : decision.getStatus().getDecisions()) {
        if (d.getClusterName() != null) {
          clusters.add(d.getClusterName());
        }
      }
    }
    return Set.copyOf(clusters);
  }
}
