package io.ocmj.api.work.v1;

/** Kinds of status feedback rules. */
public enum FeedbackType {
  WellKnownStatus,
  JSONPaths
}
