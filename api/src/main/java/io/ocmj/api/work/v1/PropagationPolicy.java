package io.ocmj.api.work.v1;

/** How applied resources are treated when a work is deleted (upstream's values). */
public enum PropagationPolicy {
  Foreground,
  Orphan,
  SelectivelyOrphan
}
