/**
 * OCM's ConfigurationPolicy semantics as a pure library: object templates are compared with what a
 * {@link io.ocmj.policy.config.ClusterView} shows, and (in enforce mode) created, updated or
 * deleted through it; results carry OCM's exact messages and reasons.
 */
package io.ocmj.policy.config;
