package io.ocmj.api.addon.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * How an add-on's agent is deployed (variables, node placement, registries, proxy, namespace,
 * resources); referenced as a config of resource {@link #RESOURCE} by ClusterManagementAddOns and
 * ManagedClusterAddOns. It has no status.
 */
@Group(AddOnDeploymentConfig.GROUP)
@Version(AddOnDeploymentConfig.VERSION)
@Plural(AddOnDeploymentConfig.RESOURCE)
@Singular("addondeploymentconfig")
public class AddOnDeploymentConfig extends CustomResource<AddOnDeploymentConfigSpec, Void>
    implements Namespaced {
  public static final String GROUP = "addon.open-cluster-management.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "AddOnDeploymentConfig";

  /** The resource name a config reference uses for this kind. */
  public static final String RESOURCE = "addondeploymentconfigs";
}
