package io.ocmj.policy.config;

/**
 * What an evaluation found for one object, with OCM's exact texts: the related object's reason, the
 * template condition's reason and the message body. The declaration order is the order in which OCM
 * lists reasons in a message.
 */
public enum Reason {
  FOUND_AS_SPECIFIED(
      "Resource found as expected", "K8s `must have` object already exists", "found as specified"),
  CREATED(
      "K8s creation success", "K8s `must have` object already exists", "was created successfully"),
  UPDATED(
      "K8s update success", "K8s `must have` object already exists", "was updated successfully"),
  DELETED(
      "K8s deletion success",
      "K8s `must not have` object already missing",
      "was deleted successfully"),
  NOT_FOUND(
      "Resource not found but should exist", "K8s does not have a `must have` object", "not found"),
  NOT_MATCHING(
      "Resource found but does not match",
      "K8s does not have a `must have` object",
      "found but not as specified"),
  MISSING_AS_EXPECTED(
      "Resource not found as expected",
      "K8s `must not have` object already missing",
      "missing as expected"),
  FOUND_MUST_NOT(
      "Resource found but should not exist", "K8s has a `must not have` object", "found");

  private final String related;
  private final String condition;
  private final String body;

  Reason(String related, String condition, String body) {
    this.related = related;
    this.condition = condition;
    this.body = body;
  }

  /** The reason on {@code status.relatedObjects[]}. */
  public String related() {
    return related;
  }

  /** The reason on {@code status.compliancyDetails[].conditions[]}. */
  public String condition() {
    return condition;
  }

  /** The words after the resource and names in a message. */
  public String body() {
    return body;
  }

  public boolean compliant() {
    return this != NOT_FOUND && this != NOT_MATCHING && this != FOUND_MUST_NOT;
  }
}
