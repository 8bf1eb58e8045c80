package io.ocmj.policy.rego;

import java.util.List;

/**
 * The directive scanner of Go's fmt.Sprintf (flags, {@code [n]} indexes, {@code *} widths,
 * MISSING/EXTRA/BADINDEX reports); values are rendered by {@link GoFmtValue}.
 */
final class GoFmt {
  private static final int TOO_LARGE = 1_000_000;

  /** Flags, width and precision of one directive, named like Go's fmt.fmtFlags. */
  static final class Spec {
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;
  }

  private final String format;
  private final List<Object> args;
  private final StringBuilder out = new StringBuilder();
  private int argNum;
  private int i;
  private boolean reordered;
  private boolean goodArgNum;

  GoFmt(String format, List<Object> args) {
    this.format = format;
    this.args = args;
  }

  String run() {
    while (i < format.length()) {
      int percent = format.indexOf('%', i);
      if (percent < 0) {
        out.append(format, i, format.length());
        break;
      }
      out.append(format, i, percent);
      i = percent + 1;
      if (!directive()) {
        break;
      }
    }
    if (!reordered && argNum < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = argNum; k < args.size(); k++) {
        Object arg = args.get(k);
        out.append(k > argNum ? ", " : "").append(GoFmtValue.typeName(arg)).append('=');
        out.append(GoFmtValue.format(arg, 'v', new Spec()));
      }
      out.append(')');
    }
    return out.toString();
  }

  /** Handles one directive after its '%'; false when the format ends before a verb. */
  private boolean directive() {
    Spec spec = new Spec();
    goodArgNum = true;
    parseFlags(spec);
    boolean afterIndex = width(spec, argIndex());
    if (at('.')) {
      afterIndex = precision(spec, afterIndex);
    }
    if (!afterIndex) {
      argIndex();
    }
    if (i >= format.length()) {
      out.append("%!(NOVERB)");
      return false;
    }
    int verb = format.codePointAt(i);
    i += Character.charCount(verb);
    emit(verb, spec);
    return true;
  }

  /** Parses a width ('*' or digits); returns whether a following [n] index still applies. */
  private boolean width(Spec spec, boolean afterIndex) {
    if (!at('*')) {
      int start = i;
      spec.wid = number();
      spec.widPresent = i > start && spec.wid >= 0;
      spec.wid = Math.max(spec.wid, 0);
      if (afterIndex && spec.widPresent) {
        // Go rejects "%[2]3d": an index must come right before the verb or the star.
        goodArgNum = false;
      }
      return afterIndex;
    }
    i++;
    Integer w = intArg();
    spec.widPresent = w != null;
    spec.wid = w == null ? 0 : w;
    if (w == null) {
      out.append("%!(BADWIDTH)");
    } else if (spec.wid < 0) {
      spec.wid = -spec.wid;
      spec.minus = true;
      spec.zero = false;
    }
    return false;
  }

  private boolean precision(Spec spec, boolean afterIndexIn) {
    i++;
    if (afterIndexIn) {
      goodArgNum = false;
    }
    boolean afterIndex = argIndex();
    if (at('*')) {
      i++;
      Integer p = intArg();
      spec.prec = p == null ? 0 : p;
      spec.precPresent = p != null;
      if (spec.prec < 0) {
        spec.prec = 0;
        spec.precPresent = false;
      }
      if (p == null) {
        out.append("%!(BADPREC)");
      }
      return false;
    }
    int start = i;
    int p = number();
    spec.prec = i > start && p >= 0 ? p : 0;
    spec.precPresent = true;
    return afterIndex;
  }

  private void emit(int verb, Spec spec) {
    if (verb == '%') {
      out.append('%');
    } else if (!goodArgNum) {
      out.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    } else if (argNum >= args.size()) {
      out.append("%!").appendCodePoint(verb).append("(MISSING)");
    } else {
      if (verb == 'v') {
        spec.sharpV = spec.sharp;
        spec.sharp = false;
        spec.plusV = spec.plus;
        spec.plus = false;
      }
      out.append(GoFmtValue.format(args.get(argNum++), verb, spec));
    }
  }

  private void parseFlags(Spec spec) {
    for (; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '#') {
        spec.sharp = true;
      } else if (c == '0') {
        // Go ignores zero padding once '-' asked for padding on the right.
        spec.zero = !spec.minus;
      } else if (c == '+') {
        spec.plus = true;
      } else if (c == '-') {
        spec.minus = true;
        spec.zero = false;
      } else if (c == ' ') {
        spec.space = true;
      } else {
        return;
      }
    }
  }

  /** Parses {@code [n]}; returns whether one was found and valid, like Go's argNumber. */
  private boolean argIndex() {
    if (!at('[')) {
      return false;
    }
    reordered = true;
    int close = format.indexOf(']', i + 1);
    if (format.length() - i < 3 || close < 0) {
      i++;
      goodArgNum = false;
      return false;
    }
    String digits = format.substring(i + 1, close);
    i = close + 1;
    if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
      goodArgNum = false;
      return false;
    }
    int index = Integer.parseInt(digits) - 1;
    if (index >= 0 && index < args.size()) {
      argNum = index;
      return true;
    }
    goodArgNum = false;
    return true;
  }

  /** Reads decimal digits; -1 when the number is too large, as Go then rejects the width. */
  private int number() {
    int n = 0;
    boolean tooLarge = false;
    while (i < format.length() && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
      n = tooLarge ? n : n * 10 + (format.charAt(i) - '0');
      tooLarge = tooLarge || n > TOO_LARGE;
      i++;
    }
    return tooLarge ? -1 : n;
  }

  /** Consumes an operand as a '*' width or precision; null when it is not a small int. */
  private Integer intArg() {
    if (argNum >= args.size()) {
      return null;
    }
    Object a = args.get(argNum++);
    if (a instanceof Long l && Math.abs(l) <= TOO_LARGE) {
      return l.intValue();
    }
    return null;
  }

  private boolean at(char c) {
    return i < format.length() && format.charAt(i) == c;
  }
}
