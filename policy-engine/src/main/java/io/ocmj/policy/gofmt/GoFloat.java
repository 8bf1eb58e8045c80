package io.ocmj.policy.gofmt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats float64 values like Go's strconv.FormatFloat with the 'e', 'f', 'g' and 'x' formats, and
 * like encoding/json.
 *
 * <p>Shared by the Go text/template interpreter ({@code io.ocmj.policy.template}) and the Go-OPA
 * sprintf ({@code io.ocmj.policy.rego}); their original copies agreed on every value and format
 * they both supported, so there is no caller-specific switch here.
 */
public final class GoFloat {
  private GoFloat() {}

  /** Significant decimal digits without trailing zeros; the value is 0.digits × 10^point. */
  private record Digits(String d, int point) {
    int count() {
      return d.length();
    }
  }

  /** Formats with %v semantics: shortest round-trip digits, %e form for large/small exponents. */
  public static String shortest(double v) {
    return format(v, 'g', -1);
  }

  /** Formats like encoding/json: %f style unless the magnitude calls for an exponent. */
  public static String json(double v) {
    double abs = Math.abs(v);
    char fmt = abs != 0 && (abs < 1e-6 || abs >= 1e21) ? 'e' : 'f';
    String s = format(v, fmt, -1);
    if (fmt == 'e') {
      // encoding/json trims "e-07" to "e-7".
      int n = s.length();
      if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
        s = s.substring(0, n - 2) + s.charAt(n - 1);
      }
    }
    return s;
  }

  /**
   * Formats like strconv.FormatFloat(v, fmt, prec, 64).
   *
   * @param fmt one of 'e', 'E', 'f', 'F', 'g', 'G', 'x', 'X'
   * @param prec digits after the point (e, f, x) or significant digits (g); -1 for shortest
   */
  public static String format(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    // Go keeps the sign of negative zero, so the raw sign bit decides.
    String sign = Double.doubleToRawLongBits(v) < 0 ? "-" : "";
    double abs = Math.abs(v);
    char lower = Character.toLowerCase(fmt);
    boolean upper = lower != fmt;
    String body;
    if (lower == 'x') {
      body = hex(abs, prec, upper);
    } else if (prec < 0) {
      body = shortestForm(digits(shortestDecimal(abs)), lower, upper);
    } else {
      body = precise(new BigDecimal(abs), lower, upper, prec);
    }
    return sign + body;
  }

  private static String shortestForm(Digits digs, char fmt, boolean upper) {
    if (fmt == 'e') {
      return expForm(digs, Math.max(digs.count() - 1, 0), upper);
    }
    if (fmt == 'f') {
      return fixedForm(digs, Math.max(digs.count() - digs.point(), 0));
    }
    if (digs.count() == 0) {
      return "0";
    }
    // Shortest %g always decides between the two forms with an exponent threshold of 6.
    int exp = digs.point() - 1;
    if (exp < -4 || exp >= 6) {
      return expForm(digs, digs.count() - 1, upper);
    }
    return fixedForm(digs, Math.max(digs.count() - digs.point(), 0));
  }

  private static String precise(BigDecimal abs, char fmt, boolean upper, int prec) {
    if (fmt == 'e') {
      return expForm(digits(round(abs, prec + 1)), prec, upper);
    }
    if (fmt == 'f') {
      return fixedForm(digits(abs.setScale(prec, RoundingMode.HALF_EVEN)), prec);
    }
    int p = prec == 0 ? 1 : prec;
    Digits digs = digits(round(abs, p));
    int eprec = p;
    if (eprec > digs.count() && digs.count() >= digs.point()) {
      eprec = digs.count();
    }
    int exp = digs.point() - 1;
    if (digs.count() != 0 && (exp < -4 || exp >= eprec)) {
      return expForm(digs, Math.min(p, digs.count()) - 1, upper);
    }
    return fixedForm(digs, Math.max(Math.min(p, digs.count()) - digs.point(), 0));
  }

  private static BigDecimal round(BigDecimal abs, int significant) {
    return abs.signum() == 0
        ? abs
        : abs.round(new MathContext(significant, RoundingMode.HALF_EVEN));
  }

  /** The fewest significant digits that still parse back to the same double, as Go picks. */
  private static BigDecimal shortestDecimal(double abs) {
    if (abs == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(abs);
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

  private static String expForm(Digits digs, int prec, boolean upper) {
    StringBuilder sb = new StringBuilder();
    sb.append(digs.count() == 0 ? '0' : digs.d().charAt(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(i < digs.count() ? digs.d().charAt(i) : '0');
      }
    }
    int exp = digs.count() == 0 ? 0 : digs.point() - 1;
    sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
    int absExp = Math.abs(exp);
    return sb.append(absExp < 10 ? "0" : "").append(absExp).toString();
  }

  private static String fixedForm(Digits digs, int prec) {
    StringBuilder sb = new StringBuilder();
    if (digs.point() > 0) {
      for (int i = 0; i < digs.point(); i++) {
        sb.append(i < digs.count() ? digs.d().charAt(i) : '0');
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        int j = digs.point() + i;
        sb.append(j >= 0 && j < digs.count() ? digs.d().charAt(j) : '0');
      }
    }
    return sb.toString();
  }

  /** Go's %x for floats: 0x1.hhhp±dd with the mantissa normalised to a leading 1. */
  private static String hex(double abs, int prec, boolean upper) {
    long bits = Double.doubleToRawLongBits(abs);
    long mant = bits & ((1L << 52) - 1);
    int exp = (int) (bits >>> 52);
    if (exp == 0 && mant != 0) {
      // Subnormals are shifted up so the printed mantissa still starts with 1.
      exp = -1022;
      while ((mant & (1L << 52)) == 0) {
        mant <<= 1;
        exp--;
      }
      mant &= (1L << 52) - 1;
    } else if (exp != 0) {
      exp -= 1023;
    }
    int lead = abs == 0 ? 0 : 1;
    String s;
    if (prec < 0) {
      String digits = String.format(Locale.ROOT, "%013x", mant).replaceAll("0+$", "");
      s = hexText(lead, digits, exp);
    } else {
      s =
          roundedHex(
              BigInteger.valueOf(lead).shiftLeft(52).or(BigInteger.valueOf(mant)), prec, exp);
    }
    return upper ? s.toUpperCase(Locale.ROOT) : s;
  }

  /** Rounds the 53-bit significand to {@code prec} hex digits, half to even, carrying upwards. */
  private static String roundedHex(BigInteger full, int prec, int exp) {
    int drop = 52 - 4 * prec;
    if (drop <= 0) {
      String frac = pad(full.clearBit(52).toString(16), 13) + "0".repeat(-drop / 4);
      return hexText(full.testBit(52) ? 1 : 0, frac, exp);
    }
    BigInteger[] qr = full.divideAndRemainder(BigInteger.ONE.shiftLeft(drop));
    int cmp = qr[1].shiftLeft(1).compareTo(BigInteger.ONE.shiftLeft(drop));
    BigInteger kept = qr[0];
    if (cmp > 0 || (cmp == 0 && kept.testBit(0))) {
      kept = kept.add(BigInteger.ONE);
    }
    if (kept.bitLength() > 1 + 4 * prec) {
      kept = kept.shiftRight(1);
      exp++;
    }
    int lead = kept.shiftRight(4 * prec).intValue();
    BigInteger frac = kept.subtract(BigInteger.valueOf(lead).shiftLeft(4 * prec));
    return hexText(lead, prec == 0 ? "" : pad(frac.toString(16), prec), exp);
  }

  private static String hexText(int lead, String digits, int exp) {
    String mantissa = lead + (digits.isEmpty() ? "" : "." + digits);
    return "0x"
        + mantissa
        + "p"
        + (exp < 0 ? "-" : "+")
        + (Math.abs(exp) < 10 ? "0" : "")
        + Math.abs(exp);
  }

  private static String pad(String hexDigits, int width) {
    return "0".repeat(Math.max(0, width - hexDigits.length())) + hexDigits;
  }
}
