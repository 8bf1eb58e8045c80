package io.ocmj.hub.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecisionStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SchedulingInputsTest {
  @Test
  void heartbeatsDoNotRescheduleButWhatPredicatesTaintsAndScoresReadDoes() {
    assertThat(changes(c -> c.getStatus().getConditions().get(0).setLastTransitionTime("later")))
        .as("a condition's time")
        .isFalse();
    assertThat(changes(c -> c.getStatus().getConditions().get(0).setMessage("renewed")))
        .as("a condition's message")
        .isFalse();
    assertThat(changes(c -> c.getMetadata().setResourceVersion("99"))).isFalse();
    assertThat(changes(c -> c.getStatus().getConditions().get(0).setStatus("Unknown")))
        .as("a condition's status")
        .isTrue();
    assertThat(changes(c -> c.getMetadata().setLabels(Map.of("region", "us")))).isTrue();
    assertThat(
            changes(
                c -> {
                  Taint t = new Taint();
                  t.setKey("gpu");
                  t.setEffect(TaintEffect.NoSelect);
                  c.getSpec().setTaints(List.of(t));
                }))
        .isTrue();
    assertThat(changes(c -> c.getStatus().getClusterClaims().get(0).setValue("GCP"))).isTrue();
    assertThat(changes(c -> c.getStatus().getAllocatable().put("cpu", new Quantity("4")))).isTrue();
  }

  @Test
  void balanceCountsOtherPlacementsDecisionsButNotItsOwn() {
    Placement placement = new Placement();
    placement.getMetadata().setName("p");
    placement.getMetadata().setNamespace("apps");
    assertThat(
            SchedulingInputs.otherPlacements(
                List.of(
                    decision("apps", "p", "c1"),
                    decision("apps", "q", "c1", "c2"),
                    decision("other", "p", "c1")),
                placement))
        .containsExactlyInAnyOrderEntriesOf(Map.of("c1", 2, "c2", 1));
  }

  private static PlacementDecision decision(String ns, String placement, String... clusters) {
    PlacementDecision d = new PlacementDecision();
    d.getMetadata().setNamespace(ns);
    d.getMetadata().setName(placement + "-decision-1");
    d.getMetadata().setLabels(Map.of(PlacementDecision.LABEL_PLACEMENT, placement));
    PlacementDecisionStatus status = new PlacementDecisionStatus();
    for (String c : clusters) {
      status.getDecisions().add(new ClusterDecision(c));
    }
    d.setStatus(status);
    return d;
  }

  private static boolean changes(Consumer<ManagedCluster> change) {
    ManagedCluster before = cluster();
    ManagedCluster after = Serialization.clone(before);
    change.accept(after);
    return SchedulingInputs.changed(after, before);
  }

  private static ManagedCluster cluster() {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName("c1");
    cluster.getMetadata().setResourceVersion("1");
    cluster.getMetadata().setLabels(Map.of("region", "eu"));
    cluster.setSpec(new ManagedClusterSpec());
    ManagedClusterStatus status = new ManagedClusterStatus();
    status
        .getConditions()
        .add(
            new ConditionBuilder()
                .withType("ManagedClusterConditionAvailable")
                .withStatus("True")
                .withReason("Renewed")
                .withMessage("lease renewed")
                .withLastTransitionTime("2026-11-26T00:00:00Z")
                .build());
    ClusterClaimStatus claim = new ClusterClaimStatus();
    claim.setName("platform.open-cluster-management.io");
    claim.setValue("AWS");
    status.getClusterClaims().add(claim);
    status.getAllocatable().put("cpu", new Quantity("2"));
    cluster.setStatus(status);
    return cluster;
  }
}
