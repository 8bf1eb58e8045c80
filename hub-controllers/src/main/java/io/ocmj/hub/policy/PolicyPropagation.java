package io.ocmj.hub.policy;

import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.PlacementDecisionRef;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyPlacementStatus;
import io.ocmj.api.policy.v1.Subject;
import io.ocmj.api.policy.v1beta1.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a root policy goes (pure): the union of the decisions of every non-restricted binding that
 * names the policy directly or through a PolicySet; restricted bindings only add their overrides to
 * clusters already selected. A disabled policy goes nowhere.
 */
public final class PolicyPropagation {
  private PolicyPropagation() {}

  /**
   * The outcome: each selected cluster with whether a binding override makes it enforce, and the
   * root's {@code status.placement}.
   */
  public record Plan(Map<String, Boolean> clusters, List<PolicyPlacementStatus> placements) {}

  public static Plan plan(
      Policy root,
      List<PlacementBinding> bindings,
      List<PolicySet> sets,
      Map<String, List<String>> decisionsByPlacement) {
    String name = root.getMetadata().getName();
    Map<String, Boolean> clusters = new TreeMap<>();
    List<PolicyPlacementStatus> placements = new ArrayList<>();
    Set<String> restrictedEnforce = new TreeSet<>();
    for (PlacementBinding binding : sorted(bindings)) {
      String via = via(binding, name, sets);
      if (via == null || !isPlacement(binding)) {
        continue;
      }
      List<String> decided =
          decisionsByPlacement.getOrDefault(binding.getPlacementRef().getName(), List.of());
      boolean enforce = overridesEnforce(binding) && !isEnforce(root);
      if (PlacementBinding.SUB_FILTER_RESTRICTED.equals(binding.getSubFilter())) {
        if (enforce) {
          restrictedEnforce.addAll(decided);
        }
        continue;
      }
      placements.add(status(binding, via, decided));
      if (!root.getSpec().isDisabled()) {
        for (String cluster : decided) {
          clusters.merge(cluster, enforce, Boolean::logicalOr);
        }
      }
    }
    for (String cluster : restrictedEnforce) {
      clusters.computeIfPresent(cluster, (c, e) -> true);
    }
    return new Plan(clusters, placements);
  }

  private static List<PlacementBinding> sorted(List<PlacementBinding> bindings) {
    List<PlacementBinding> copy = new ArrayList<>(bindings);
    copy.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
    return copy;
  }

  /** "" when the binding names the policy, the set's name when through a set, else null. */
  private static String via(PlacementBinding binding, String policy, List<PolicySet> sets) {
    String found = null;
    for (Subject s : binding.getSubjects()) {
      if (!Policy.GROUP.equals(s.getApiGroup())) {
        continue;
      }
      if ("Policy".equals(s.getKind()) && policy.equals(s.getName())) {
        return "";
      }
      if ("PolicySet".equals(s.getKind()) && found == null) {
        for (PolicySet set : sets) {
          if (set.getMetadata().getName().equals(s.getName())
              && set.getSpec() != null
              && set.getSpec().getPolicies().contains(policy)) {
            found = set.getMetadata().getName();
          }
        }
      }
    }
    return found;
  }

  private static boolean isPlacement(PlacementBinding binding) {
    return binding.getPlacementRef() != null
        && "Placement".equals(binding.getPlacementRef().getKind())
        && "cluster.open-cluster-management.io".equals(binding.getPlacementRef().getApiGroup());
  }

  private static boolean overridesEnforce(PlacementBinding binding) {
    return binding.getBindingOverrides() != null
        && binding.getBindingOverrides().getRemediationAction() != null
        && binding.getBindingOverrides().getRemediationAction().equalsIgnoreCase("enforce");
  }

  static boolean isEnforce(Policy root) {
    return root.getSpec().getRemediationAction() != null
        && root.getSpec().getRemediationAction().equalsIgnoreCase("enforce");
  }

  private static PolicyPlacementStatus status(
      PlacementBinding binding, String via, List<String> decided) {
    PolicyPlacementStatus status = new PolicyPlacementStatus();
    status.setPlacementBinding(binding.getMetadata().getName());
    status.setPlacement(binding.getPlacementRef().getName());
    status.setPolicySet(via.isEmpty() ? null : via);
    List<PlacementDecisionRef> refs = new ArrayList<>();
    for (String cluster : new TreeSet<>(decided)) {
      PlacementDecisionRef ref = new PlacementDecisionRef();
      ref.setClusterName(cluster);
      ref.setClusterNamespace(cluster);
      refs.add(ref);
    }
    status.setDecisions(refs);
    return status;
  }
}
