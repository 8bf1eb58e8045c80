/** ManagedClusterSets and their bindings: membership, the default and global sets, Bound. */
package io.ocmj.hub.clusterset;
