/** OCM's PolicySet, {@code policy.open-cluster-management.io/v1beta1}. */
package io.ocmj.api.policy.v1beta1;
