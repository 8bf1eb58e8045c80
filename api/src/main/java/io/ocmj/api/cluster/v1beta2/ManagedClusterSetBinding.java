package io.ocmj.api.cluster.v1beta2;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** Makes a ManagedClusterSet visible to placements in one namespace; its name is the set's. */
@Group(ManagedClusterSetBinding.GROUP)
@Version(ManagedClusterSetBinding.VERSION)
@Plural("managedclustersetbindings")
@Singular("managedclustersetbinding")
@ShortNames({"mclsetbinding", "mclsetbindings"})
public class ManagedClusterSetBinding
    extends CustomResource<ManagedClusterSetBindingSpec, ManagedClusterSetBindingStatus>
    implements Namespaced {
  public static final String GROUP = "cluster.open-cluster-management.io";
  public static final String VERSION = "v1beta2";

  /** Condition: True when the bound set exists. */
  public static final String CONDITION_BOUND = "Bound";
}
