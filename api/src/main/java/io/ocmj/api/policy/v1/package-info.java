/** OCM's governance API, {@code policy.open-cluster-management.io/v1}. */
package io.ocmj.api.policy.v1;
