package io.ocmj.api.addon.v1alpha1;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * OCM's declarative add-on (cluster-scoped): the agent's manifests as a ManifestWork spec, with
 * variables ({@code {{CLUSTER_NAME}}}, {@code {{INSTALL_NAMESPACE}}}, {@code {{HUB_KUBECONFIG}}}
 * and the AddOnDeploymentConfig's customizedVariables), installed by the hub's add-on manager
 * without a controller of its own. A ClusterManagementAddOn names it as a config of resource {@link
 * #RESOURCE}.
 */
@Group(AddOnTemplate.GROUP)
@Version(AddOnTemplate.VERSION)
@Plural(AddOnTemplate.RESOURCE)
@Singular("addontemplate")
public class AddOnTemplate extends CustomResource<AddOnTemplateSpec, Void> {
  public static final String GROUP = "addon.open-cluster-management.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "AddOnTemplate";
  public static final String RESOURCE = "addontemplates";
}
