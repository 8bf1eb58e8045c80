package io.ocmj.policy.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Helpers interpreting the Java data model with Go semantics (truth, types, comparison). */
final class Values {
  private Values() {}

  static boolean isInt(Object v) {
    return v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte
        || v instanceof BigInteger;
  }

  static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
  }

  static boolean isNumber(Object v) {
    return isInt(v) || isFloat(v);
  }

  /** Go's truth: false, 0, nil and empty string/list/map are false. */
  static boolean isTrue(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      return !((String) v).isEmpty();
    }
    if (v instanceof List) {
      return !((List<?>) v).isEmpty();
    }
    if (v instanceof Map) {
      return !((Map<?, ?>) v).isEmpty();
    }
    if (isNumber(v)) {
      return ((Number) v).doubleValue() != 0;
    }
    return true;
  }

  /** The Go type name of a value, used in error messages. */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (isInt(v)) {
      return v instanceof BigInteger ? "int64" : "int";
    }
    if (isFloat(v)) {
      return "float64";
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    if (v instanceof List) {
      return "[]interface {}";
    }
    if (v instanceof TemplateContext) {
      return TemplateContext.GO_TYPE;
    }
    if (v instanceof TemplateFunction) {
      return "func";
    }
    return v.getClass().getSimpleName();
  }

  /** Parses a Go number literal into a Long or Double; returns null if malformed. */
  static Object parseNumberLiteral(String text) {
    String s = text.replace("_", "");
    if (s.endsWith("i")) {
      return null;
    }
    boolean hex = s.matches("[+-]?0[xX].*");
    boolean floaty = hex ? s.matches(".*[pP].*") : s.matches(".*[.eE].*");
    if (!floaty) {
      return parseGoInt(s);
    }
    try {
      String javaText = hex && !s.contains(".") ? s.replaceFirst("([pP])", ".0$1") : s;
      return Double.parseDouble(javaText);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Parses an integer like strconv.ParseInt(s, 0, 64); returns null on failure. */
  static Long parseGoInt(String text) {
    String s = text;
    boolean negative = false;
    if (s.startsWith("+") || s.startsWith("-")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    int radix = 10;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
      radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
      s = s.substring(2);
    } else if (s.length() > 1 && s.startsWith("0")) {
      radix = 8;
      s = s.substring(1);
    }
    if (s.isEmpty() || s.startsWith("+") || s.startsWith("-")) {
      return null;
    }
    try {
      BigInteger value = new BigInteger(s, radix);
      value = negative ? value.negate() : value;
      return value.bitLength() < 64 ? value.longValue() : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Converts like spf13/cast ToInt64: lenient, 0 when not convertible. */
  static long toInt64(Object v) {
    if (v == null) {
      return 0;
    }
    if (isInt(v)) {
      return ((Number) v).longValue();
    }
    if (isFloat(v)) {
      return (long) ((Number) v).doubleValue();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      if (s.matches("[+-]?\\d+\\.0*")) {
        s = s.substring(0, s.indexOf('.'));
      }
      Long parsed = parseGoInt(s);
      return parsed == null ? 0 : parsed;
    }
    return 0;
  }

  /** Converts like spf13/cast ToFloat64: lenient, 0 when not convertible. */
  static double toFloat64(Object v) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    if (v instanceof String) {
      try {
        String s = ((String) v).trim();
        return s.matches("[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|Inf|NaN)")
            ? Double.parseDouble(s.replace("Inf", "Infinity"))
            : 0;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** Sprig's notion of emptiness (nil, zero, "", false, empty collections). */
  static boolean isEmpty(Object v) {
    return !isTrue(v) && !(v instanceof TemplateContext);
  }

  /** reflect.DeepEqual-like equality that treats all integer types alike. */
  static boolean deepEquals(Object a, Object b) {
    if (isInt(a) && isInt(b)) {
      return toBig(a).equals(toBig(b));
    }
    if (isFloat(a) && isFloat(b)) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof List && b instanceof List) {
      List<?> la = (List<?>) a;
      List<?> lb = (List<?>) b;
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!deepEquals(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> ma = (Map<?, ?>) a;
      Map<?, ?> mb = (Map<?, ?>) b;
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        if (!mb.containsKey(e.getKey()) || !deepEquals(e.getValue(), mb.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  private static BigInteger toBig(Object v) {
    return v instanceof BigInteger ? (BigInteger) v : BigInteger.valueOf(((Number) v).longValue());
  }

  /** Go's eq for a pair of basic values; numbers compare numerically across int and float. */
  static boolean basicEquals(Object a, Object b) throws TemplateException {
    if (a == null || b == null) {
      return a == b;
    }
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b) == 0;
    }
    if (a instanceof List || a instanceof Map || b instanceof List || b instanceof Map) {
      Object bad = a instanceof List || a instanceof Map ? a : b;
      throw new TemplateException("non-comparable type " + typeName(bad));
    }
    if (a.getClass() != b.getClass() && !(a instanceof String && b instanceof String)) {
      throw new TemplateException("incompatible types for comparison");
    }
    return a.equals(b);
  }

  /** Go's lt/le/gt/ge ordering: numbers numerically, strings lexically (by UTF-16 order). */
  static int compare(Object a, Object b) throws TemplateException {
    if (a == null || b == null || a instanceof Boolean || b instanceof Boolean) {
      throw new TemplateException("invalid type for comparison");
    }
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof String && b instanceof String) {
      return ((String) a).compareTo((String) b);
    }
    if (isNumber(a) || a instanceof String) {
      if (isNumber(b) || b instanceof String) {
        throw new TemplateException("incompatible types for comparison");
      }
    }
    throw new TemplateException("invalid type for comparison");
  }

  private static int compareNumbers(Object a, Object b) {
    if (isInt(a) && isInt(b)) {
      return toBig(a).compareTo(toBig(b));
    }
    return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
  }
}
