package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocmj.policy.rego.RegoValue.RNumber;
import io.ocmj.policy.rego.RegoValue.RString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * OPA's {@code sprintf} builtin: Go's fmt.Sprintf applied to operands converted the way OPA
 * converts them (int64, *big.Int, float64, string, or the Rego text of any other value).
 */
public final class GoSprintf {
  private GoSprintf() {}

  /** Formats with operands taken from a JSON array, as the Wasm module hands them over. */
  public static String sprintf(String format, JsonNode args) {
    List<RegoValue> values = new ArrayList<>();
    args.forEach(a -> values.add(RegoValue.fromJson(a)));
    return sprintf(format, values);
  }

  /** Formats Rego values; use {@link RegoValue.RSet} for operands known to be sets. */
  public static String sprintf(String format, List<RegoValue> args) {
    List<Object> goArgs = new ArrayList<>(args.size());
    for (RegoValue v : args) {
      goArgs.add(toGo(v));
    }
    return new GoFmt(format, goArgs).run();
  }

  /**
   * OPA's operand conversion: numbers try int64, then big.Int, then float64 (a literal out of
   * float64 range stays its text); strings stay raw; anything else becomes its Rego text.
   */
  static Object toGo(RegoValue v) {
    if (v instanceof RString s) {
      return s.value();
    }
    if (!(v instanceof RNumber n)) {
      return v.toString();
    }
    if (n.isIntegerLiteral()) {
      BigInteger i = new BigInteger(n.text());
      return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }
    double d = Double.parseDouble(n.text());
    return Double.isInfinite(d) ? n.text() : d;
  }
}
