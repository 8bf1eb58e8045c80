package io.ocmj.api.cluster.v1beta2;

/** How a ManagedClusterSet selects its members (upstream's values). */
public enum SelectorType {
  /** Members carry the label cluster.open-cluster-management.io/clusterset=&lt;set&gt;. */
  ExclusiveClusterSetLabel,
  /** Members match the set's label selector. */
  LabelSelector
}
