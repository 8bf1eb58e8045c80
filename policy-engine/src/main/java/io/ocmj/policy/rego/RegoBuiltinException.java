package io.ocmj.policy.rego;

import java.util.List;

/** A builtin failure carrying OPA's message, e.g. {@code sprintf: operand 2 must be array ...}. */
public class RegoBuiltinException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether OPA reports this as eval_type_error rather than eval_builtin_error. */
  private final boolean typeError;

  public RegoBuiltinException(String message, boolean typeError) {
    super(message);
    this.typeError = typeError;
  }

  public boolean isTypeError() {
    return typeError;
  }

  /** OPA's builtins.NewOperandTypeErr message. */
  static RegoBuiltinException operand(String builtin, int pos, String got, String... expected) {
    String want =
        expected.length == 1
            ? expected[0]
            : "one of {" + String.join(", ", List.of(expected)) + "}";
    return new RegoBuiltinException(
        builtin + ": operand " + pos + " must be " + want + " but got " + got, true);
  }

  /** OPA's builtins.NewOperandElementErr message. */
  static RegoBuiltinException element(String builtin, int pos, String container, String got) {
    return new RegoBuiltinException(
        builtin
            + ": operand "
            + pos
            + " must be "
            + container
            + " of strings but got "
            + container
            + " containing "
            + got,
        true);
  }

  /** A failure of the builtin itself (bad unit, bad regex), prefixed with its name. */
  static RegoBuiltinException failure(String builtin, String message) {
    return new RegoBuiltinException(builtin + ": " + message, false);
  }
}
