package io.ocmj.policy.rego;

/** A Rego module that cannot be compiled, loaded or evaluated; the message says why. */
public class RegoException extends Exception {
  public RegoException(String message) {
    super(message);
  }

  public RegoException(String message, Throwable cause) {
    super(message, cause);
  }
}
