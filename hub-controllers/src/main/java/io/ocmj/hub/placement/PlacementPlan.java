package io.ocmj.hub.placement;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Placement would select on a hub now, read from the API server and written nowhere: the
 * scheduler the controller runs, over the same inputs (its current decisions, if the placement
 * exists, count as previous ones).
 */
public final class PlacementPlan {
  private PlacementPlan() {}

  public static PlacementSchedule.Result plan(
      KubernetesClient hub, Placement placement, Instant now) {
    String namespace = placement.getMetadata().getNamespace();
    List<ManagedClusterSet> sets = hub.resources(ManagedClusterSet.class).list().getItems();
    Set<String> bound =
        SchedulingInputs.boundSets(
            hub.resources(ManagedClusterSetBinding.class).inNamespace(namespace).list().getItems(),
            sets);
    List<PlacementDecision> decisions =
        hub.resources(PlacementDecision.class).inAnyNamespace().list().getItems();
    Set<String> previous =
        SchedulingInputs.decided(
            decisions.stream().filter(d -> SchedulingInputs.owns(placement, d)).toList());
    Map<String, List<AddOnPlacementScore>> scores =
        SchedulingInputs.byNamespace(
            hub.resources(AddOnPlacementScore.class).inAnyNamespace().list().getItems());
    return PlacementSchedule.schedule(
        placement,
        new PlacementSchedule.State(
            hub.resources(ManagedCluster.class).list().getItems(),
            sets,
            bound,
            previous,
            SchedulingInputs.otherPlacements(decisions, placement),
            scores),
        new CelSelectors(),
        now);
  }
}
