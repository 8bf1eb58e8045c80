package io.ocmj.policy.config;

/**
 * The outcome for one object of one object template. {@code name} is null for an unnamed template
 * that found no specific object (shown as {@code -}); {@code namespace} is null for cluster-scoped
 * kinds.
 */
public record ObjectResult(
    KindInfo kind,
    String namespace,
    String name,
    Reason reason,
    String diff,
    boolean createdByPolicy,
    String uid) {

  static ObjectResult of(KindInfo kind, String namespace, String name, Reason reason) {
    return new ObjectResult(kind, namespace, name, reason, null, false, null);
  }

  ObjectResult withDiff(String diff) {
    return new ObjectResult(kind, namespace, name, reason, diff, createdByPolicy, uid);
  }
}
