/** Hub side of work distribution: ManifestWorkReplicaSet rollouts. */
package io.ocmj.hub.work;
