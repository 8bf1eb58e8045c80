package io.ocmj.api.addon.v1alpha1;

/** Whether the hub creates ManagedClusterAddOns itself. */
public enum InstallStrategyType {
  /** Users create ManagedClusterAddOns. */
  Manual,
  /** The hub creates one in every cluster the placements select, and removes it after. */
  Placements
}
