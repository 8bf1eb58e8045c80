package io.ocmj.api.work.v1;

/** When ignored fields are ignored. */
public enum IgnoreFieldCondition {
  OnSpokePresent,
  OnSpokeChange
}
