package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocmj.policy.gofmt.GoQuote;
import io.ocmj.policy.gofmt.GoQuote.LoneSurrogates;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A Rego value (null, boolean, number, string, array, object or set) whose {@link #toString()} is
 * OPA's Rego syntax ({@code ast.Term.String()}) and whose order is OPA's {@code ast.Compare}.
 */
public sealed interface RegoValue extends Comparable<RegoValue>
    permits RegoValue.RNull,
        RegoValue.RBool,
        RegoValue.RNumber,
        RegoValue.RString,
        RegoValue.RArray,
        RegoValue.RObject,
        RegoValue.RSet {

  /** The JSON types OPA reports in type errors ("number", "array", ...). */
  String typeName();

  @Override
  default int compareTo(RegoValue other) {
    return RegoOrder.compare(this, other);
  }

  /** Converts a Jackson tree; arrays stay arrays because JSON cannot tell sets apart. */
  static RegoValue fromJson(JsonNode node) {
    return RegoJson.fromNode(node);
  }

  /** Converts back to JSON the way OPA serialises values: sets become sorted arrays. */
  default JsonNode toJson() {
    return RegoJson.toNode(this);
  }

  /** Rego's {@code null}. */
  record RNull() implements RegoValue {
    public static final RNull INSTANCE = new RNull();

    @Override
    public String typeName() {
      return "null";
    }

    @Override
    public String toString() {
      return "null";
    }
  }

  /** A boolean. */
  record RBool(boolean value) implements RegoValue {
    public static final RBool TRUE = new RBool(true);
    public static final RBool FALSE = new RBool(false);

    public static RBool of(boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override
    public String typeName() {
      return "boolean";
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * A number kept as its JSON literal, because OPA prints numbers inside composites verbatim
   * ({@code [1.0, 1e6]}) while top-level sprintf operands are reinterpreted as int64 or float64.
   */
  record RNumber(String text) implements RegoValue {
    private static final Pattern JSON_NUMBER =
        Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    public RNumber {
      if (!JSON_NUMBER.matcher(text).matches()) {
        throw new IllegalArgumentException("not a JSON number: " + text);
      }
    }

    public static RNumber of(long value) {
      return new RNumber(Long.toString(value));
    }

    public static RNumber of(BigInteger value) {
      return new RNumber(value.toString());
    }

    /** Plain notation, so that no exponent appears where OPA would print digits. */
    public static RNumber of(BigDecimal value) {
      return new RNumber(value.toPlainString());
    }

    /** True for literals without fraction or exponent, which OPA can treat as integers. */
    public boolean isIntegerLiteral() {
      return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    }

    /** The exact value; literals such as 1e400 that overflow a double are still exact here. */
    public BigDecimal decimal() {
      return new BigDecimal(text);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RNumber n && decimal().compareTo(n.decimal()) == 0;
    }

    @Override
    public int hashCode() {
      BigDecimal d = decimal();
      return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
    }

    @Override
    public String typeName() {
      return "number";
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A string; inside composites it prints Go-quoted. */
  record RString(String value) implements RegoValue {
    @Override
    public String typeName() {
      return "string";
    }

    @Override
    public String toString() {
      return GoQuote.quote(value, LoneSurrogates.REPLACE);
    }
  }

  /** An array. */
  record RArray(List<RegoValue> items) implements RegoValue {
    public RArray {
      items = List.copyOf(items);
    }

    @Override
    public String typeName() {
      return "array";
    }

    @Override
    public String toString() {
      return RegoOrder.join("[", items, "]");
    }
  }

  /** An object; entries are kept in OPA's key order, which is also how OPA prints them. */
  record RObject(NavigableMap<RegoValue, RegoValue> entries) implements RegoValue {
    public RObject {
      entries = Collections.unmodifiableNavigableMap(new TreeMap<>(entries));
    }

    public static RObject of(Map<? extends RegoValue, ? extends RegoValue> map) {
      return new RObject(new TreeMap<>(map));
    }

    @Override
    public String typeName() {
      return "object";
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      entries.forEach((k, v) -> parts.add(k + ": " + v));
      return "{" + String.join(", ", parts) + "}";
    }
  }

  /** A set, sorted in OPA's order; the first of several equal members is the one kept. */
  record RSet(NavigableSet<RegoValue> members) implements RegoValue {
    public RSet {
      members = Collections.unmodifiableNavigableSet(new TreeSet<>(members));
    }

    public static RSet of(Collection<? extends RegoValue> values) {
      TreeSet<RegoValue> set = new TreeSet<>();
      for (RegoValue v : values) {
        set.add(v);
      }
      return new RSet(set);
    }

    @Override
    public String typeName() {
      return "set";
    }

    @Override
    public String toString() {
      return members.isEmpty() ? "set()" : RegoOrder.join("{", members, "}");
    }
  }
}
