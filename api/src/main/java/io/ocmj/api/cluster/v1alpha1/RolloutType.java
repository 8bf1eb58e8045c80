package io.ocmj.api.cluster.v1alpha1;

/** Rollout strategy types. */
public enum RolloutType {
  All,
  Progressive,
  ProgressivePerGroup
}
