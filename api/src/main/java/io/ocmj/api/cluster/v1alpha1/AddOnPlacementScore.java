package io.ocmj.api.cluster.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Scores an add-on agent reports for its cluster (in the cluster's namespace on the hub), read by
 * Placements' {@code AddOn} prioritizers. Status only.
 */
@Group(AddOnPlacementScore.GROUP)
@Version(AddOnPlacementScore.VERSION)
@Plural("addonplacementscores")
@Singular("addonplacementscore")
public class AddOnPlacementScore extends CustomResource<Void, AddOnPlacementScoreStatus>
    implements Namespaced {
  public static final String GROUP = "cluster.open-cluster-management.io";
  public static final String VERSION = "v1alpha1";
}
