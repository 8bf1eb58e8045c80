package io.ocmj.policy.rego;

import io.ocmj.policy.rego.GoFmt.Spec;
import java.math.BigInteger;
import java.util.Locale;

/** Go's big.Int Format method, which fmt calls for integers that do not fit int64. */
final class GoBigIntFormat {
  private GoBigIntFormat() {}

  static String format(BigInteger x, int verb, Spec spec) {
    int base = base(verb);
    if (base == 0) {
      // big.Int reports unknown verbs itself, without the pointer star and ignoring width.
      return "%!" + Character.toString(verb) + "(big.Int=" + x + ")";
    }
    boolean plus = spec.plus || spec.plusV;
    String sign = x.signum() < 0 ? "-" : plus ? "+" : spec.space ? " " : "";
    String prefix = prefix(verb, spec.sharp || spec.sharpV);
    String digits = x.abs().toString(base);
    if (verb == 'X') {
      digits = digits.toUpperCase(Locale.ROOT);
    }
    int zeros = 0;
    if (spec.precPresent) {
      if (digits.length() < spec.prec) {
        zeros = spec.prec - digits.length();
      } else if (digits.equals("0") && spec.prec == 0) {
        return "";
      }
    }
    int length = sign.length() + prefix.length() + zeros + digits.length();
    int d = spec.widPresent ? Math.max(0, spec.wid - length) : 0;
    // '-' pads on the right; '0' pads with zeros unless a precision was given; else spaces.
    boolean zeroPad = !spec.minus && spec.zero && !spec.precPresent;
    String left = spec.minus || zeroPad ? "" : " ".repeat(d);
    String right = spec.minus ? " ".repeat(d) : "";
    zeros += zeroPad ? d : 0;
    return left + sign + prefix + "0".repeat(zeros) + digits + right;
  }

  private static int base(int verb) {
    switch (verb) {
      case 'b':
        return 2;
      case 'o':
      case 'O':
        return 8;
      case 'd':
      case 's':
      case 'v':
        return 10;
      case 'x':
      case 'X':
        return 16;
      default:
        return 0;
    }
  }

  private static String prefix(int verb, boolean sharp) {
    if (verb == 'O') {
      return "0o";
    }
    if (!sharp) {
      return "";
    }
    switch (verb) {
      case 'b':
        return "0b";
      case 'o':
        return "0";
      case 'x':
        return "0x";
      case 'X':
        return "0X";
      default:
        return "";
    }
  }
}
