package io.ocmj.hub.placement;

import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta1.SpreadConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses clusters from a ranked list under spread constraints, with the semantics of Kubernetes
 * pod topology spread (which OCM has as API but does not schedule by). A topology is a value of the
 * constraint's label or claim among the feasible clusters; its skew is its count of chosen clusters
 * minus the smallest count of any topology. Clusters are taken best-ranked first; {@code
 * DoNotSchedule} never lets a choice raise a topology above the minimum by more than {@code
 * maxSkew} and leaves out clusters without the key; {@code ScheduleAnyway} prefers clusters that
 * keep within {@code maxSkew} and takes the others only when none do. Pure.
 */
final class TopologySpread {
  static final String DO_NOT_SCHEDULE = "DoNotSchedule";

  private TopologySpread() {}

  /** The chosen clusters (in choice order); the others get a reason in {@code filtered}. */
  static List<ManagedCluster> choose(
      List<ManagedCluster> ranked,
      Integer wanted,
      List<SpreadConstraint> constraints,
      Map<String, String> filtered) {
    List<Constraint> all = constraints.stream().map(Constraint::new).toList();
    List<ManagedCluster> candidates = new ArrayList<>();
    List<String[]> values = new ArrayList<>();
    for (ManagedCluster cluster : ranked) {
      String[] value = new String[all.size()];
      Optional<String> missing = Optional.empty();
      for (int i = 0; i < all.size(); i++) {
        value[i] = all.get(i).value(cluster);
        if (value[i] == null && all.get(i).hard) {
          missing = Optional.of(all.get(i).describe() + " is not set (DoNotSchedule)");
        }
      }
      if (missing.isPresent()) {
        filtered.put(cluster.getMetadata().getName(), missing.get());
        continue;
      }
      candidates.add(cluster);
      values.add(value);
      for (int i = 0; i < all.size(); i++) {
        if (value[i] != null) {
          all.get(i).counts.putIfAbsent(value[i], 0);
        }
      }
    }
    int limit = wanted == null ? candidates.size() : Math.min(wanted, candidates.size());
    boolean[] taken = new boolean[candidates.size()];
    List<ManagedCluster> chosen = new ArrayList<>();
    int first = 0;
    while (chosen.size() < limit) {
      while (first < taken.length && taken[first]) {
        first++;
      }
      int best = -1;
      int bestViolations = Integer.MAX_VALUE;
      for (int i = first; i < candidates.size() && bestViolations > 0; i++) {
        if (taken[i] || breaksHard(all, values.get(i))) {
          continue;
        }
        int violations = softViolations(all, values.get(i));
        if (violations < bestViolations) {
          best = i;
          bestViolations = violations;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      chosen.add(candidates.get(best));
      for (int i = 0; i < all.size(); i++) {
        if (values.get(best)[i] != null) {
          all.get(i).add(values.get(best)[i]);
        }
      }
    }
    for (int i = 0; i < candidates.size(); i++) {
      if (!taken[i]) {
        filtered.put(
            candidates.get(i).getMetadata().getName(),
            chosen.size() == limit
                ? "not among the " + limit + " chosen"
                : spreadReason(all, values.get(i)));
      }
    }
    return chosen;
  }

  private static boolean breaksHard(List<Constraint> all, String[] value) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).hard && all.get(i).wouldExceed(value[i])) {
        return true;
      }
    }
    return false;
  }

  private static int softViolations(List<Constraint> all, String[] value) {
    int n = 0;
    for (int i = 0; i < all.size(); i++) {
      Constraint c = all.get(i);
      if (!c.hard && (value[i] == null || c.wouldExceed(value[i]))) {
        n++;
      }
    }
    return n;
  }

  private static String spreadReason(List<Constraint> all, String[] value) {
    for (int i = 0; i < all.size(); i++) {
      Constraint c = all.get(i);
      if (c.hard && c.wouldExceed(value[i])) {
        return "choosing it would put "
            + c.describe()
            + "="
            + value[i]
            + " more than maxSkew "
            + c.maxSkew
            + " above the least-used topology (DoNotSchedule)";
      }
    }
    throw new IllegalStateException(
        "a candidate left out with the count not reached breaks no constraint");
  }

  /** One constraint and the running count of chosen clusters per topology. */
  private static final class Constraint {
    final String key;
    final boolean claim;
    final boolean hard;
    final int maxSkew;
    final Map<String, Integer> counts = new HashMap<>();
    int min;

    Constraint(SpreadConstraint spec) {
      key = spec.getTopologyKey();
      claim = "Claim".equals(spec.getTopologyKeyType());
      hard = DO_NOT_SCHEDULE.equals(spec.getWhenUnsatisfiable());
      maxSkew = spec.getMaxSkew() == null ? 1 : Math.max(1, spec.getMaxSkew());
    }

    String value(ManagedCluster cluster) {
      if (claim) {
        return ClusterFilters.claims(cluster).get(key);
      }
      Map<String, String> labels = cluster.getMetadata().getLabels();
      return labels == null ? null : labels.get(key);
    }

    boolean wouldExceed(String value) {
      return counts.get(value) + 1 - min > maxSkew;
    }

    void add(String value) {
      int before = counts.get(value);
      counts.put(value, before + 1);
      if (before == min) {
        min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
      }
    }

    String describe() {
      return (claim ? "claim " : "label ") + key;
    }
  }
}
