/**
 * {@code cluster.open-cluster-management.io/v1beta2}: ManagedClusterSet and
 * ManagedClusterSetBinding.
 */
package io.ocmj.api.cluster.v1beta2;
