/** OCM's work API, {@code work.open-cluster-management.io/v1alpha1}: ManifestWorkReplicaSet. */
package io.ocmj.api.work.v1alpha1;
