package io.ocmj.api.operator.v1;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The agent's own record on the managed cluster (cluster-scoped, named {@code klusterlet}): which
 * cluster it joins as, and conditions such as {@code HubConnectionDegraded} that say whether it can
 * still talk to the hub, where an admin of the managed cluster can read them.
 */
@Group(Klusterlet.GROUP)
@Version(Klusterlet.VERSION)
@Plural("klusterlets")
@Singular("klusterlet")
public class Klusterlet extends CustomResource<KlusterletSpec, KlusterletStatus> {
  public static final String GROUP = "operator.open-cluster-management.io";
  public static final String VERSION = "v1";

  /** The name OCM gives the one Klusterlet of a managed cluster. */
  public static final String DEFAULT_NAME = "klusterlet";

  /** True while the agent cannot use its hub kubeconfig or its bootstrap kubeconfig. */
  public static final String CONDITION_HUB_CONNECTION_DEGRADED = "HubConnectionDegraded";

  /** HubConnectionDegraded False: the hub kubeconfig works. */
  public static final String REASON_HUB_CONNECTION_FUNCTIONAL = "HubConnectionFunctional";

  /** The hub kubeconfig fails (e.g. the hub's serving certificate is not trusted). */
  public static final String REASON_HUB_KUBECONFIG_ERROR = "HubKubeConfigError";

  /** The hub no longer accepts the agent's identity. */
  public static final String REASON_HUB_KUBECONFIG_UNAUTHORIZED = "HubKubeConfigUnauthorized";

  /** The bootstrap kubeconfig is invalid or its hub cannot be trusted. */
  public static final String REASON_BOOTSTRAP_SECRET_ERROR = "BootstrapSecretError";
}
