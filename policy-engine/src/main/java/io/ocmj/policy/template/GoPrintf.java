package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoFloat;
import io.ocmj.policy.gofmt.GoQuote;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An implementation of Go's fmt.Sprintf for the template data model. */
final class GoPrintf {
  private GoPrintf() {}

  /** Parsed flags, width and precision of one directive. */
  private static final class Spec {
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    int width = -1;
    int precision = -1;
  }

  static String sprintf(String format, List<Object> args) {
    return new Run(format, args).format();
  }

  /** The cursor state of one Sprintf call. */
  private static final class Run {
    private final String format;
    private final List<Object> args;
    private final StringBuilder out = new StringBuilder();
    private int argIndex;
    private int i;

    Run(String format, List<Object> args) {
      this.format = format;
      this.args = args;
    }

    String format() {
      while (i < format.length()) {
        char c = format.charAt(i++);
        if (c != '%') {
          out.append(c);
        } else if (!directive()) {
          break;
        }
      }
      if (argIndex < args.size()) {
        List<String> extra = new ArrayList<>();
        for (Object arg : args.subList(argIndex, args.size())) {
          extra.add(arg == null ? "<nil>" : Values.typeName(arg) + "=" + GoFormat.value(arg));
        }
        out.append("%!(EXTRA ").append(String.join(", ", extra)).append(')');
      }
      return out.toString();
    }

    /** Handles one directive after '%'; returns false when the format ends without a verb. */
    private boolean directive() {
      Spec spec = new Spec();
      i = parseFlags(format, i, spec);
      if (i < format.length() && format.charAt(i) == '*') {
        i++;
        Object w = argIndex < args.size() ? args.get(argIndex++) : null;
        int width = Values.isInt(w) ? (int) Values.toInt64(w) : 0;
        spec.minus = spec.minus || width < 0;
        spec.width = width == 0 ? -1 : Math.abs(width);
      } else {
        spec.width = number(-1);
      }
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        spec.precision = number(0);
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        return false;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        out.append('%');
      } else if (argIndex >= args.size()) {
        out.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        out.append(formatArg(args.get(argIndex++), verb, spec));
      }
      return true;
    }

    private int number(int absent) {
      int start = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      return i > start ? Integer.parseInt(format.substring(start, Math.min(i, start + 6))) : absent;
    }
  }

  private static int parseFlags(String format, int start, Spec spec) {
    int i = start;
    while (i < format.length()) {
      switch (format.charAt(i)) {
        case '-':
          spec.minus = true;
          break;
        case '+':
          spec.plus = true;
          break;
        case '#':
          spec.sharp = true;
          break;
        case ' ':
          spec.space = true;
          break;
        case '0':
          spec.zero = true;
          break;
        default:
          return i;
      }
      i++;
    }
    return i;
  }

  private static String formatArg(Object arg, int verb, Spec spec) {
    if (verb == 'T') {
      return pad(Values.typeName(arg), spec);
    }
    if (arg == null) {
      return verb == 'v' ? pad("<nil>", spec) : "%!" + Character.toString(verb) + "(<nil>)";
    }
    if (arg instanceof Boolean) {
      return verb == 'v' || verb == 't' ? pad(arg.toString(), spec) : badVerb(arg, verb);
    }
    if (Values.isInt(arg)) {
      return formatInt(arg, verb, spec);
    }
    if (Values.isFloat(arg)) {
      return formatFloat(((Number) arg).doubleValue(), arg, verb, spec);
    }
    if (arg instanceof String) {
      return formatString((String) arg, verb, spec);
    }
    if (arg instanceof List) {
      List<String> parts = new ArrayList<>();
      for (Object item : (List<?>) arg) {
        parts.add(formatArg(item, verb, spec));
      }
      return "[" + String.join(" ", parts) + "]";
    }
    if (arg instanceof Map) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Object> e : GoFormat.sortedEntries((Map<?, ?>) arg).entrySet()) {
        parts.add(formatArg(e.getKey(), verb, spec) + ":" + formatArg(e.getValue(), verb, spec));
      }
      return "map[" + String.join(" ", parts) + "]";
    }
    return verb == 'v' || verb == 's' ? pad(GoFormat.value(arg), spec) : badVerb(arg, verb);
  }

  private static String badVerb(Object arg, int verb) {
    return "%!"
        + Character.toString(verb)
        + "("
        + Values.typeName(arg)
        + "="
        + GoFormat.value(arg)
        + ")";
  }

  private static String formatString(String s, int verb, Spec spec) {
    switch (verb) {
      case 'v':
      case 's':
        return pad(truncate(s, spec.precision), spec);
      case 'q':
        String t = truncate(s, spec.precision);
        return pad(
            spec.sharp && GoQuote.canBackquote(t, true) ? "`" + t + "`" : GoQuote.quote(t), spec);
      case 'x':
      case 'X':
        return pad(hexBytes(s, verb == 'X', spec), spec);
      default:
        return badVerb(s, verb);
    }
  }

  private static String truncate(String s, int precision) {
    if (precision < 0 || s.codePointCount(0, s.length()) <= precision) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, precision));
  }

  private static String hexBytes(String s, boolean upper, Spec spec) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int len = spec.precision >= 0 ? Math.min(spec.precision, bytes.length) : bytes.length;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      if (spec.space && i > 0) {
        sb.append(' ');
      }
      if (spec.sharp && (spec.space || i == 0)) {
        sb.append(upper ? "0X" : "0x");
      }
      sb.append(String.format(Locale.ROOT, upper ? "%02X" : "%02x", bytes[i] & 0xff));
    }
    return sb.toString();
  }

  private static String formatInt(Object arg, int verb, Spec spec) {
    BigInteger value =
        arg instanceof BigInteger
            ? (BigInteger) arg
            : BigInteger.valueOf(((Number) arg).longValue());
    if (verb == 'c' || verb == 'q' || verb == 'U') {
      return pad(formatRune(value.intValue(), verb), spec);
    }
    int radix;
    String prefix = "";
    switch (verb) {
      case 'v':
      case 'd':
        radix = 10;
        break;
      case 'b':
        radix = 2;
        prefix = spec.sharp ? "0b" : "";
        break;
      case 'o':
      case 'O':
        radix = 8;
        prefix = verb == 'O' ? "0o" : spec.sharp ? "0" : "";
        break;
      case 'x':
      case 'X':
        radix = 16;
        prefix = spec.sharp ? (verb == 'X' ? "0X" : "0x") : "";
        break;
      default:
        return badVerb(arg, verb);
    }
    String digits = value.abs().toString(radix);
    digits = verb == 'X' ? digits.toUpperCase(Locale.ROOT) : digits;
    if (spec.precision == 0 && value.signum() == 0) {
      digits = "";
    }
    digits = "0".repeat(Math.max(0, spec.precision - digits.length())) + digits;
    String sign = value.signum() < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    return padNumber(sign + prefix, digits, spec, spec.precision < 0);
  }

  private static String formatRune(int cp, int verb) {
    if (!Character.isValidCodePoint(cp)) {
      cp = 0xFFFD;
    }
    if (verb == 'c') {
      return new String(Character.toChars(cp));
    }
    return verb == 'q' ? GoQuote.quoteRune(cp) : String.format(Locale.ROOT, "U+%04X", cp);
  }

  private static String formatFloat(double v, Object arg, int verb, Spec spec) {
    char fmt;
    switch (verb) {
      case 'v':
        fmt = 'g';
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        fmt = (char) verb;
        break;
      default:
        return badVerb(arg, verb);
    }
    int prec = spec.precision;
    if (prec < 0 && (fmt == 'e' || fmt == 'E' || fmt == 'f' || fmt == 'F')) {
      prec = 6;
    }
    String s = GoFloat.format(v, fmt == 'F' ? 'f' : fmt, prec);
    String sign = "";
    if (s.startsWith("-") || s.startsWith("+")) {
      sign = s.substring(0, 1);
      s = s.substring(1);
    } else if (spec.plus) {
      sign = "+";
    } else if (spec.space) {
      sign = " ";
    }
    return padNumber(sign, s, spec, !Double.isNaN(v) && !Double.isInfinite(v));
  }

  private static String padNumber(String sign, String digits, Spec spec, boolean zeroAllowed) {
    int len = sign.length() + digits.length();
    if (spec.zero && !spec.minus && zeroAllowed && spec.width > len) {
      return sign + "0".repeat(spec.width - len) + digits;
    }
    return pad(sign + digits, spec);
  }

  private static String pad(String s, Spec spec) {
    int len = s.codePointCount(0, s.length());
    if (spec.width <= len) {
      return s;
    }
    String padding = " ".repeat(spec.width - len);
    return spec.minus ? s + padding : padding + s;
  }
}
