package io.ocmj.api.work.v1;

/** How the agent collects status feedback. */
public enum FeedbackScrapeType {
  Poll,
  Watch
}
