package io.ocmj.policy.rego;

import io.ocmj.policy.rego.RegoValue.RNumber;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/** {@code units.parse_bytes} and {@code units.parse} with OPA's parsing, rounding and errors. */
public final class RegoUnits {
  static final String PARSE_BYTES = "units.parse_bytes";
  static final String PARSE = "units.parse";
  private static final int MAX_EXPONENT_DIGITS = 6;

  private static final Map<String, BigInteger> BYTE_UNITS =
      Map.ofEntries(
          Map.entry("", BigInteger.ONE),
          Map.entry("kb", pow(1000, 1)),
          Map.entry("k", pow(1000, 1)),
          Map.entry("kib", pow(1024, 1)),
          Map.entry("ki", pow(1024, 1)),
          Map.entry("mb", pow(1000, 2)),
          Map.entry("m", pow(1000, 2)),
          Map.entry("mib", pow(1024, 2)),
          Map.entry("mi", pow(1024, 2)),
          Map.entry("gb", pow(1000, 3)),
          Map.entry("g", pow(1000, 3)),
          Map.entry("gib", pow(1024, 3)),
          Map.entry("gi", pow(1024, 3)),
          Map.entry("tb", pow(1000, 4)),
          Map.entry("t", pow(1000, 4)),
          Map.entry("tib", pow(1024, 4)),
          Map.entry("ti", pow(1024, 4)),
          Map.entry("pb", pow(1000, 5)),
          Map.entry("p", pow(1000, 5)),
          Map.entry("pib", pow(1024, 5)),
          Map.entry("pi", pow(1024, 5)),
          Map.entry("eb", pow(1000, 6)),
          Map.entry("e", pow(1000, 6)),
          Map.entry("eib", pow(1024, 6)),
          Map.entry("ei", pow(1024, 6)));

  /** Units of units.parse, after its lower-casing of all but the first letter. */
  private static final Map<String, BigDecimal> SI_UNITS =
      Map.ofEntries(
          // OPA multiplies by the float64 0.001, whose exact binary value makes 1000m non-integral.
          Map.entry("m", new BigDecimal(0.001)),
          Map.entry("", BigDecimal.ONE),
          Map.entry("k", dec(1000, 1)),
          Map.entry("K", dec(1000, 1)),
          Map.entry("ki", dec(1024, 1)),
          Map.entry("Ki", dec(1024, 1)),
          Map.entry("M", dec(1000, 2)),
          Map.entry("mi", dec(1024, 2)),
          Map.entry("Mi", dec(1024, 2)),
          Map.entry("g", dec(1000, 3)),
          Map.entry("G", dec(1000, 3)),
          Map.entry("gi", dec(1024, 3)),
          Map.entry("Gi", dec(1024, 3)),
          Map.entry("t", dec(1000, 4)),
          Map.entry("T", dec(1000, 4)),
          Map.entry("ti", dec(1024, 4)),
          Map.entry("Ti", dec(1024, 4)),
          Map.entry("p", dec(1000, 5)),
          Map.entry("P", dec(1000, 5)),
          Map.entry("pi", dec(1024, 5)),
          Map.entry("Pi", dec(1024, 5)),
          Map.entry("e", dec(1000, 6)),
          Map.entry("E", dec(1000, 6)),
          Map.entry("ei", dec(1024, 6)),
          Map.entry("Ei", dec(1024, 6)));

  private RegoUnits() {}

  /**
   * {@code units.parse_bytes}: "10KB", "1.5Gi", "1e3" etc. to an integer byte count; units are
   * case-insensitive, the amount is a 64-bit big.Float and the product is truncated.
   */
  public static RNumber parseBytes(String raw) {
    String s = raw.toLowerCase(Locale.ROOT).replace("\"", "");
    String[] parts = split(PARSE_BYTES, s);
    if (parts[0].isEmpty()) {
      throw RegoBuiltinException.failure(PARSE_BYTES, "no byte amount provided");
    }
    BigInteger unit = BYTE_UNITS.get(parts[1]);
    if (unit == null) {
      throw RegoBuiltinException.failure(PARSE_BYTES, "byte unit " + parts[1] + " not recognized");
    }
    GoBigFloat.Value amount = GoBigFloat.parse(parts[0]);
    if (amount == null) {
      throw RegoBuiltinException.failure(PARSE_BYTES, "could not parse byte amount to a number");
    }
    return RNumber.of(GoBigFloat.truncate(GoBigFloat.multiply(amount, unit)));
  }

  /**
   * {@code units.parse}: SI and binary SI units ("m" is milli, "M" mega); exact arithmetic, an
   * integer when the result is whole and otherwise ten decimals, as OPA prints big.Rat values.
   */
  public static RNumber parse(String raw) {
    String s = raw.replace("\"", "");
    String[] parts = split(PARSE, s);
    if (parts[0].isEmpty()) {
      throw RegoBuiltinException.failure(PARSE, "no amount provided");
    }
    String unit = parts[1];
    if (unit.length() > 1) {
      unit = unit.substring(0, 1) + unit.substring(1).toLowerCase(Locale.ROOT);
    }
    BigDecimal factor = SI_UNITS.get(unit);
    if (factor == null) {
      throw RegoBuiltinException.failure(PARSE, "unit " + unit + " not recognized");
    }
    if (GoBigFloat.parse(parts[0]) == null) {
      throw RegoBuiltinException.failure(PARSE, "could not parse amount to a number");
    }
    BigDecimal value = new BigDecimal(parts[0]).multiply(factor);
    if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
      return RNumber.of(value.toBigInteger());
    }
    // big.Rat.FloatString(10) rounds halves away from zero and keeps the sign of tiny negatives.
    String digits = value.abs().setScale(10, RoundingMode.HALF_UP).toPlainString();
    return new RNumber(value.signum() < 0 ? "-" + digits : digits);
  }

  /** OPA's extractNumAndUnit, also rejecting spaces first as both builtins do. */
  private static String[] split(String builtin, String s) {
    if (s.contains(" ")) {
      throw RegoBuiltinException.failure(builtin, "spaces not allowed in resource strings");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean numeric = c >= '0' && c <= '9' || c == '.' || c == '+' || c == '-';
      if (c == 'e' || c == 'E') {
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        if (!(next >= '0' && next <= '9' || next == '+' || next == '-')) {
          return new String[] {s.substring(0, i), s.substring(i)};
        }
        int start = next == '+' || next == '-' ? i + 2 : i + 1;
        int end = start;
        while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
          end++;
        }
        if (end - start > MAX_EXPONENT_DIGITS) {
          throw RegoBuiltinException.failure(builtin, "exponent too large");
        }
        i = start - 1;
      } else if (!numeric) {
        return new String[] {s.substring(0, i), s.substring(i)};
      }
    }
    return new String[] {s, ""};
  }

  private static BigInteger pow(int base, int n) {
    return BigInteger.valueOf(base).pow(n);
  }

  private static BigDecimal dec(int base, int n) {
    return new BigDecimal(pow(base, n));
  }
}
