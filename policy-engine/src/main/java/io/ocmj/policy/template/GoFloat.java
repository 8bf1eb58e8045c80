package io.ocmj.policy.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Formats float64 values exactly like Go's strconv.FormatFloat ('e', 'f', 'g'). */
final class GoFloat {
  private GoFloat() {}

  /** Decimal digits without trailing zeros; the value is 0.digits × 10^dp. */
  private record Digits(String d, int dp) {
    int nd() {
      return d.length();
    }
  }

  /** Formats with %v semantics: shortest representation, %e for large/small exponents. */
  static String shortest(double v) {
    return format(v, 'g', -1);
  }

  /**
   * Formats like strconv.FormatFloat(v, fmt, prec, 64).
   *
   * @param fmt one of 'e', 'E', 'f', 'F', 'g', 'G'
   * @param prec digits (after the point for e/f, significant for g); -1 for shortest
   */
  static String format(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = Double.doubleToRawLongBits(v) < 0;
    BigDecimal abs = new BigDecimal(Math.abs(v));
    char lower = Character.toLowerCase(fmt);
    boolean upper = fmt != lower;
    String body;
    if (prec < 0) {
      body = formatShortest(digits(shortestDecimal(Math.abs(v))), lower, upper);
    } else {
      body = formatPrecise(abs, lower, upper, prec);
    }
    return neg ? "-" + body : body;
  }

  private static String formatShortest(Digits digs, char fmt, boolean upper) {
    switch (fmt) {
      case 'e':
        return fmtE(digs, digs.nd() - 1, upper);
      case 'f':
        return fmtF(digs, Math.max(digs.nd() - digs.dp(), 0));
      default:
        int prec = digs.nd();
        int exp = digs.dp() - 1;
        if (exp < -4 || exp >= 6) {
          return fmtE(digs, prec - 1, upper);
        }
        return fmtF(digs, Math.max(prec - digs.dp(), 0));
    }
  }

  private static String formatPrecise(BigDecimal abs, char fmt, boolean upper, int prec) {
    switch (fmt) {
      case 'e':
        return fmtE(digits(round(abs, prec + 1)), prec, upper);
      case 'f':
        return fmtF(digits(abs.setScale(prec, RoundingMode.HALF_EVEN)), prec);
      default:
        int p = prec == 0 ? 1 : prec;
        Digits digs = digits(round(abs, p));
        int eprec = p;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
          eprec = digs.nd();
        }
        int exp = digs.dp() - 1;
        if (exp < -4 || exp >= eprec) {
          return fmtE(digs, Math.min(p, digs.nd()) - 1, upper);
        }
        if (p > digs.dp()) {
          p = digs.nd();
        }
        return fmtF(digs, Math.max(p - digs.dp(), 0));
    }
  }

  private static BigDecimal round(BigDecimal abs, int significant) {
    if (abs.signum() == 0) {
      return abs;
    }
    return abs.round(new MathContext(significant, RoundingMode.HALF_EVEN));
  }

  /** Finds the fewest significant digits that still round-trip to the same double. */
  private static BigDecimal shortestDecimal(double abs) {
    BigDecimal exact = new BigDecimal(abs);
    if (abs == 0) {
      return exact;
    }
    for (int n = 1; n < 17; n++) {
      BigDecimal candidate = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == abs) {
        return candidate;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static Digits digits(BigDecimal value) {
    if (value.signum() == 0) {
      return new Digits("", 0);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    String unscaled = stripped.unscaledValue().toString();
    return new Digits(unscaled, unscaled.length() - stripped.scale());
  }

  private static String fmtE(Digits digs, int prec, boolean upper) {
    StringBuilder sb = new StringBuilder();
    sb.append(digs.nd() == 0 ? '0' : digs.d().charAt(0));
    if (prec > 0) {
      sb.append('.');
      int m = Math.min(digs.nd(), prec + 1);
      if (m > 1) {
        sb.append(digs.d(), 1, m);
      }
      for (int i = Math.max(m, 1); i <= prec; i++) {
        sb.append('0');
      }
    }
    sb.append(upper ? 'E' : 'e');
    int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
    sb.append(exp < 0 ? '-' : '+');
    int absExp = Math.abs(exp);
    if (absExp < 10) {
      sb.append('0');
    }
    return sb.append(absExp).toString();
  }

  private static String fmtF(Digits digs, int prec) {
    StringBuilder sb = new StringBuilder();
    if (digs.dp() > 0) {
      int m = Math.min(digs.nd(), digs.dp());
      sb.append(digs.d(), 0, m);
      for (int i = m; i < digs.dp(); i++) {
        sb.append('0');
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = digs.dp() + i - 1;
        sb.append(j >= 0 && j < digs.nd() ? digs.d().charAt(j) : '0');
      }
    }
    return sb.toString();
  }

  /** Formats like encoding/json: %f style unless the magnitude calls for an exponent. */
  static String json(double v) {
    double abs = Math.abs(v);
    char fmt = abs != 0 && (abs < 1e-6 || abs >= 1e21) ? 'e' : 'f';
    String s = format(v, fmt, -1);
    if (fmt == 'e') {
      int n = s.length();
      if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
        s = s.substring(0, n - 2) + s.charAt(n - 1);
      }
    }
    return s;
  }
}
