/** OCM's placement API, {@code cluster.open-cluster-management.io/v1beta1}. */
package io.ocmj.api.cluster.v1beta1;
