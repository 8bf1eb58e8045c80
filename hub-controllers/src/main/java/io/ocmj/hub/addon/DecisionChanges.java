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
  /** What was last seen of a decision: its version (marked when gone), clusters and answer. */
  private record Seen(String version, Set<String> clusters, Set<String> changed) {}

  private final Map<String, Seen> last = new ConcurrentHashMap<>();

  /**
   * The clusters that entered or left {@code decision}: all of its clusters the first time it is
   * seen, all it had when it is {@code gone} (deleted). The same version of the decision gets the
   * same answer again: JOSDK asks more than once per event (for its index, then for the event).
   */
  Set<String> changed(PlacementDecision decision, boolean gone) {
    String key = decision.getMetadata().getNamespace() + "/" + decision.getMetadata().getName();
    String version = (gone ? "gone:" : "") + decision.getMetadata().getResourceVersion();
    Seen before = last.get(key);
    if (before != null && version.equals(before.version())) {
      return before.changed();
    }
    Set<String> in = clusters(decision);
    Set<String> now = gone ? Set.of() : in;
    Set<String> changed = new HashSet<>();
    if (before == null) {
      changed.addAll(in);
    } else {
      for (String cluster : now) {
        if (!before.clusters().contains(cluster)) {
          changed.add(cluster);
        }
      }
      for (String cluster : before.clusters()) {
        if (!now.contains(cluster)) {
          changed.add(cluster);
        }
      }
      if (gone) {
        changed.addAll(in);
      }
    }
    Set<String> answer = Set.copyOf(changed);
    last.put(key, new Seen(version, now, answer));
    return answer;
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
