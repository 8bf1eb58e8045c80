package io.ocmj.policy.config;

/** Ends the evaluation of one object template with a NonCompliant message. */
final class EvaluationError extends Exception {
  EvaluationError(String message) {
    super(message);
  }
}
