package io.ocmj.hub.clusterset;

import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetSpec;
import io.ocmj.api.cluster.v1beta2.SelectorType;
import io.ocmj.policy.config.LabelSelectors;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Which clusters belong to a set: by the exclusive clusterset label, or by a label selector. */
public final class ClusterSetMembership {
  private ClusterSetMembership() {}

  public static List<String> members(ManagedClusterSet set, Collection<ManagedCluster> clusters) {
    return clusters.stream()
        .filter(c -> isMember(set, c.getMetadata().getLabels()))
        .map(c -> c.getMetadata().getName())
        .sorted()
        .toList();
  }

  static boolean isMember(ManagedClusterSet set, Map<String, String> labels) {
    ManagedClusterSetSpec spec = set.getSpec();
    SelectorType type =
        spec == null
                || spec.getClusterSelector() == null
                || spec.getClusterSelector().getSelectorType() == null
            ? SelectorType.ExclusiveClusterSetLabel
            : spec.getClusterSelector().getSelectorType();
    if (type == SelectorType.LabelSelector) {
      return LabelSelectors.matches(spec.getClusterSelector().getLabelSelector(), labels);
    }
    return labels != null
        && set.getMetadata().getName().equals(labels.get(ManagedClusterSet.LABEL_CLUSTER_SET));
  }
}
