package io.ocmj.cli;

/** Bad input or an unreachable cluster: printed as one line {@code ocmj: <message>}, exit 1. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
