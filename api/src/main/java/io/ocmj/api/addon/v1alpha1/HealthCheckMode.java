package io.ocmj.api.addon.v1alpha1;

/** How an add-on's Available condition is kept. */
public enum HealthCheckMode {
  /**
   * The agent renews a Lease named after the add-on in its namespace on the managed cluster, and
   * the registration agent sets Available from it.
   */
  Lease,
  /** The add-on sets Available itself (e.g. from its ManifestWorks' status feedback). */
  Customized
}
