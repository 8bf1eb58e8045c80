package io.ocmj.hub.placement;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
    Set<String> existing =
        sets.stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
    Set<String> bound =
        hub
            .resources(ManagedClusterSetBinding.class)
            .inNamespace(namespace)
            .list()
            .getItems()
            .stream()
            .filter(b -> b.getSpec() != null && existing.contains(b.getSpec().getClusterSet()))
            .map(b -> b.getSpec().getClusterSet())
            .collect(Collectors.toSet());
    List<PlacementDecision> decisions =
        hub.resources(PlacementDecision.class).inAnyNamespace().list().getItems();
    Set<String> previous =
        decisions.stream()
            .filter(
                d ->
                    d.getMetadata().getNamespace().equals(namespace)
                        && d.getMetadata().getLabels() != null
                        && placement
                            .getMetadata()
                            .getName()
                            .equals(
                                d.getMetadata().getLabels().get(PlacementDecision.LABEL_PLACEMENT))
                        && d.getStatus() != null)
            .flatMap(d -> d.getStatus().getDecisions().stream())
            .map(ClusterDecision::getClusterName)
            .collect(Collectors.toSet());
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
