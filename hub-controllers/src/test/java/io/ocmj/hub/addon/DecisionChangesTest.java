package io.ocmj.hub.addon;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecisionStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionChangesTest {
  private int version;

  private PlacementDecision decision(String name, String... clusters) {
    PlacementDecision d = new PlacementDecision();
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace("addons");
    meta.setName(name);
    meta.setResourceVersion(String.valueOf(++version));
    d.setMetadata(meta);
    List<ClusterDecision> decisions = new ArrayList<>();
    for (String c : clusters) {
      ClusterDecision cd = new ClusterDecision();
      cd.setClusterName(c);
      decisions.add(cd);
    }
    PlacementDecisionStatus status = new PlacementDecisionStatus();
    status.setDecisions(decisions);
    d.setStatus(status);
    return d;
  }

  @Test
  void aDecisionSeenTheFirstTimeNamesAllItsClusters() {
    DecisionChanges changes = new DecisionChanges();
    assertThat(changes.changed(decision("all-1", "c1", "c2"), false))
        .containsExactlyInAnyOrder("c1", "c2");
  }

  @Test
  void laterOnlyTheClustersThatEnteredOrLeft() {
    DecisionChanges changes = new DecisionChanges();
    changes.changed(decision("all-1", "c1", "c2", "c3"), false);
    assertThat(changes.changed(decision("all-1", "c1", "c2", "c3", "c4"), false))
        .containsExactly("c4");
    assertThat(changes.changed(decision("all-1", "c1", "c3", "c4"), false)).containsExactly("c2");
    assertThat(changes.changed(decision("all-1", "c1", "c3", "c4"), false)).isEmpty();
    assertThat(changes.changed(decision("all-2", "c9"), false))
        .as("another decision of the placement is its own")
        .containsExactly("c9");
  }

  @Test
  void theSameVersionAskedAgainGetsTheSameAnswer() {
    DecisionChanges changes = new DecisionChanges();
    PlacementDecision first = decision("all-1", "c1", "c2");
    assertThat(changes.changed(first, false)).containsExactlyInAnyOrder("c1", "c2");
    assertThat(changes.changed(first, false)).containsExactlyInAnyOrder("c1", "c2");
    PlacementDecision grown = decision("all-1", "c1", "c2", "c3");
    assertThat(changes.changed(grown, false)).containsExactly("c3");
    assertThat(changes.changed(grown, false)).containsExactly("c3");
    assertThat(changes.changed(grown, true)).containsExactlyInAnyOrder("c1", "c2", "c3");
    assertThat(changes.changed(grown, true)).containsExactlyInAnyOrder("c1", "c2", "c3");
  }

  @Test
  void aDeletedDecisionNamesEveryClusterItHadThenStartsAfresh() {
    DecisionChanges changes = new DecisionChanges();
    changes.changed(decision("all-1", "c1", "c2"), false);
    assertThat(changes.changed(decision("all-1", "c2"), true))
        .containsExactlyInAnyOrder("c1", "c2");
    assertThat(changes.changed(decision("all-1", "c5"), false)).containsExactly("c5");
  }
}
