package io.ocmj.api.cluster.v1beta2;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A named group of ManagedClusters (cluster-scoped); placements see sets bound to their namespace.
 */
@Group(ManagedClusterSet.GROUP)
@Version(ManagedClusterSet.VERSION)
@Plural("managedclustersets")
@Singular("managedclusterset")
@ShortNames({"mclset", "mclsets"})
@AdditionalPrinterColumn(
    name = "Empty",
    jsonPath = ".status.conditions[?(@.type==\"ClusterSetEmpty\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ManagedClusterSet
    extends CustomResource<ManagedClusterSetSpec, ManagedClusterSetStatus> {
  public static final String GROUP = "cluster.open-cluster-management.io";
  public static final String VERSION = "v1beta2";

  /** Label on a ManagedCluster naming its exclusive set. */
  public static final String LABEL_CLUSTER_SET = "cluster.open-cluster-management.io/clusterset";

  /** The set the hub puts every unlabelled cluster into. */
  public static final String DEFAULT = "default";

  /** The set of every cluster. */
  public static final String GLOBAL = "global";

  /** Condition: True when the set selects no cluster. */
  public static final String CONDITION_EMPTY = "ClusterSetEmpty";
}
