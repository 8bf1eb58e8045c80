package io.ocmj.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Results and messages were produced by OPA 1.22.3 with the operands passed through input, e.g.
 * {@code echo '{"x": 1}' | opa eval -I -f raw --strict-builtin-errors 'object.keys(input.x)'}.
 */
class RegoBuiltinsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("sprintf", "[\"%s=%d\", [\"a\", 1]]", "\"a=1\""),
        Arguments.of("strings.any_prefix_match", "[[\"x\", \"abc\"], [\"zz\", \"ab\"]]", "true"),
        Arguments.of("strings.any_suffix_match", "[\"abc\", [\"x\", \"bc\"]]", "true"),
        Arguments.of("strings.count", "[\"cheese\", \"e\"]", "3"),
        Arguments.of("object.keys", "[{\"b\": 1, \"a\": 2}]", "[\"a\",\"b\"]"),
        Arguments.of("units.parse_bytes", "[\"1.5Gi\"]", "1610612736"),
        Arguments.of("units.parse", "[\"250m\"]", "0.2500000000"),
        Arguments.of("regex.replace", "[\"abcabc\", \"b(c)?\", \"[$1]\"]", "\"a[c]a[c]\""),
        Arguments.of("regex.split", "[\"[,;]\", \"a,b;;c\"]", "[\"a\",\"b\",\"\",\"c\"]"),
        Arguments.of("regex.find_n", "[\"a\", \"aaa\", 2.0]", "[\"a\",\"a\"]"),
        Arguments.of("regex.find_n", "[\"a\", \"aaa\", -1]", "[\"a\",\"a\",\"a\"]"));
  }

  static Stream<Arguments> typeErrors() {
    return Stream.of(
        Arguments.of(
            "sprintf", "[\"%v\", \"x\"]", "sprintf: operand 2 must be array but got string"),
        Arguments.of("sprintf", "[1, []]", "sprintf: operand 1 must be string but got number"),
        Arguments.of("object.keys", "[1]", "object.keys: operand 1 must be object but got number"),
        Arguments.of(
            "strings.count",
            "[\"a\", 1]",
            "strings.count: operand 2 must be string but got number"),
        Arguments.of("units.parse", "[1]", "units.parse: operand 1 must be string but got number"),
        Arguments.of(
            "units.parse_bytes",
            "[1]",
            "units.parse_bytes: operand 1 must be string but got number"),
        Arguments.of(
            "regex.replace",
            "[1, \"a\", \"b\"]",
            "regex.replace: operand 1 must be string but got number"),
        Arguments.of(
            "regex.split", "[\"a\", 1]", "regex.split: operand 2 must be string but got number"),
        Arguments.of(
            "regex.find_n",
            "[\"a\", \"b\", \"1\"]",
            "regex.find_n: operand 3 must be number but got string"),
        Arguments.of(
            "regex.find_n",
            "[\"a\", \"b\", 1.5]",
            "regex.find_n: operand 3 must be integer number but got floating-point number"),
        Arguments.of(
            "regex.find_n",
            "[\"a\", \"b\", 9223372036854775808]",
            "regex.find_n: operand 3 must be integer number but got floating-point number"),
        Arguments.of(
            "strings.any_prefix_match",
            "[\"a\", 1]",
            "strings.any_prefix_match: operand 2 must be one of {string, set, array} but got"
                + " number"));
  }

  @ParameterizedTest(name = "{0}{1} = {2}")
  @MethodSource("results")
  void evaluatesRegisteredBuiltins(String name, String args, String expected) throws Exception {
    JsonNode result = RegoBuiltins.get(name).orElseThrow().apply(operands(args));

    assertThat(MAPPER.writeValueAsString(result)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}{1} fails: {2}")
  @MethodSource("typeErrors")
  void reportsOpaTypeErrors(String name, String args, String message) throws Exception {
    List<JsonNode> operands = operands(args);

    assertThatThrownBy(() -> RegoBuiltins.get(name).orElseThrow().apply(operands))
        .isInstanceOfSatisfying(
            RegoBuiltinException.class, e -> assertThat(e.isTypeError()).isTrue())
        .hasMessage(message);
  }

  @Test
  void builtinFailuresAreNotTypeErrors() throws Exception {
    List<JsonNode> operands = operands("[\"1xb\"]");

    assertThatThrownBy(() -> RegoBuiltins.get("units.parse_bytes").orElseThrow().apply(operands))
        .isInstanceOfSatisfying(
            RegoBuiltinException.class, e -> assertThat(e.isTypeError()).isFalse())
        .hasMessage("units.parse_bytes: byte unit xb not recognized");
  }

  @Test
  void listsTheProvidedBuiltins() {
    assertThat(RegoBuiltins.names())
        .containsExactlyInAnyOrder(
            "sprintf",
            "strings.any_prefix_match",
            "strings.any_suffix_match",
            "strings.count",
            "object.keys",
            "units.parse_bytes",
            "units.parse",
            "regex.replace",
            "regex.split",
            "regex.find_n");
    assertThat(RegoBuiltins.get("time.now_ns")).isEmpty();
  }

  private static List<JsonNode> operands(String json) throws Exception {
    List<JsonNode> list = new ArrayList<>();
    MAPPER.readTree(json).forEach(list::add);
    return list;
  }
}
