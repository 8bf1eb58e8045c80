package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.styra.opa.wasm.OpaBuiltin;
import com.styra.opa.wasm.OpaWasm;
import com.styra.opa.wasm.builtins.Provided;
import io.ocmj.policy.rego.RegoValue.RArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The host builtins handed to opa-java-wasm: ours ({@link RegoBuiltins}, formatting as Go OPA does)
 * and the SDK's own for everything else. The SDK's default builtins are switched off because they
 * would shadow ours (its {@code sprintf} prints composites as JSON). Operands are read with the
 * module's {@code opa_value_dump}, so {@code sprintf} sees sets as sets.
 */
final class WasmBuiltins {
  private static final Map<String, Integer> ARITY =
      Map.of(
          "sprintf",
          2,
          RegoStrings.ANY_PREFIX,
          2,
          RegoStrings.ANY_SUFFIX,
          2,
          "strings.count",
          2,
          "object.keys",
          1,
          RegoUnits.PARSE_BYTES,
          1,
          RegoUnits.PARSE,
          1,
          RegoRegex.REPLACE,
          3,
          RegoRegex.SPLIT,
          2,
          RegoRegex.FIND_N,
          3);

  private WasmBuiltins() {}

  static OpaBuiltin.Builtin[] all() {
    List<OpaBuiltin.Builtin> builtins = new ArrayList<>();
    for (OpaBuiltin.Builtin provided : Provided.all()) {
      if (!ARITY.containsKey(provided.name())) {
        builtins.add(provided);
      }
    }
    ARITY.forEach((name, arity) -> builtins.add(ours(name, arity)));
    return builtins.toArray(OpaBuiltin.Builtin[]::new);
  }

  private static OpaBuiltin.Builtin ours(String name, int arity) {
    return switch (arity) {
      case 1 -> new OpaBuiltin.Builtin1(name, (wasm, a) -> call(wasm, name, a));
      case 2 -> new OpaBuiltin.Builtin2(name, (wasm, a, b) -> call(wasm, name, a, b));
      default -> new OpaBuiltin.Builtin3(name, (wasm, a, b, c) -> call(wasm, name, a, b, c));
    };
  }

  private static int call(OpaWasm wasm, String name, int... addresses) {
    List<RegoValue> values = Arrays.stream(addresses).mapToObj(a -> dump(wasm, a)).toList();
    JsonNode result;
    if (name.equals("sprintf")) {
      result = sprintf(values);
    } else {
      result =
          RegoBuiltins.get(name)
              .orElseThrow()
              .apply(values.stream().map(RegoJson::toNode).toList());
    }
    return wasm.writeResult(result.toString());
  }

  /** sprintf over Rego values, so that a set operand prints as a set ({@code {"a"}}). */
  private static JsonNode sprintf(List<RegoValue> values) {
    if (!(values.get(0) instanceof RegoValue.RString format)) {
      throw RegoBuiltinException.operand("sprintf", 1, values.get(0).typeName(), "string");
    }
    if (!(values.get(1) instanceof RArray operands)) {
      throw RegoBuiltinException.operand("sprintf", 2, values.get(1).typeName(), "array");
    }
    return JsonNodeFactory.instance.textNode(GoSprintf.sprintf(format.value(), operands.items()));
  }

  private static RegoValue dump(OpaWasm wasm, int address) {
    int text = wasm.exports().opaValueDump(address);
    try {
      return RegoText.parse(wasm.memory().readCString(text));
    } finally {
      wasm.exports().opaFree(text);
    }
  }
}
