/**
 * {@code cluster.open-cluster-management.io/v1alpha1}: ClusterClaim, facts a managed cluster states
 * about itself.
 */
package io.ocmj.api.cluster.v1alpha1;
