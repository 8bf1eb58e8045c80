package io.ocmj.policy.rego;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocmj.policy.gofmt.GoFloat;
import io.ocmj.policy.rego.RegoValue.RArray;
import io.ocmj.policy.rego.RegoValue.RBool;
import io.ocmj.policy.rego.RegoValue.RNull;
import io.ocmj.policy.rego.RegoValue.RNumber;
import io.ocmj.policy.rego.RegoValue.RObject;
import io.ocmj.policy.rego.RegoValue.RSet;
import io.ocmj.policy.rego.RegoValue.RString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conversions between JSON (text or Jackson trees) and {@link RegoValue}. */
public final class RegoJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RegoJson() {}

  /**
   * Parses JSON text keeping every number literal exactly as written, so {@code 1.0} still prints
   * as {@code 1.0} inside composites, as it would in OPA; prefer this over a Jackson tree.
   */
  public static RegoValue parse(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      RegoValue v = read(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after JSON value");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RegoValue read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      List<RegoValue> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(p));
      }
      return new RArray(items);
    }
    if (t == JsonToken.START_OBJECT) {
      TreeMap<RegoValue, RegoValue> entries = new TreeMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        RString key = new RString(p.currentName());
        p.nextToken();
        entries.put(key, read(p));
      }
      return new RObject(entries);
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return new RNumber(p.getText());
    }
    if (t == JsonToken.VALUE_STRING) {
      return new RString(p.getText());
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return RBool.of(t == JsonToken.VALUE_TRUE);
    }
    if (t == JsonToken.VALUE_NULL) {
      return RNull.INSTANCE;
    }
    throw new IllegalArgumentException("unexpected JSON token " + t);
  }

  /**
   * Converts a Jackson tree. Floating-point nodes lose their literal: a double prints the way Go
   * prints a float64 ({@code 1e+06}), a BigDecimal in plain notation.
   */
  public static RegoValue fromNode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return RNull.INSTANCE;
    }
    if (node.isArray()) {
      List<RegoValue> items = new ArrayList<>();
      node.forEach(item -> items.add(fromNode(item)));
      return new RArray(items);
    }
    if (node.isObject()) {
      TreeMap<RegoValue, RegoValue> entries = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        entries.put(new RString(e.getKey()), fromNode(e.getValue()));
      }
      return new RObject(entries);
    }
    if (node.isIntegralNumber()) {
      return RNumber.of(node.bigIntegerValue());
    }
    if (node.isBigDecimal()) {
      return RNumber.of(node.decimalValue());
    }
    if (node.isNumber()) {
      return floatNumber(node.doubleValue());
    }
    if (node.isBoolean()) {
      return RBool.of(node.booleanValue());
    }
    return new RString(node.asText());
  }

  private static RegoValue floatNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("not a JSON number: " + d);
    }
    // OPA's FloatNumberTerm uses the same strconv 'g' text, e.g. "1e+06", valid JSON as well.
    return new RNumber(GoFloat.format(d, 'g', -1));
  }

  /** Converts to Jackson: sets become sorted arrays and non-string keys their JSON text. */
  public static JsonNode toNode(RegoValue value) {
    if (value instanceof RString s) {
      return NODES.textNode(s.value());
    }
    if (value instanceof RNumber n) {
      return numberNode(n);
    }
    if (value instanceof RBool b) {
      return NODES.booleanNode(b.value());
    }
    if (value instanceof RArray a) {
      return arrayNode(a.items());
    }
    if (value instanceof RSet s) {
      return arrayNode(s.members());
    }
    if (value instanceof RObject o) {
      ObjectNode node = NODES.objectNode();
      for (Map.Entry<RegoValue, RegoValue> e : o.entries().entrySet()) {
        String key = e.getKey() instanceof RString s ? s.value() : toNode(e.getKey()).toString();
        node.set(key, toNode(e.getValue()));
      }
      return node;
    }
    return NODES.nullNode();
  }

  private static JsonNode numberNode(RNumber n) {
    if (n.isIntegerLiteral()) {
      BigInteger i = new BigInteger(n.text());
      return i.bitLength() < 64 ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
    }
    // DecimalNode.valueOf keeps the scale (e.g. 1.5000000000); the factory would strip it.
    return DecimalNode.valueOf(new BigDecimal(n.text()));
  }

  private static ArrayNode arrayNode(Iterable<RegoValue> values) {
    ArrayNode node = NODES.arrayNode();
    for (RegoValue v : values) {
      node.add(toNode(v));
    }
    return node;
  }
}
