package io.ocmj.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values were produced by OPA 1.22.3: {@code echo '{"s": <input>}' | opa eval -I -f raw
 * --strict-builtin-errors 'units.parse_bytes(input.s)'} (likewise for units.parse). OPA's eval
 * error repeats the builtin name ("units.parse: units.parse: ..."); the builtin's own message is
 * what follows the first prefix.
 */
class RegoUnitsTest {

  static Stream<Arguments> parseBytes() {
    return Stream.of(
        Arguments.of("1kb", "1000"),
        Arguments.of("1KB", "1000"),
        Arguments.of("1k", "1000"),
        Arguments.of("1ki", "1024"),
        Arguments.of("1KiB", "1024"),
        Arguments.of("1.5ki", "1536"),
        Arguments.of("0.1kb", "100"),
        Arguments.of("0.3mb", "300000"),
        Arguments.of("1.1gb", "1100000000"),
        Arguments.of("2.3gb", "2300000000"),
        Arguments.of("0.3ki", "307"),
        Arguments.of("10", "10"),
        Arguments.of("10.7", "10"),
        Arguments.of("1e3", "1000"),
        Arguments.of("1e3k", "1000000"),
        Arguments.of("12E", "12000000000000000000"),
        Arguments.of("5eb", "5000000000000000000"),
        Arguments.of("1.5", "1"),
        Arguments.of("\"5mb\"", "5000000"),
        Arguments.of("0.5", "0"),
        Arguments.of(".5k", "500"),
        Arguments.of("1.k", "1000"),
        Arguments.of("-1k", "-1000"),
        Arguments.of("+1k", "1000"),
        Arguments.of("1e-3k", "0"),
        Arguments.of("1mi", "1048576"),
        Arguments.of("1MB", "1000000"),
        Arguments.of("99999999999999999999", "100000000000000000000"),
        Arguments.of("1e20", "100000000000000000000"),
        Arguments.of("1.5e2", "150"),
        Arguments.of("1e+3", "1000"),
        Arguments.of("1e", "1000000000000000000"),
        Arguments.of("1e3e", "1000000000000000000000"),
        Arguments.of("0.0000001k", "0"),
        Arguments.of("1e30kb", "1000000000000000000040638980554752"),
        Arguments.of("123456789.123456789gib", "132560717938603853"),
        Arguments.of("+1.5EiB", "1729382256910270464"),
        Arguments.of("1.1", "1"));
  }

  static Stream<Arguments> parseBytesErrors() {
    return Stream.of(
        Arguments.of("1xb", "units.parse_bytes: byte unit xb not recognized"),
        Arguments.of("", "units.parse_bytes: no byte amount provided"),
        Arguments.of("kb", "units.parse_bytes: no byte amount provided"),
        Arguments.of("1 kb", "units.parse_bytes: spaces not allowed in resource strings"),
        Arguments.of("1e1234567", "units.parse_bytes: exponent too large"),
        Arguments.of("1ee", "units.parse_bytes: byte unit ee not recognized"),
        Arguments.of("1-k", "units.parse_bytes: could not parse byte amount to a number"),
        Arguments.of("1..5k", "units.parse_bytes: could not parse byte amount to a number"),
        Arguments.of("1e+", "units.parse_bytes: could not parse byte amount to a number"),
        Arguments.of(".", "units.parse_bytes: could not parse byte amount to a number"),
        Arguments.of("-", "units.parse_bytes: could not parse byte amount to a number"));
  }

  static Stream<Arguments> parse() {
    return Stream.of(
        Arguments.of("1m", "0.0010000000"),
        Arguments.of("1000m", "1.0000000000"),
        Arguments.of("1500m", "1.5000000000"),
        Arguments.of("1M", "1000000"),
        Arguments.of("1Mi", "1048576"),
        Arguments.of("1mi", "1048576"),
        Arguments.of("1MI", "1048576"),
        Arguments.of("1k", "1000"),
        Arguments.of("1K", "1000"),
        Arguments.of("1Ki", "1024"),
        Arguments.of("1ki", "1024"),
        Arguments.of("1KI", "1024"),
        Arguments.of("1.5", "1.5000000000"),
        Arguments.of("0.5k", "500"),
        Arguments.of("1e3", "1000"),
        Arguments.of("1.5Gi", "1610612736"),
        Arguments.of("2e", "2000000000000000000"),
        Arguments.of("2E", "2000000000000000000"),
        Arguments.of("2ei", "2305843009213693952"),
        Arguments.of("2Ei", "2305843009213693952"),
        Arguments.of("1G", "1000000000"),
        Arguments.of("1g", "1000000000"),
        Arguments.of("1gI", "1073741824"),
        Arguments.of("0.3", "0.3000000000"),
        Arguments.of("1e-3", "0.0010000000"),
        Arguments.of("1.23456789012m", "0.0012345679"),
        Arguments.of("100m", "0.1000000000"),
        Arguments.of("250m", "0.2500000000"),
        Arguments.of("-1.5k", "-1500"),
        Arguments.of("0.1m", "0.0001000000"),
        Arguments.of("\"1k\"", "1000"),
        Arguments.of("12345678901234567890", "12345678901234567890"),
        Arguments.of("1e-11", "0.0000000000"),
        Arguments.of("-1e-11", "-0.0000000000"),
        Arguments.of("0.00000000005", "0.0000000001"),
        Arguments.of("3.7Ti", "4068193022771.2000000000"));
  }

  static Stream<Arguments> parseErrors() {
    return Stream.of(
        Arguments.of("1KiB", "units.parse: unit Kib not recognized"),
        Arguments.of("1Kb", "units.parse: unit Kb not recognized"),
        Arguments.of("1u", "units.parse: unit u not recognized"),
        Arguments.of("", "units.parse: no amount provided"),
        Arguments.of("m", "units.parse: no amount provided"),
        Arguments.of("1 k", "units.parse: spaces not allowed in resource strings"),
        Arguments.of("1/2", "units.parse: unit /2 not recognized"),
        Arguments.of("1e1234567", "units.parse: exponent too large"),
        Arguments.of("1..2", "units.parse: could not parse amount to a number"),
        Arguments.of("-", "units.parse: could not parse amount to a number"));
  }

  @ParameterizedTest(name = "units.parse_bytes({0}) = {1}")
  @MethodSource("parseBytes")
  void parsesBytesLikeOpa(String input, String expected) {
    assertThat(RegoUnits.parseBytes(input).text()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "units.parse_bytes({0}) fails: {1}")
  @MethodSource("parseBytesErrors")
  void rejectsBytesLikeOpa(String input, String message) {
    assertThatThrownBy(() -> RegoUnits.parseBytes(input))
        .isInstanceOf(RegoBuiltinException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "units.parse({0}) = {1}")
  @MethodSource("parse")
  void parsesUnitsLikeOpa(String input, String expected) {
    assertThat(RegoUnits.parse(input).text()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "units.parse({0}) fails: {1}")
  @MethodSource("parseErrors")
  void rejectsUnitsLikeOpa(String input, String message) {
    assertThatThrownBy(() -> RegoUnits.parse(input))
        .isInstanceOf(RegoBuiltinException.class)
        .hasMessage(message);
  }
}
