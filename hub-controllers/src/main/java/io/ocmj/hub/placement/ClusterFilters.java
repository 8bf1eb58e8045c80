package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import io.ocmj.api.cluster.v1beta1.ClusterPredicate;
import io.ocmj.api.cluster.v1beta1.ClusterSelector;
import io.ocmj.api.cluster.v1beta1.Toleration;
import io.ocmj.api.cluster.v1beta1.TolerationOperator;
import io.ocmj.policy.config.LabelSelectors;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OCM's cluster filters: predicates (label, claim and CEL selectors; predicates ORed, a selector's
 * parts ANDed) and taints against tolerations ({@code NoSelect} filters unless tolerated, {@code
 * NoSelectIfNew} only clusters not already decided, {@code PreferNoSelect} never; tolerationSeconds
 * counts from the taint's timeAdded). Pure.
 */
final class ClusterFilters {
  private ClusterFilters() {}

  static Map<String, String> claims(ManagedCluster cluster) {
    Map<String, String> claims = new HashMap<>();
    if (cluster.getStatus() != null) {
      cluster.getStatus().getClusterClaims().forEach(c -> claims.put(c.getName(), c.getValue()));
    }
    return claims;
  }

  /** Whether the cluster matches at least one predicate (no predicates: every cluster). */
  static boolean matchesPredicates(
      List<ClusterPredicate> predicates, ManagedCluster cluster, CelSelectors cel) {
    if (predicates.isEmpty()) {
      return true;
    }
    return predicates.stream()
        .anyMatch(
            p ->
                p.getRequiredClusterSelector() == null
                    || matches(p.getRequiredClusterSelector(), cluster, cel));
  }

  static boolean matches(ClusterSelector selector, ManagedCluster cluster, CelSelectors cel) {
    Map<String, String> labels =
        cluster.getMetadata().getLabels() == null ? Map.of() : cluster.getMetadata().getLabels();
    if (selector.getLabelSelector() != null
        && !LabelSelectors.matches(selector.getLabelSelector(), labels)) {
      return false;
    }
    if (selector.getClaimSelector() != null
        && !selector.getClaimSelector().getMatchExpressions().isEmpty()) {
      LabelSelector claims = new LabelSelector();
      claims.setMatchExpressions(selector.getClaimSelector().getMatchExpressions());
      if (!LabelSelectors.matches(claims, claims(cluster))) {
        return false;
      }
    }
    return selector.getCelSelector() == null
        || cel == null
        || cel.matches(selector.getCelSelector().getCelExpressions(), cluster);
  }

  /** Why the cluster's taints keep it out, or empty when they do not (now). */
  static Optional<String> taintBlocks(
      ManagedCluster cluster, List<Toleration> tolerations, boolean alreadyDecided, Instant now) {
    List<Taint> taints = cluster.getSpec() == null ? List.of() : cluster.getSpec().getTaints();
    for (Taint taint : taints) {
      TaintEffect effect = taint.getEffect();
      if (effect == TaintEffect.PreferNoSelect
          || (effect == TaintEffect.NoSelectIfNew && alreadyDecided)) {
        continue;
      }
      Optional<Toleration> tolerated =
          tolerations.stream().filter(t -> tolerates(t, taint)).findFirst();
      if (tolerated.isEmpty()) {
        return Optional.of("taint " + taint.getKey() + " (" + effect + ") is not tolerated");
      }
      Optional<Instant> until = toleratedUntil(tolerated.get(), taint);
      if (until.isPresent() && !now.isBefore(until.get())) {
        return Optional.of(
            "taint "
                + taint.getKey()
                + " was tolerated for "
                + tolerated.get().getTolerationSeconds()
                + "s, until "
                + until.get());
      }
    }
    return Optional.empty();
  }

  /** The earliest time a toleration of this cluster's taints runs out, if any. */
  static Optional<Instant> nextExpiry(
      ManagedCluster cluster, List<Toleration> tolerations, Instant now) {
    List<Taint> taints = cluster.getSpec() == null ? List.of() : cluster.getSpec().getTaints();
    return taints.stream()
        .flatMap(
            taint ->
                tolerations.stream()
                    .filter(t -> tolerates(t, taint))
                    .findFirst()
                    .flatMap(t -> toleratedUntil(t, taint))
                    .stream())
        .filter(now::isBefore)
        .min(Instant::compareTo);
  }

  static boolean tolerates(Toleration toleration, Taint taint) {
    if (toleration.getEffect() != null && toleration.getEffect() != taint.getEffect()) {
      return false;
    }
    String key = toleration.getKey() == null ? "" : toleration.getKey();
    if (!key.isEmpty() && !key.equals(taint.getKey())) {
      return false;
    }
    if (toleration.getOperator() == TolerationOperator.Exists) {
      return true;
    }
    return !key.isEmpty()
        && (toleration.getValue() == null ? "" : toleration.getValue())
            .equals(taint.getValue() == null ? "" : taint.getValue());
  }

  private static Optional<Instant> toleratedUntil(Toleration toleration, Taint taint) {
    if (toleration.getTolerationSeconds() == null || taint.getTimeAdded() == null) {
      return Optional.empty();
    }
    return Optional.of(
        Instant.parse(taint.getTimeAdded()).plusSeconds(toleration.getTolerationSeconds()));
  }
}
