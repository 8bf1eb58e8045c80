package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoFloat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders values the way Go's fmt package prints interface values ({@code %v}). */
final class GoFormat {
  /** Cyclic structures (possible via sprig "set") must not overflow the stack. */
  private static final int MAX_DEPTH = 100;

  private GoFormat() {}

  /** fmt.Sprint of one value ({@code %v}). */
  static String value(Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v, 0);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v, int depth) {
    if (depth > MAX_DEPTH) {
      sb.append("...");
    } else if (v == null) {
      sb.append("<nil>");
    } else if (v instanceof String) {
      sb.append((String) v);
    } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      sb.append(GoFloat.shortest(((Number) v).doubleValue()));
    } else if (v instanceof Map) {
      sb.append("map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : sortedEntries((Map<?, ?>) v).entrySet()) {
        sb.append(first ? "" : " ").append(e.getKey()).append(':');
        append(sb, e.getValue(), depth + 1);
        first = false;
      }
      sb.append(']');
    } else if (v instanceof List) {
      sb.append('[');
      List<?> list = (List<?>) v;
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : " ");
        append(sb, list.get(i), depth + 1);
      }
      sb.append(']');
    } else if (v instanceof TemplateContext) {
      sb.append('{');
      boolean first = true;
      for (Object field : ((TemplateContext) v).fields().values()) {
        sb.append(first ? "" : " ");
        append(sb, field, depth + 1);
        first = false;
      }
      sb.append('}');
    } else {
      sb.append(v);
    }
  }

  /** Map entries ordered like Go's fmt and encoders: by key string. */
  static Map<String, Object> sortedEntries(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      sorted.put(String.valueOf(e.getKey()), e.getValue());
    }
    return sorted;
  }

  /** fmt.Sprint: spaces are added between operands when neither is a string. */
  static String sprint(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      if (i > 0 && !(arg instanceof String) && !(args.get(i - 1) instanceof String)) {
        sb.append(' ');
      }
      sb.append(value(arg));
    }
    return sb.toString();
  }

  /** fmt.Sprintln: operands are always separated by spaces and a newline is appended. */
  static String sprintln(List<Object> args) {
    List<String> parts = new ArrayList<>();
    for (Object arg : args) {
      parts.add(value(arg));
    }
    return String.join(" ", parts) + "\n";
  }

  /** How the template engine prints an action's value: nil becomes {@code <no value>}. */
  static String printed(Object v) {
    return v == null ? "<no value>" : value(v);
  }
}
