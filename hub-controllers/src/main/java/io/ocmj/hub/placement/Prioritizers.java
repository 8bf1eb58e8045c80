package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.Quantity;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScoreItem;
import io.ocmj.api.cluster.v1beta1.PrioritizerConfig;
import io.ocmj.api.cluster.v1beta1.PrioritizerPolicy;
import io.ocmj.api.cluster.v1beta1.ScoreCoordinate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OCM's prioritizers, pure: each gives every feasible cluster a score from -100 to 100 and a
 * cluster's total is the weighted sum. {@code Additive} mode keeps the default weights (Steady 1,
 * Balance 1) under the listed ones; {@code Exact} uses only the listed ones; weight 0 turns one
 * off.
 *
 * <ul>
 *   <li>{@code Balance}: clusters in many other placements' decisions score lower: 100 for none,
 *       {@code 2 * (100 * (0.5 - count / maxCount))} otherwise.
 *   <li>{@code Steady}: 100 for clusters in this placement's decisions, else 0.
 *   <li>{@code ResourceAllocatableCPU}/{@code Memory}: allocatable normalised between the feasible
 *       clusters' minimum (-100) and maximum (100); a cluster that reports none scores -100.
 *   <li>{@code AddOn}: the named score of the AddOnPlacementScore of that name in the cluster's
 *       namespace; missing, or past its {@code validUntil}, scores 0.
 * </ul>
 */
final class Prioritizers {
  static final String BALANCE = "Balance";
  static final String STEADY = "Steady";
  static final String CPU = "ResourceAllocatableCPU";
  static final String MEMORY = "ResourceAllocatableMemory";
  static final List<String> BUILT_INS = List.of(BALANCE, STEADY, CPU, MEMORY);

  private static final long MAX = 100;

  private Prioritizers() {}

  /** A prioritizer with its weight: {@code builtIn} set, or {@code addOn} resource and score. */
  record Weighted(String builtIn, String addOnResource, String addOnScore, int weight) {
    String key() {
      return builtIn != null ? builtIn : "AddOn/" + addOnResource + "/" + addOnScore;
    }
  }

  /** What prioritizers read besides the clusters. */
  record Inputs(
      Set<String> previous,
      Map<String, Integer> otherPlacements,
      Map<String, List<AddOnPlacementScore>> addOnScores,
      Instant now) {}

  /** Why the policy cannot be used, naming the field, if it cannot. */
  static Optional<String> misconfigured(PrioritizerPolicy policy) {
    if (policy == null) {
      return Optional.empty();
    }
    if (policy.getMode() != null && !List.of("Additive", "Exact").contains(policy.getMode())) {
      return Optional.of(
          "prioritizerPolicy.mode: must be Additive or Exact, not " + policy.getMode());
    }
    List<PrioritizerConfig> configs = policy.getConfigurations();
    for (int i = 0; i < configs.size(); i++) {
      String field = "prioritizerPolicy.configurations[" + i + "].scoreCoordinate";
      ScoreCoordinate c = configs.get(i).getScoreCoordinate();
      Integer weight = configs.get(i).getWeight();
      if (weight != null && (weight < -10 || weight > 10)) {
        return Optional.of(
            "prioritizerPolicy.configurations["
                + i
                + "].weight: must be from -10 to 10, not "
                + weight);
      }
      if (c == null) {
        return Optional.of(field + ": required");
      }
      if (c.getType() != null && !List.of("BuiltIn", "AddOn").contains(c.getType())) {
        return Optional.of(field + ".type: must be BuiltIn or AddOn, not " + c.getType());
      }
      if ("AddOn".equals(c.getType())) {
        if (c.getAddOn() == null
            || blank(c.getAddOn().getResourceName())
            || blank(c.getAddOn().getScoreName())) {
          return Optional.of(field + ".addOn: type AddOn needs resourceName and scoreName");
        }
      } else if (c.getBuiltIn() == null || !BUILT_INS.contains(c.getBuiltIn())) {
        return Optional.of(
            field
                + ".builtIn: unknown prioritizer \""
                + c.getBuiltIn()
                + "\" (one of "
                + BUILT_INS
                + ")");
      }
    }
    return Optional.empty();
  }

  /** The prioritizers that count, with their weights (none of weight 0). */
  static List<Weighted> weights(PrioritizerPolicy policy) {
    Map<String, Weighted> weights = new LinkedHashMap<>();
    boolean exact = policy != null && "Exact".equals(policy.getMode());
    if (!exact) {
      weights.put(STEADY, new Weighted(STEADY, null, null, 1));
      weights.put(BALANCE, new Weighted(BALANCE, null, null, 1));
    }
    if (policy != null) {
      for (PrioritizerConfig config : policy.getConfigurations()) {
        ScoreCoordinate c = config.getScoreCoordinate();
        int weight = config.getWeight() == null ? 1 : config.getWeight();
        Weighted w =
            "AddOn".equals(c.getType())
                ? new Weighted(
                    null, c.getAddOn().getResourceName(), c.getAddOn().getScoreName(), weight)
                : new Weighted(c.getBuiltIn(), null, null, weight);
        weights.put(w.key(), w);
      }
    }
    weights.values().removeIf(w -> w.weight() == 0);
    return List.copyOf(weights.values());
  }

  /** Each cluster's weighted total. */
  static Map<String, Long> totals(
      List<ManagedCluster> clusters, List<Weighted> weights, Inputs inputs) {
    Map<String, Long> totals = new HashMap<>();
    clusters.forEach(c -> totals.put(c.getMetadata().getName(), 0L));
    for (Weighted w : weights) {
      Map<String, Long> scores = score(w, clusters, inputs);
      scores.forEach((name, score) -> totals.merge(name, w.weight() * score, Long::sum));
    }
    return totals;
  }

  /** One prioritizer's scores, -100 to 100. */
  static Map<String, Long> score(Weighted w, List<ManagedCluster> clusters, Inputs inputs) {
    Map<String, Long> scores = new HashMap<>();
    if (w.builtIn() == null) {
      for (ManagedCluster c : clusters) {
        scores.put(c.getMetadata().getName(), addOn(w, c.getMetadata().getName(), inputs));
      }
      return scores;
    }
    switch (w.builtIn()) {
      case STEADY ->
          clusters.forEach(
              c -> {
                String name = c.getMetadata().getName();
                scores.put(name, inputs.previous().contains(name) ? MAX : 0);
              });
      case BALANCE -> {
        int maxCount =
            inputs.otherPlacements().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (ManagedCluster c : clusters) {
          String name = c.getMetadata().getName();
          int count = inputs.otherPlacements().getOrDefault(name, 0);
          double usage = maxCount == 0 ? 0 : (double) count / maxCount;
          scores.put(name, count == 0 ? MAX : 2 * (long) (MAX * (0.5 - usage)));
        }
      }
      case CPU -> allocatable(clusters, "cpu", scores);
      case MEMORY -> allocatable(clusters, "memory", scores);
      default -> throw new IllegalArgumentException("unknown prioritizer " + w.builtIn());
    }
    return scores;
  }

  /** The earliest future validUntil of an add-on score the weights use: scores change then. */
  static Optional<Instant> nextExpiry(
      List<ManagedCluster> clusters, List<Weighted> weights, Inputs inputs) {
    Set<String> resources =
        weights.stream()
            .filter(w -> w.builtIn() == null)
            .map(Weighted::addOnResource)
            .collect(java.util.stream.Collectors.toSet());
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    Instant next = null;
    for (ManagedCluster c : clusters) {
      for (AddOnPlacementScore score :
          inputs.addOnScores().getOrDefault(c.getMetadata().getName(), List.of())) {
        String validUntil = score.getStatus() == null ? null : score.getStatus().getValidUntil();
        if (!resources.contains(score.getMetadata().getName())
            || validUntil == null
            || validUntil.isEmpty()
            || expired(validUntil, inputs.now())) {
          continue;
        }
        Instant at = Instant.parse(validUntil);
        next = next == null || at.isBefore(next) ? at : next;
      }
    }
    return Optional.ofNullable(next);
  }

  private static long addOn(Weighted w, String cluster, Inputs inputs) {
    for (AddOnPlacementScore score : inputs.addOnScores().getOrDefault(cluster, List.of())) {
      if (!w.addOnResource().equals(score.getMetadata().getName()) || score.getStatus() == null) {
        continue;
      }
      String validUntil = score.getStatus().getValidUntil();
      if (validUntil != null && !validUntil.isEmpty() && expired(validUntil, inputs.now())) {
        return 0;
      }
      return score.getStatus().getScores().stream()
          .filter(s -> w.addOnScore().equals(s.getName()) && s.getValue() != null)
          .mapToLong(AddOnPlacementScoreItem::getValue)
          .map(v -> Math.max(-MAX, Math.min(MAX, v)))
          .findFirst()
          .orElse(0);
    }
    return 0;
  }

  private static boolean expired(String validUntil, Instant now) {
    try {
      return !now.isBefore(Instant.parse(validUntil));
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  private static void allocatable(
      List<ManagedCluster> clusters, String resource, Map<String, Long> scores) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (ManagedCluster c : clusters) {
      Quantity q = c.getStatus() == null ? null : c.getStatus().getAllocatable().get(resource);
      if (q != null) {
        try {
          values.put(c.getMetadata().getName(), Quantity.getAmountInBytes(q));
        } catch (IllegalArgumentException | ArithmeticException e) {
          // A cluster reporting a malformed quantity scores as one reporting none.
        }
      }
    }
    BigDecimal min = values.values().stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    BigDecimal max = values.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    BigDecimal range = max.subtract(min);
    for (ManagedCluster c : clusters) {
      String name = c.getMetadata().getName();
      BigDecimal value = values.get(name);
      if (value == null) {
        scores.put(name, -MAX);
      } else if (range.signum() == 0) {
        scores.put(name, MAX);
      } else {
        double ratio = value.subtract(min).divide(range, MathContext.DECIMAL64).doubleValue();
        scores.put(name, (long) ((ratio - 0.5) * 2 * MAX));
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
