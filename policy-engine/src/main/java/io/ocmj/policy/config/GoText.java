package io.ocmj.policy.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Go's {@code fmt.Sprint} text of a JSON-shaped value, which OCM compares scalars by. */
final class GoText {
  private GoText() {}

  static String of(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if ((value instanceof Double d0 && (d0.isNaN() || d0.isInfinite()))
        || (value instanceof Float f0 && (f0.isNaN() || f0.isInfinite()))) {
      return value.toString();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal d = new BigDecimal(value.toString());
      return d.stripTrailingZeros().scale() <= 0
          ? d.toBigInteger().toString()
          : d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      return sorted.entrySet().stream()
          .map(e -> e.getKey() + ":" + of(e.getValue()))
          .collect(Collectors.joining(" ", "map[", "]"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GoText::of).collect(Collectors.joining(" ", "[", "]"));
    }
    return value.toString();
  }
}
