package io.ocmj.api.cluster.v1beta1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The clusters a Placement selected (at most 100 per object), in the placement's namespace; found
 * through the {@code cluster.open-cluster-management.io/placement} label.
 */
@Group(PlacementDecision.GROUP)
@Version(PlacementDecision.VERSION)
@Plural("placementdecisions")
@Singular("placementdecision")
public class PlacementDecision extends CustomResource<Void, PlacementDecisionStatus>
    implements Namespaced {
  public static final String GROUP = "cluster.open-cluster-management.io";
  public static final String VERSION = "v1beta1";

  /** Label naming the Placement a decision belongs to. */
  public static final String LABEL_PLACEMENT = "cluster.open-cluster-management.io/placement";

  /** Label with the index of the decision group of a decision. */
  public static final String LABEL_GROUP_INDEX =
      "cluster.open-cluster-management.io/decision-group-index";

  /** Label with the name of the decision group of a decision (may be empty). */
  public static final String LABEL_GROUP_NAME =
      "cluster.open-cluster-management.io/decision-group-name";
}
