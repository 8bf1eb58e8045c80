package io.ocmj.api.addon.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Registers an add-on with the hub (cluster-scoped); its name is the add-on's name, which every
 * ManagedClusterAddOn of the add-on also has. With install strategy Placements the hub creates and
 * removes those ManagedClusterAddOns itself.
 */
@Group(ClusterManagementAddOn.GROUP)
@Version(ClusterManagementAddOn.VERSION)
@Plural("clustermanagementaddons")
@Singular("clustermanagementaddon")
@ShortNames({"cma", "cmas"})
@AdditionalPrinterColumn(
    name = "DISPLAY NAME",
    jsonPath = ".spec.addOnMeta.displayName",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "CRD NAME",
    jsonPath = ".spec.addOnConfiguration.crdName",
    type = AdditionalPrinterColumn.Type.STRING)
public class ClusterManagementAddOn
    extends CustomResource<ClusterManagementAddOnSpec, ClusterManagementAddOnStatus> {
  public static final String GROUP = "addon.open-cluster-management.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "ClusterManagementAddOn";

  /** {@code spec.installStrategy.type}: users create the ManagedClusterAddOns. */
  public static final String INSTALL_STRATEGY_MANUAL = "Manual";

  /** {@code spec.installStrategy.type}: the hub installs on the placements' clusters. */
  public static final String INSTALL_STRATEGY_PLACEMENTS = "Placements";

  /**
   * Who installs and upgrades the add-on: {@link #LIFECYCLE_ADDON_MANAGER} or {@link
   * #LIFECYCLE_SELF}.
   */
  public static final String ANNOTATION_LIFECYCLE = GROUP + "/lifecycle";

  /** The hub's add-on manager installs and upgrades the add-on, following the install strategy. */
  public static final String LIFECYCLE_ADDON_MANAGER = "addon-manager";

  /** The add-on's own controller does; the install strategy is ignored. */
  public static final String LIFECYCLE_SELF = "self";
}
