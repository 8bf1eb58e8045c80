package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.ocmj.api.cluster.v1beta1.ClusterPredicate;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta1.SpreadConstraint;
import io.ocmj.api.cluster.v1beta1.Toleration;
import io.ocmj.api.cluster.v1beta1.TolerationOperator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a Placement cannot be scheduled as written, naming the field: OCM's misconfigurations (bad
 * tolerations, CEL that does not compile, unknown prioritizers) and what the CRD would reject, for
 * placements read from files ({@code ocmj plan}). Pure.
 */
final class PlacementValidation {
  private static final Pattern COUNT_OR_PERCENT = Pattern.compile("^[0-9]+%?$");

  private PlacementValidation() {}

  static Optional<String> misconfigured(PlacementSpec spec, CelSelectors cel) {
    if (spec.getNumberOfClusters() != null && spec.getNumberOfClusters() < 0) {
      return Optional.of("numberOfClusters: must be 0 or more, not " + spec.getNumberOfClusters());
    }
    Optional<String> prioritizers = Prioritizers.misconfigured(spec.getPrioritizerPolicy());
    if (prioritizers.isPresent()) {
      return prioritizers;
    }
    Optional<String> spread = spread(spec);
    if (spread.isPresent()) {
      return spread;
    }
    List<Toleration> tolerations = spec.getTolerations();
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      boolean exists = t.getOperator() == TolerationOperator.Exists;
      if ((t.getKey() == null || t.getKey().isEmpty()) && !exists) {
        return Optional.of("tolerations[" + i + "]: an empty key requires operator Exists");
      }
      if (exists && t.getValue() != null && !t.getValue().isEmpty()) {
        return Optional.of(
            "tolerations[" + i + "]: operator Exists takes no value (key " + t.getKey() + ")");
      }
    }
    List<ClusterPredicate> predicates = spec.getPredicates();
    for (int i = 0; i < predicates.size(); i++) {
      ClusterPredicate p = predicates.get(i);
      if (p.getRequiredClusterSelector() != null
          && p.getRequiredClusterSelector().getCelSelector() != null) {
        Optional<String> bad =
            cel.check(p.getRequiredClusterSelector().getCelSelector().getCelExpressions());
        if (bad.isPresent()) {
          return Optional.of("predicates[" + i + "].requiredClusterSelector." + bad.get());
        }
      }
    }
    if (spec.getDecisionStrategy() != null
        && spec.getDecisionStrategy().getGroupStrategy() != null) {
      IntOrString perGroup =
          spec.getDecisionStrategy().getGroupStrategy().getClustersPerDecisionGroup();
      if (perGroup != null
          && ((perGroup.getIntVal() != null && perGroup.getIntVal() < 1)
              || (perGroup.getIntVal() == null
                  && (perGroup.getStrVal() == null
                      || !COUNT_OR_PERCENT.matcher(perGroup.getStrVal().strip()).matches()
                      || perGroup.getStrVal().strip().matches("^0+%?$"))))) {
        return Optional.of(
            "decisionStrategy.groupStrategy.clustersPerDecisionGroup: must be a number or a"
                + " percentage above 0, not "
                + (perGroup.getIntVal() != null ? perGroup.getIntVal() : perGroup.getStrVal()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> spread(PlacementSpec spec) {
    if (spec.getSpreadPolicy() == null) {
      return Optional.empty();
    }
    List<SpreadConstraint> constraints = spec.getSpreadPolicy().getSpreadConstraints();
    if (constraints.size() > 8) {
      return Optional.of("spreadPolicy.spreadConstraints: at most 8, not " + constraints.size());
    }
    for (int i = 0; i < constraints.size(); i++) {
      SpreadConstraint c = constraints.get(i);
      String field = "spreadPolicy.spreadConstraints[" + i + "]";
      if (c.getTopologyKey() == null || c.getTopologyKey().isBlank()) {
        return Optional.of(field + ".topologyKey: required");
      }
      if (!"Label".equals(c.getTopologyKeyType()) && !"Claim".equals(c.getTopologyKeyType())) {
        return Optional.of(field + ".topologyKeyType: must be Label or Claim");
      }
      if (c.getMaxSkew() != null && c.getMaxSkew() < 1) {
        return Optional.of(field + ".maxSkew: must be 1 or more, not " + c.getMaxSkew());
      }
      if (c.getWhenUnsatisfiable() != null
          && !List.of("DoNotSchedule", "ScheduleAnyway").contains(c.getWhenUnsatisfiable())) {
        return Optional.of(field + ".whenUnsatisfiable: must be DoNotSchedule or ScheduleAnyway");
      }
    }
    return Optional.empty();
  }
}
