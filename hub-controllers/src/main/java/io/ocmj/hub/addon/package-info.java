/**
 * The add-on manager: installs ManagedClusterAddOns by the ClusterManagementAddOn's install
 * strategy, resolves their configs as OCM does, and deploys each add-on's agent as ManifestWorks
 * ({@code addon-<name>-deploy-<n>}) rendered by an {@link io.ocmj.hub.addon.AddonAgent} written in
 * Java or by an AddOnTemplate.
 */
package io.ocmj.hub.addon;
