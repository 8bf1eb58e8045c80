package io.ocmj.klusterlet.work;

import io.ocmj.api.work.v1.FeedbackValue;
import java.util.List;

/**
 * What happened to one manifest in one pass.
 *
 * @param ordinal its index in {@code spec.workload.manifests}
 * @param key where it lives; null when the manifest could not be mapped to a resource at all
 * @param apply whether it is applied, still being tried, or failed until something changes
 * @param message what the API server or the agent said, for the Applied condition
 * @param available True, False or Unknown: whether the resource exists on the managed cluster
 * @param uid its UID once it exists
 * @param owned whether the work owns it (not ReadOnly): it goes into appliedResources
 * @param feedback status feedback values, null when the manifest has no feedback rules
 * @param feedbackProblems rules that could not be read
 * @param ruleConditions the conditions its conditionRules gave it
 */
record ManifestOutcome(
    int ordinal,
    ResourceKey key,
    Apply apply,
    String message,
    String available,
    String uid,
    boolean owned,
    List<FeedbackValue> feedback,
    List<String> feedbackProblems,
    List<ConditionRules.Result> ruleConditions) {

  /** An outcome without condition rules. */
  ManifestOutcome(
      int ordinal,
      ResourceKey key,
      Apply apply,
      String message,
      String available,
      String uid,
      boolean owned,
      List<FeedbackValue> feedback,
      List<String> feedbackProblems) {
    this(
        ordinal, key, apply, message, available, uid, owned, feedback, feedbackProblems, List.of());
  }

  enum Apply {
    APPLIED,
    RETRYING,
    FAILED
  }
}
