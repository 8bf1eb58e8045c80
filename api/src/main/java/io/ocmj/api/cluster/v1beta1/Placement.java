package io.ocmj.api.cluster.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Selects managed clusters (from the sets bound to its namespace) by predicates, tolerations and
 * scores; the selection is written to PlacementDecisions.
 */
@Group(Placement.GROUP)
@Version(Placement.VERSION)
@Plural("placements")
@Singular("placement")
@AdditionalPrinterColumn(
    name = "Succeeded",
    jsonPath = ".status.conditions[?(@.type==\"PlacementSatisfied\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"PlacementSatisfied\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "SelectedClusters",
    jsonPath = ".status.numberOfSelectedClusters",
    type = AdditionalPrinterColumn.Type.INTEGER)
public class Placement extends CustomResource<PlacementSpec, PlacementStatus>
    implements Namespaced {
  public static final String GROUP = "cluster.open-cluster-management.io";
  public static final String VERSION = "v1beta1";

  public static final String CONDITION_SATISFIED = "PlacementSatisfied";
  public static final String CONDITION_MISCONFIGURED = "PlacementMisconfigured";

  public static final String REASON_NO_BINDINGS = "NoManagedClusterSetBindings";
  public static final String REASON_NO_INTERSECTION = "NoIntersection";
  public static final String REASON_SETS_EMPTY = "AllManagedClusterSetsEmpty";
  public static final String REASON_NO_MATCH = "NoManagedClusterMatched";
  public static final String REASON_NOT_ALL_SCHEDULED = "NotAllDecisionsScheduled";
  public static final String REASON_ALL_SCHEDULED = "AllDecisionsScheduled";
  public static final String REASON_MISCONFIGURED = "Misconfigured";

  /** OCM's spelling of the not-misconfigured reason. */
  public static final String REASON_CONFIGURED = "Succeedconfigured";

  /** Makes the scheduler leave the placement alone (another controller decides). */
  public static final String ANNOTATION_SCHEDULING_DISABLED =
      "cluster.open-cluster-management.io/experimental-scheduling-disable";
}
