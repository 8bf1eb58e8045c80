package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocmj.policy.rego.RegoValue.RArray;
import io.ocmj.policy.rego.RegoValue.RNumber;
import io.ocmj.policy.rego.RegoValue.RObject;
import io.ocmj.policy.rego.RegoValue.RString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host builtins by the names OPA's Wasm {@code builtins} export uses ("sprintf",
 * "units.parse_bytes", ...), each checking operand types the way OPA's topdown does.
 */
public final class RegoBuiltins {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern ZERO_FRACTION = Pattern.compile("(-?[0-9]+)(?:\\.0*)?");
  private static final Map<String, RegoBuiltin> BUILTINS = registry();

  private RegoBuiltins() {}

  /** The implementation of a builtin, if this library provides it. */
  public static Optional<RegoBuiltin> get(String name) {
    return Optional.ofNullable(BUILTINS.get(name));
  }

  /** Names of all provided builtins. */
  public static Set<String> names() {
    return BUILTINS.keySet();
  }

  private static Map<String, RegoBuiltin> registry() {
    Map<String, RegoBuiltin> m = new LinkedHashMap<>();
    m.put("sprintf", RegoBuiltins::sprintf);
    m.put(RegoStrings.ANY_PREFIX, a -> bool(RegoStrings.anyPrefixMatch(value(a, 0), value(a, 1))));
    m.put(RegoStrings.ANY_SUFFIX, a -> bool(RegoStrings.anySuffixMatch(value(a, 0), value(a, 1))));
    m.put(
        "strings.count",
        a ->
            NODES.numberNode(
                RegoStrings.count(str("strings.count", a, 0), str("strings.count", a, 1))));
    m.put("object.keys", RegoBuiltins::objectKeys);
    m.put(
        RegoUnits.PARSE_BYTES,
        a -> RegoUnits.parseBytes(str(RegoUnits.PARSE_BYTES, a, 0)).toJson());
    m.put(RegoUnits.PARSE, a -> RegoUnits.parse(str(RegoUnits.PARSE, a, 0)).toJson());
    m.put(
        RegoRegex.REPLACE,
        a ->
            NODES.textNode(
                RegoRegex.replace(
                    str(RegoRegex.REPLACE, a, 0),
                    str(RegoRegex.REPLACE, a, 1),
                    str(RegoRegex.REPLACE, a, 2))));
    m.put(
        RegoRegex.SPLIT,
        a -> strings(RegoRegex.split(str(RegoRegex.SPLIT, a, 0), str(RegoRegex.SPLIT, a, 1))));
    m.put(RegoRegex.FIND_N, RegoBuiltins::findN);
    return Map.copyOf(m);
  }

  private static JsonNode sprintf(List<JsonNode> args) {
    String format = str("sprintf", args, 0);
    RegoValue operands = value(args, 1);
    if (!(operands instanceof RArray array)) {
      throw RegoBuiltinException.operand("sprintf", 2, operands.typeName(), "array");
    }
    return NODES.textNode(GoSprintf.sprintf(format, array.items()));
  }

  private static JsonNode objectKeys(List<JsonNode> args) {
    RegoValue v = value(args, 0);
    if (!(v instanceof RObject o)) {
      throw RegoBuiltinException.operand("object.keys", 1, v.typeName(), "object");
    }
    return RegoStrings.objectKeys(o).toJson();
  }

  private static JsonNode findN(List<JsonNode> args) {
    String pattern = str(RegoRegex.FIND_N, args, 0);
    String s = str(RegoRegex.FIND_N, args, 1);
    RegoValue n = value(args, 2);
    if (!(n instanceof RNumber number)) {
      throw RegoBuiltinException.operand(RegoRegex.FIND_N, 3, n.typeName(), "number");
    }
    return strings(RegoRegex.findN(pattern, s, intOperand(number)));
  }

  /** OPA's IntOperand: an int64 literal, also when written with a zero fraction ("2.0"). */
  private static long intOperand(RNumber number) {
    Matcher m = ZERO_FRACTION.matcher(number.text());
    try {
      if (m.matches()) {
        return Long.parseLong(m.group(1));
      }
    } catch (NumberFormatException e) {
      // Out of int64 range: OPA reports it like any other non-integer.
    }
    throw RegoBuiltinException.operand(
        RegoRegex.FIND_N, 3, "floating-point number", "integer number");
  }

  private static RegoValue value(List<JsonNode> args, int index) {
    return RegoValue.fromJson(args.get(index));
  }

  private static String str(String builtin, List<JsonNode> args, int index) {
    RegoValue v = value(args, index);
    if (v instanceof RString s) {
      return s.value();
    }
    throw RegoBuiltinException.operand(builtin, index + 1, v.typeName(), "string");
  }

  private static JsonNode bool(boolean b) {
    return NODES.booleanNode(b);
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode node = NODES.arrayNode();
    values.forEach(node::add);
    return node;
  }
}
