package io.ocmj.policy.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OCM's equality of merged and existing values: lists compare order-insensitively, scalars compare
 * as their Go {@code %v} text (so {@code 1} equals {@code "1"}) or as Kubernetes quantities ({@code
 * 1Gi} equals {@code 1024Mi}); with {@code zeroEqualsAbsent} an absent value equals a zero value.
 */
public final class SpecEquality {
  private SpecEquality() {}

  public static boolean equal(Object a, Object b, boolean zeroEqualsAbsent) {
    if (a == null || b == null) {
      return a == b || (zeroEqualsAbsent && isZero(a == null ? b : a));
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      Set<Object> keys = new HashSet<>(x.keySet());
      keys.addAll(y.keySet());
      for (Object key : keys) {
        if (!equal(x.get(key), y.get(key), zeroEqualsAbsent)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      List<Object> left = sorted(x);
      List<Object> right = sorted(y);
      for (int i = 0; i < left.size(); i++) {
        if (!equal(left.get(i), right.get(i), zeroEqualsAbsent)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?>
        || b instanceof Map<?, ?>
        || a instanceof List<?>
        || b instanceof List<?>) {
      return false;
    }
    return scalarEqual(a, b);
  }

  private static List<Object> sorted(List<?> list) {
    List<Object> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(GoText::of));
    return copy;
  }

  static boolean scalarEqual(Object a, Object b) {
    String x = GoText.of(a);
    String y = GoText.of(b);
    if (x.equals(y)) {
      return true;
    }
    BigDecimal qx = Quantities.parse(x);
    BigDecimal qy = Quantities.parse(y);
    return qx != null && qy != null && qx.compareTo(qy) == 0;
  }

  static boolean isZero(Object value) {
    return value == null
        || value.equals("")
        || value.equals(Boolean.FALSE)
        || (value instanceof Number n && n.doubleValue() == 0)
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || (value instanceof List<?> l && l.isEmpty());
  }
}
