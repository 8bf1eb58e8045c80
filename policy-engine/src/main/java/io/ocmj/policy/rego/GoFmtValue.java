package io.ocmj.policy.rego;

import io.ocmj.policy.gofmt.GoFloat;
import io.ocmj.policy.gofmt.GoQuote;
import io.ocmj.policy.gofmt.GoQuote.LoneSurrogates;
import io.ocmj.policy.rego.GoFmt.Spec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Renders one operand (int64, *big.Int, float64 or string) for a verb, as Go's fmt does. */
final class GoFmtValue {
  private static final String HEX_LOWER = "0123456789abcdefx";
  private static final String HEX_UPPER = "0123456789ABCDEFX";

  private GoFmtValue() {}

  /** The Go type name fmt shows in %T, bad-verb and EXTRA reports. */
  static String typeName(Object arg) {
    if (arg instanceof Long) {
      return "int64";
    }
    if (arg instanceof BigInteger) {
      return "*big.Int";
    }
    return arg instanceof Double ? "float64" : "string";
  }

  static String format(Object arg, int verb, Spec spec) {
    if (verb == 'T') {
      return pad(typeName(arg), spec);
    }
    if (arg instanceof Long l) {
      return formatInt(l, verb, spec);
    }
    if (arg instanceof BigInteger b) {
      return GoBigIntFormat.format(b, verb, spec);
    }
    if (arg instanceof Double d) {
      return formatFloat(d, verb, spec);
    }
    return formatString((String) arg, verb, spec);
  }

  /** fmt's badVerb: the operand is printed with %v but the directive's flags. */
  private static String badVerb(Object arg, int verb, Spec spec) {
    return "%!"
        + Character.toString(verb)
        + "("
        + typeName(arg)
        + "="
        + format(arg, 'v', spec)
        + ")";
  }

  private static String formatString(String s, int verb, Spec spec) {
    switch (verb) {
      case 'v':
        return spec.sharpV ? quoted(s, spec) : pad(truncate(s, spec), spec);
      case 's':
        return pad(truncate(s, spec), spec);
      case 'q':
        return quoted(s, spec);
      case 'x':
      case 'X':
        return hexBytes(
            s.getBytes(StandardCharsets.UTF_8), verb == 'x' ? HEX_LOWER : HEX_UPPER, spec);
      default:
        return badVerb(s, verb, spec);
    }
  }

  private static String quoted(String s, Spec spec) {
    String t = truncate(s, spec);
    if (spec.sharp && GoQuote.canBackquote(t, false)) {
      return pad("`" + t + "`", spec);
    }
    LoneSurrogates mode = LoneSurrogates.REPLACE;
    return pad(spec.plus ? GoQuote.quoteToAscii(t, mode) : GoQuote.quote(t, mode), spec);
  }

  private static String truncate(String s, Spec spec) {
    if (!spec.precPresent || s.codePointCount(0, s.length()) <= spec.prec) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, spec.prec));
  }

  /** fmt.fmtSbx: hex of the UTF-8 bytes, honouring precision (bytes), '#' and ' '. */
  private static String hexBytes(byte[] bytes, String digits, Spec spec) {
    int length = spec.precPresent && spec.prec < bytes.length ? spec.prec : bytes.length;
    if (length == 0) {
      return spec.widPresent ? padding(spec.wid, spec) : "";
    }
    StringBuilder sb = new StringBuilder();
    if (spec.sharp) {
      sb.append('0').append(digits.charAt(16));
    }
    for (int k = 0; k < length; k++) {
      if (spec.space && k > 0) {
        sb.append(' ');
        if (spec.sharp) {
          sb.append('0').append(digits.charAt(16));
        }
      }
      int c = bytes[k] & 0xff;
      sb.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
    }
    return pad(sb.toString(), spec);
  }

  private static String formatInt(long v, int verb, Spec spec) {
    switch (verb) {
      case 'v':
      case 'd':
        return integer(v, 10, verb, HEX_LOWER, spec);
      case 'b':
        return integer(v, 2, verb, HEX_LOWER, spec);
      case 'o':
      case 'O':
        return integer(v, 8, verb, HEX_LOWER, spec);
      case 'x':
        return integer(v, 16, verb, HEX_LOWER, spec);
      case 'X':
        return integer(v, 16, verb, HEX_UPPER, spec);
      case 'c':
        return pad(new String(Character.toChars(validRune(v))), spec);
      case 'q':
        return pad(GoQuote.quoteRune(validRune(v), spec.plus), spec);
      case 'U':
        // Go formats the operand as uint64 here, so negative values print as huge hex.
        String hex = Long.toHexString(v).toUpperCase(Locale.ROOT);
        return pad("U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex, spec);
      default:
        return badVerb(v, verb, spec);
    }
  }

  private static int validRune(long v) {
    boolean valid = v >= 0 && v <= Character.MAX_CODE_POINT && (v < 0xD800 || v > 0xDFFF);
    return valid ? (int) v : 0xFFFD;
  }

  /** fmt.fmtInteger: precision or zero flag give leading zeros, then prefix and sign. */
  private static String integer(long v, int base, int verb, String digits, Spec spec) {
    boolean negative = v < 0;
    BigInteger abs = BigInteger.valueOf(v).abs();
    int prec = 0;
    if (spec.precPresent) {
      prec = spec.prec;
      if (prec == 0 && v == 0) {
        return padding(spec.widPresent ? spec.wid : 0, spec, ' ');
      }
    } else if (spec.zero && !spec.minus && spec.widPresent) {
      prec = spec.wid - (negative || spec.plus || spec.space ? 1 : 0);
    }
    String body = abs.toString(base);
    body = digits.equals(HEX_UPPER) ? body.toUpperCase(Locale.ROOT) : body;
    body = "0".repeat(Math.max(0, prec - body.length())) + body;
    if (spec.sharp) {
      if (base == 2) {
        body = "0b" + body;
      } else if (base == 8 && body.charAt(0) != '0') {
        body = "0" + body;
      } else if (base == 16) {
        body = "0" + digits.charAt(16) + body;
      }
    }
    if (verb == 'O') {
      body = "0o" + body;
    }
    String sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    // Zeros were already added as precision; the remaining padding must be spaces.
    return padWith(sign + body, spec, ' ');
  }

  /** The strconv format letter fmt uses for a float verb, or 0 for a bad verb. */
  private static char floatFormat(int verb) {
    switch (verb) {
      case 'v':
        return 'g';
      case 'F':
        return 'f';
      case 'g':
      case 'G':
      case 'x':
      case 'X':
      case 'f':
      case 'e':
      case 'E':
        return (char) verb;
      default:
        return 0;
    }
  }

  private static String formatFloat(double v, int verb, Spec spec) {
    char fmt = floatFormat(verb);
    if (fmt == 0) {
      return badVerb(v, verb, spec);
    }
    // %e and %f default to six digits; %v, %g and %x to the shortest exact form.
    int prec = fmt == 'e' || fmt == 'E' || fmt == 'f' ? 6 : -1;
    String num = GoFloat.format(v, fmt, spec.precPresent ? spec.prec : prec);
    char sign = num.charAt(0) == '-' || num.charAt(0) == '+' ? num.charAt(0) : '+';
    String unsigned = num.charAt(0) == '-' || num.charAt(0) == '+' ? num.substring(1) : num;
    if (spec.space && sign == '+' && !spec.plus) {
      sign = ' ';
    }
    if (unsigned.startsWith("Inf") || unsigned.startsWith("NaN")) {
      boolean dropSign = unsigned.startsWith("NaN") && !spec.space && !spec.plus;
      return padWith(dropSign ? unsigned : sign + unsigned, spec, ' ');
    }
    if (spec.plus || sign != '+') {
      int len = unsigned.length() + 1;
      if (spec.zero && !spec.minus && spec.widPresent && spec.wid > len) {
        return sign + "0".repeat(spec.wid - len) + unsigned;
      }
      return pad(sign + unsigned, spec);
    }
    return pad(unsigned, spec);
  }

  /** fmt.pad: width counted in runes; zeros only on the left and only with the '0' flag. */
  static String pad(String s, Spec spec) {
    return padWith(s, spec, spec.zero && !spec.minus ? '0' : ' ');
  }

  private static String padWith(String s, Spec spec, char fill) {
    int len = s.codePointCount(0, s.length());
    if (!spec.widPresent || spec.wid <= len) {
      return s;
    }
    String padding = String.valueOf(fill).repeat(spec.wid - len);
    return spec.minus ? s + padding : padding + s;
  }

  private static String padding(int n, Spec spec) {
    return padding(n, spec, spec.zero && !spec.minus ? '0' : ' ');
  }

  private static String padding(int n, Spec spec, char fill) {
    return String.valueOf(fill).repeat(Math.max(0, n));
  }
}
