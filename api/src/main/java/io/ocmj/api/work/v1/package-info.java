/**
 * {@code work.open-cluster-management.io/v1}: ManifestWork, what the hub asks a cluster to apply.
 */
package io.ocmj.api.work.v1;
