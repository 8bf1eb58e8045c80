package io.ocmj.hub.clusterset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSelector;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetSpec;
import io.ocmj.api.cluster.v1beta2.SelectorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSetMembershipTest {
  private static ManagedCluster cluster(String name, Map<String, String> labels) {
    ManagedCluster c = new ManagedCluster();
    c.getMetadata().setName(name);
    c.getMetadata().setLabels(labels);
    return c;
  }

  private static final List<ManagedCluster> CLUSTERS =
      List.of(
          cluster(
              "a",
              Map.of(
                  "cluster.open-cluster-management.io/clusterset",
                  "prod",
                  "env",
                  "prod",
                  "gpu",
                  "yes")),
          cluster(
              "b", Map.of("cluster.open-cluster-management.io/clusterset", "dev", "env", "dev")),
          cluster("c", Map.of("env", "prod")),
          cluster("d", null));

  private static ManagedClusterSet set(String name, SelectorType type, LabelSelector selector) {
    ManagedClusterSet set = new ManagedClusterSet();
    set.getMetadata().setName(name);
    ManagedClusterSetSpec spec = new ManagedClusterSetSpec();
    ManagedClusterSelector s = new ManagedClusterSelector();
    s.setSelectorType(type);
    s.setLabelSelector(selector);
    spec.setClusterSelector(s);
    set.setSpec(spec);
    return set;
  }

  @Test
  void exclusiveSetHoldsClustersWithItsLabel() {
    assertThat(
            ClusterSetMembership.members(
                set("prod", SelectorType.ExclusiveClusterSetLabel, null), CLUSTERS))
        .containsExactly("a");
  }

  @Test
  void setWithoutSpecIsExclusive() {
    ManagedClusterSet dev = new ManagedClusterSet();
    dev.getMetadata().setName("dev");
    assertThat(ClusterSetMembership.members(dev, CLUSTERS)).containsExactly("b");
  }

  @Test
  void emptyLabelSelectorSelectsEveryCluster() {
    assertThat(
            ClusterSetMembership.members(
                set("global", SelectorType.LabelSelector, new LabelSelector()), CLUSTERS))
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void labelSelectorWithLabelsAndExpressions() {
    LabelSelector selector =
        new LabelSelectorBuilder()
            .addToMatchLabels("env", "prod")
            .addNewMatchExpression()
            .withKey("gpu")
            .withOperator("DoesNotExist")
            .endMatchExpression()
            .build();
    assertThat(
            ClusterSetMembership.members(set("s", SelectorType.LabelSelector, selector), CLUSTERS))
        .containsExactly("c");
    LabelSelector in =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("env")
            .withOperator("In")
            .withValues("dev", "prod")
            .endMatchExpression()
            .addNewMatchExpression()
            .withKey("gpu")
            .withOperator("NotIn")
            .withValues("yes")
            .endMatchExpression()
            .build();
    assertThat(ClusterSetMembership.members(set("s", SelectorType.LabelSelector, in), CLUSTERS))
        .containsExactly("b", "c");
    LabelSelector exists =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("gpu")
            .withOperator("Exists")
            .endMatchExpression()
            .build();
    assertThat(ClusterSetMembership.members(set("s", SelectorType.LabelSelector, exists), CLUSTERS))
        .containsExactly("a");
  }

  @Test
  void unknownOperatorIsAnErrorNamingTheField() {
    LabelSelector bad =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("env")
            .withOperator("Gt")
            .endMatchExpression()
            .build();
    assertThatThrownBy(
            () -> ClusterSetMembership.members(set("s", SelectorType.LabelSelector, bad), CLUSTERS))
        .hasMessageContaining("matchExpressions: operator Gt");
  }
}
