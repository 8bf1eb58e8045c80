package io.ocmj.policy.template;

/** A template parse or execution error whose message mimics Go's text/template wording. */
public class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean argumentError;

  /** Creates an error with the given message. */
  public TemplateException(String message) {
    this(message, null, false);
  }

  /** Creates an error with the given message and cause. */
  public TemplateException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private TemplateException(String message, Throwable cause, boolean argumentError) {
    super(message, cause);
    this.argumentError = argumentError;
  }

  /**
   * Creates an error about a function's arguments; Go reports those without the "error calling"
   * prefix because they are detected before the function runs.
   */
  static TemplateException argument(String message) {
    return new TemplateException(message, null, true);
  }

  boolean isArgumentError() {
    return argumentError;
  }
}
