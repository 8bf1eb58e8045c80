/**
 * OCM's add-on API, {@code addon.open-cluster-management.io/v1alpha1}: ClusterManagementAddOn,
 * ManagedClusterAddOn and AddOnDeploymentConfig.
 *
 * <p>v1alpha1 is OCM's storage version (v1beta1 is served through a conversion webhook), so these
 * classes follow v1alpha1's JSON, including its lower-case {@code defaultconfigReferences}.
 */
package io.ocmj.api.addon.v1alpha1;
