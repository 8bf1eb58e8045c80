package io.ocmj.api.cluster.v1alpha1;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * A fact a managed cluster states about itself (cluster-scoped, on the managed cluster); the agent
 * copies claims into its ManagedCluster's {@code status.clusterClaims}.
 */
@Group(ClusterClaim.GROUP)
@Version(ClusterClaim.VERSION)
@Plural("clusterclaims")
@Singular("clusterclaim")
public class ClusterClaim extends CustomResource<ClusterClaimSpec, Void> {
  public static final String GROUP = "cluster.open-cluster-management.io";
  public static final String VERSION = "v1alpha1";

  /** The cluster's unique id, a reserved claim. */
  public static final String ID = "id.k8s.io";

  /**
   * ocmj's own claim: the version of the klusterlet agent (its registration agent reports it after
   * OCM's reserved claims, from the running agent, not from a ClusterClaim object; an object of
   * this name is not reported). OCM's agents do not report it.
   */
  public static final String AGENT_VERSION = "agentversion.ocmj.io";

  /** Reserved claims, always reported before custom ones. */
  public static final List<String> RESERVED =
      List.of(
          ID,
          "kubeversion.open-cluster-management.io",
          "platform.open-cluster-management.io",
          "product.open-cluster-management.io");
}
