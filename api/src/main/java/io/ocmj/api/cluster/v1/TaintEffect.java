package io.ocmj.api.cluster.v1;

/** What a taint does to placement decisions (upstream's exact enum values). */
public enum TaintEffect {
  /** The cluster is not selected, and is removed from existing decisions. */
  NoSelect,
  /** The cluster is selected only when no untainted cluster is enough. */
  PreferNoSelect,
  /** The cluster is not newly selected, but stays in existing decisions. */
  NoSelectIfNew
}
