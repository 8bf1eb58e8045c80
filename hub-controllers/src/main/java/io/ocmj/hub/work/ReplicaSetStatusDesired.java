package io.ocmj.hub.work;

import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSetStatus;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSetSummary;
import io.ocmj.api.work.v1alpha1.PlacementSummary;
import io.ocmj.hub.work.RolloutPlan.State;
import io.ocmj.hub.work.RolloutPlan.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ManifestWorkReplicaSet's status from each placement's rollout: OCM's three conditions
 * (PlacementRolledOut True/Complete is the one that says the rollout is done), the summary counts
 * and one summary per placement. Pure.
 */
final class ReplicaSetStatusDesired {
  private ReplicaSetStatusDesired() {}

  /** One placement's observed decisions and rollout. */
  record PlacementRollout(
      String placement,
      boolean decisionsFound,
      List<Target> targets,
      RolloutPlan.Result plan,
      Map<String, RolloutPlan.WorkState> works) {}

  static ManifestWorkReplicaSetStatus status(
      List<Condition> previous,
      List<PlacementRollout> rollouts,
      String templateHash,
      java.util.Optional<String> blocked,
      Long generation,
      Instant now) {
    ManifestWorkReplicaSetStatus status = new ManifestWorkReplicaSetStatus();
    List<Condition> conditions = new ArrayList<>(previous == null ? List.of() : previous);
    int targets = rollouts.stream().mapToInt(r -> r.targets().size()).sum();
    verified(conditions, rollouts, targets, generation, now);
    rolledOut(conditions, rollouts, targets, generation, now);
    applied(conditions, rollouts, targets, generation, now);
    blocked.ifPresent(
        why ->
            Conditions.set(
                conditions,
                ManifestWorkReplicaSet.CONDITION_MANIFESTWORK_APPLIED,
                Conditions.FALSE,
                ManifestWorkReplicaSet.REASON_NOT_AS_EXPECTED,
                why,
                generation,
                now));
    status.setConditions(conditions);
    List<PlacementSummary> perPlacement = new ArrayList<>();
    int[] totals = new int[7];
    for (PlacementRollout rollout : rollouts) {
      ManifestWorkReplicaSetSummary summary = summary(rollout, templateHash);
      add(totals, summary);
      PlacementSummary placement = new PlacementSummary();
      placement.setName(rollout.placement());
      placement.setAvailableDecisionGroups(groups(rollout));
      placement.setSummary(summary);
      perPlacement.add(placement);
    }
    status.setPlacementSummary(perPlacement);
    status.setSummary(
        new ManifestWorkReplicaSetSummary(
            totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6]));
    return status;
  }

  private static void verified(
      List<Condition> conditions,
      List<PlacementRollout> rollouts,
      int targets,
      Long generation,
      Instant now) {
    List<String> missing =
        rollouts.stream()
            .filter(r -> !r.decisionsFound())
            .map(PlacementRollout::placement)
            .toList();
    if (!missing.isEmpty()) {
      Conditions.set(
          conditions,
          ManifestWorkReplicaSet.CONDITION_PLACEMENT_VERIFIED,
          Conditions.FALSE,
          ManifestWorkReplicaSet.REASON_DECISION_NOT_FOUND,
          "No PlacementDecision found for placement(s) " + String.join(", ", missing),
          generation,
          now);
    } else if (targets == 0) {
      Conditions.set(
          conditions,
          ManifestWorkReplicaSet.CONDITION_PLACEMENT_VERIFIED,
          Conditions.FALSE,
          ManifestWorkReplicaSet.REASON_DECISION_EMPTY,
          "The placements selected no cluster",
          generation,
          now);
    } else {
      Conditions.set(
          conditions,
          ManifestWorkReplicaSet.CONDITION_PLACEMENT_VERIFIED,
          Conditions.TRUE,
          ManifestWorkReplicaSet.REASON_AS_EXPECTED,
          targets + " cluster(s) selected",
          generation,
          now);
    }
  }

  private static void rolledOut(
      List<Condition> conditions,
      List<PlacementRollout> rollouts,
      int targets,
      Long generation,
      Instant now) {
    List<String> stopped =
        rollouts.stream()
            .filter(r -> r.plan().stopped())
            .map(
                r ->
                    "placement "
                        + r.placement()
                        + ": "
                        + r.plan().failures()
                        + " cluster(s) failed ("
                        + failed(r)
                        + "), more than maxFailures "
                        + r.plan().maxFailures())
            .toList();
    long succeeded =
        rollouts.stream()
            .flatMap(r -> r.plan().states().values().stream())
            .filter(s -> s == State.SUCCEEDED)
            .count();
    if (!stopped.isEmpty()) {
      Conditions.set(
          conditions,
          ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT,
          Conditions.FALSE,
          ManifestWorkReplicaSet.REASON_FAILED,
          "Rollout stopped: "
              + String.join("; ", stopped)
              + ". Fix the template, or roll back to the previous one",
          generation,
          now);
    } else if (targets > 0 && rollouts.stream().allMatch(r -> r.plan().complete())) {
      Conditions.set(
          conditions,
          ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT,
          Conditions.TRUE,
          ManifestWorkReplicaSet.REASON_COMPLETE,
          "Rolled out to all " + targets + " cluster(s)",
          generation,
          now);
    } else {
      Conditions.set(
          conditions,
          ManifestWorkReplicaSet.CONDITION_PLACEMENT_ROLLED_OUT,
          Conditions.FALSE,
          ManifestWorkReplicaSet.REASON_PROGRESSING,
          succeeded + " of " + targets + " cluster(s) rolled out",
          generation,
          now);
    }
  }

  private static void applied(
      List<Condition> conditions,
      List<PlacementRollout> rollouts,
      int targets,
      Long generation,
      Instant now) {
    long withWork =
        rollouts.stream()
            .flatMap(r -> r.targets().stream().filter(t -> r.works().containsKey(t.cluster())))
            .count();
    if (targets == 0) {
      Conditions.set(
          conditions,
          ManifestWorkReplicaSet.CONDITION_MANIFESTWORK_APPLIED,
          Conditions.FALSE,
          ManifestWorkReplicaSet.REASON_DECISION_EMPTY,
          "No cluster to create a ManifestWork for",
          generation,
          now);
    } else {
      boolean all = withWork == targets;
      Conditions.set(
          conditions,
          ManifestWorkReplicaSet.CONDITION_MANIFESTWORK_APPLIED,
          all ? Conditions.TRUE : Conditions.FALSE,
          all
              ? ManifestWorkReplicaSet.REASON_AS_EXPECTED
              : ManifestWorkReplicaSet.REASON_PROCESSING,
          withWork + " of " + targets + " ManifestWork(s) created",
          generation,
          now);
    }
  }

  private static String failed(PlacementRollout rollout) {
    return String.join(
        ", ",
        rollout.plan().states().entrySet().stream()
            .filter(e -> e.getValue() == State.FAILED)
            .map(Map.Entry::getKey)
            .toList());
  }

  private static ManifestWorkReplicaSetSummary summary(PlacementRollout rollout, String hash) {
    var works = rollout.works();
    var states = rollout.plan().states();
    return new ManifestWorkReplicaSetSummary(
        works.size(),
        rollout.targets().size(),
        (int) works.values().stream().filter(w -> hash.equals(w.templateHash())).count(),
        (int) works.values().stream().filter(RolloutPlan.WorkState::applied).count(),
        (int) works.values().stream().filter(RolloutPlan.WorkState::available).count(),
        (int) states.values().stream().filter(s -> s == State.PROGRESSING).count(),
        (int) states.values().stream().filter(s -> s == State.FAILED).count());
  }

  private static void add(int[] totals, ManifestWorkReplicaSetSummary s) {
    totals[0] += s.getTotal();
    totals[1] += s.getDesiredTotal();
    totals[2] += s.getUpdated();
    totals[3] += s.getApplied();
    totals[4] += s.getAvailable();
    totals[5] += s.getProgressing();
    totals[6] += s.getDegraded();
  }

  private static String groups(PlacementRollout rollout) {
    Map<Integer, Boolean> done = new TreeMap<>();
    for (Target t : rollout.targets()) {
      boolean ok = rollout.plan().states().get(t.cluster()) == State.SUCCEEDED;
      done.merge(t.groupIndex(), ok, Boolean::logicalAnd);
    }
    long available = done.values().stream().filter(b -> b).count();
    return available + "/" + done.size();
  }
}
