/** {@code cluster.open-cluster-management.io/v1}: the ManagedCluster inventory. */
package io.ocmj.api.cluster.v1;
