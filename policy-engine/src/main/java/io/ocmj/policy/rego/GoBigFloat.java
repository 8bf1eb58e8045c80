package io.ocmj.policy.rego;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of Go's math/big.Float that units.parse_bytes relies on: parsing at 64-bit precision
 * and multiplying with round-half-even, so results such as {@code 99999999999999999999} rounding to
 * {@code 100000000000000000000} come out as in OPA.
 */
final class GoBigFloat {
  static final int PREC = 64;
  private static final Pattern SYNTAX =
      Pattern.compile("([+-]?)([0-9]*)(?:\\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?");
  private static final int POW5_EXACT = 27;

  /** A non-negative value {@code mant × 2^exp} and a sign. */
  record Value(boolean negative, BigInteger mant, long exp) {}

  private GoBigFloat() {}

  /** big.Float.SetString at 64-bit precision; null where Go reports a syntax error. */
  static Value parse(String s) {
    Matcher m = SYNTAX.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String intPart = m.group(2);
    String frac = m.group(3) == null ? "" : m.group(3);
    if (intPart.isEmpty() && frac.isEmpty()) {
      return null;
    }
    boolean negative = "-".equals(m.group(1));
    BigInteger mant = new BigInteger(intPart + frac);
    long exp10 = (m.group(4) == null ? 0 : Long.parseLong(m.group(4))) - frac.length();
    if (mant.signum() == 0) {
      return new Value(negative, BigInteger.ZERO, 0);
    }
    // Go scales the exact digit mantissa by a (possibly rounded) power of five, then rounds once.
    Value r;
    if (exp10 == 0) {
      r = round(mant, BigInteger.ONE, 0, PREC);
    } else if (exp10 > 0) {
      Value p = pow5(exp10);
      r = round(mant.multiply(p.mant()), BigInteger.ONE, p.exp(), PREC);
    } else {
      Value p = pow5(-exp10);
      r = round(mant, p.mant(), -p.exp(), PREC);
    }
    return new Value(negative, r.mant(), r.exp() + exp10);
  }

  /** Multiplies by an exact integer and rounds to 64 bits, like Float.Mul. */
  static Value multiply(Value v, BigInteger factor) {
    Value r = round(v.mant().multiply(factor), BigInteger.ONE, v.exp(), PREC);
    return new Value(v.negative(), r.mant(), r.exp());
  }

  /** Float.Int: truncation toward zero. */
  static BigInteger truncate(Value v) {
    BigInteger abs =
        v.exp() >= 0 ? v.mant().shiftLeft((int) v.exp()) : v.mant().shiftRight((int) -v.exp());
    return v.negative() ? abs.negate() : abs;
  }

  /** Float.pow5: exact up to 5^27, then repeated squaring at 128 and 192 bits. */
  private static Value pow5(long n) {
    if (n <= POW5_EXACT) {
      return new Value(false, BigInteger.valueOf(5).pow((int) n), 0);
    }
    Value z = new Value(false, BigInteger.valueOf(5).pow(POW5_EXACT), 0);
    Value f = new Value(false, BigInteger.valueOf(5), 0);
    for (long k = n - POW5_EXACT; k > 0; k >>= 1) {
      if ((k & 1) != 0) {
        z = round(z.mant().multiply(f.mant()), BigInteger.ONE, z.exp() + f.exp(), PREC + 64);
      }
      f = round(f.mant().multiply(f.mant()), BigInteger.ONE, 2 * f.exp(), PREC + 128);
    }
    return z;
  }

  /** Rounds {@code num / den × 2^exp} (both positive) to {@code prec} bits, half to even. */
  static Value round(BigInteger num, BigInteger den, long exp, int prec) {
    int shift = prec + 2 + den.bitLength() - num.bitLength();
    BigInteger[] qr =
        shift >= 0
            ? num.shiftLeft(shift).divideAndRemainder(den)
            : num.divideAndRemainder(den.shiftLeft(-shift));
    BigInteger q = qr[0];
    boolean sticky = qr[1].signum() != 0;
    int extra = q.bitLength() - prec;
    if (extra <= 0) {
      return new Value(false, q, exp - shift);
    }
    BigInteger kept = q.shiftRight(extra);
    boolean half = q.testBit(extra - 1);
    sticky = sticky || q.getLowestSetBit() < extra - 1;
    if (half && (sticky || kept.testBit(0))) {
      kept = kept.add(BigInteger.ONE);
    }
    long e = exp - shift + extra;
    if (kept.bitLength() > prec) {
      kept = kept.shiftRight(1);
      e++;
    }
    return new Value(false, kept, e);
  }
}
