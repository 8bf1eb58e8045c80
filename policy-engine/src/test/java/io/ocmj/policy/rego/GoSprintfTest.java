package io.ocmj.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.policy.rego.RegoValue.RArray;
import io.ocmj.policy.rego.RegoValue.RObject;
import io.ocmj.policy.rego.RegoValue.RSet;
import io.ocmj.policy.rego.RegoValue.RString;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoSprintfTest {

  /**
   * Format, operands as JSON, and the result. Every expected string was produced by OPA 1.22.3:
   * {@code echo '{"a": <operands>}' | opa eval -I -f json 'sprintf(<format>, input.a)'}; passing
   * the operands through input keeps their JSON literals, as the Wasm module's JSON dump does.
   */
  static Stream<Arguments> opaCases() {
    return Stream.of(
        Arguments.of("%v", "[\"a\"]", "a"),
        Arguments.of("%s", "[\"abc\"]", "abc"),
        Arguments.of("%v", "[1.0]", "1"),
        Arguments.of("%v", "[1e6]", "1e+06"),
        Arguments.of("%v", "[0.1]", "0.1"),
        Arguments.of("%v", "[100.0]", "100"),
        Arguments.of("%v", "[3.14]", "3.14"),
        Arguments.of("%v", "[0.5]", "0.5"),
        Arguments.of("%v", "[12345678901234567890]", "12345678901234567890"),
        Arguments.of("%v", "[-12345678901234567890]", "-12345678901234567890"),
        Arguments.of("%d", "[42]", "42"),
        Arguments.of("%d", "[-7]", "-7"),
        Arguments.of("%d", "[1.5]", "%!d(float64=1.5)"),
        Arguments.of("%d", "[\"x\"]", "%!d(string=x)"),
        Arguments.of("%s", "[1]", "%!s(int64=1)"),
        Arguments.of("%s", "[1.5]", "%!s(float64=1.5)"),
        Arguments.of(
            "%v", "[[1.0, 1e6, 0.1, \"x\", -0.0, 1E3]]", "[1.0, 1e6, 0.1, \"x\", -0.0, 1E3]"),
        Arguments.of(
            "%v",
            "[{\"b\": 1, \"a\": [1, {\"c\": null}], \"B\": true}]",
            "{\"B\": true, \"a\": [1, {\"c\": null}], \"b\": 1}"),
        Arguments.of(
            "%v",
            "[[{\"name\": \"a\", \"n\": 1}, {\"name\": \"b\"}]]",
            "[{\"n\": 1, \"name\": \"a\"}, {\"name\": \"b\"}]"),
        Arguments.of("%v", "[{}]", "{}"),
        Arguments.of("%v", "[[]]", "[]"),
        Arguments.of("%v", "[null]", "null"),
        Arguments.of("%v", "[true]", "true"),
        Arguments.of("%t", "[true]", "%!t(string=true)"),
        Arguments.of("%s", "[false]", "false"),
        Arguments.of("%d", "[null]", "%!d(string=null)"),
        Arguments.of("%q", "[\"a\\\"b\\n\\t☺\\u0001\"]", "\"a\\\"b\\n\\t☺\\x01\""),
        Arguments.of("%q", "[[\"a\"]]", "\"[\\\"a\\\"]\""),
        Arguments.of("%+q", "[\"é☺\"]", "\"\\u00e9\\u263a\""),
        Arguments.of("%#q", "[\"ab\"]", "`ab`"),
        Arguments.of("%#q", "[\"a`b\"]", "\"a`b\""),
        Arguments.of("%x", "[\"hi\"]", "6869"),
        Arguments.of("%X", "[\"hi\"]", "6869"),
        Arguments.of("% x", "[\"hi\"]", "68 69"),
        Arguments.of("%#x", "[\"hi\"]", "0x6869"),
        Arguments.of("%.3x", "[\"hello\"]", "68656c"),
        Arguments.of("%x", "[255]", "ff"),
        Arguments.of("%X", "[255]", "FF"),
        Arguments.of("%#x", "[255]", "0xff"),
        Arguments.of("%x", "[-255]", "-ff"),
        Arguments.of("%o", "[8]", "10"),
        Arguments.of("%b", "[5]", "101"),
        Arguments.of("%c", "[9731]", "☃"),
        Arguments.of("%q", "[65]", "'A'"),
        Arguments.of("%U", "[9731]", "U+2603"),
        Arguments.of("%x", "[12345678901234567890]", "ab54a98ceb1f0ad2"),
        Arguments.of("%f", "[12345678901234567890]", "%!f(big.Int=12345678901234567890)"),
        Arguments.of("%q", "[12345678901234567890]", "%!q(big.Int=12345678901234567890)"),
        Arguments.of("%T", "[12345678901234567890]", "*big.Int"),
        Arguments.of("%30d", "[12345678901234567890]", "          12345678901234567890"),
        Arguments.of("%f", "[3.14159]", "3.141590"),
        Arguments.of("%.2f", "[2.005]", "2.00"),
        Arguments.of("%8.3f", "[3.14159]", "   3.142"),
        Arguments.of("%-8.1f|", "[2.25]", "2.2     |"),
        Arguments.of("%+.1f", "[2.5]", "+2.5"),
        Arguments.of("%08.2f", "[-3.5]", "-0003.50"),
        Arguments.of("%e", "[1234.5678]", "1.234568e+03"),
        Arguments.of("%E", "[0.000123]", "1.230000E-04"),
        Arguments.of("%g", "[1e21]", "1e+21"),
        Arguments.of("%G", "[1e-7]", "1E-07"),
        Arguments.of("%.3g", "[3.14159]", "3.14"),
        Arguments.of("%.0f %.0f %.1f %.1f", "[0.5, 1.5, 0.25, 0.05]", "0 2 0.2 0.1"),
        Arguments.of("%x", "[1.5]", "0x1.8p+00"),
        Arguments.of("%x", "[5e-324]", "0x1p-1074"),
        Arguments.of("%.2x", "[1.0]", "0x1.00p+00"),
        Arguments.of("%v %v", "[1e400, 5e-400]", "1e400 0"),
        Arguments.of("%v", "[123456.0]", "123456"),
        Arguments.of("%v", "[1234567.0]", "1.234567e+06"),
        Arguments.of("%v", "[0.0001]", "0.0001"),
        Arguments.of("%v", "[0.00001]", "1e-05"),
        Arguments.of("%5d|%-5d|%05d|%+d|% d", "[42, 42, 42, 42, 5]", "   42|42   |00042|+42| 5"),
        Arguments.of(
            "%5s|%-5s|%05s|%.2s", "[\"ab\", \"ab\", \"ab\", \"héllo\"]", "   ab|ab   |000ab|hé"),
        Arguments.of("%5v|%-6v|", "[1.5, \"ab\"]", "  1.5|ab    |"),
        Arguments.of("%5t|", "[\"x\"]", "%!t(string=    x)|"),
        Arguments.of("%d %d", "[1]", "1 %!d(MISSING)"),
        Arguments.of(
            "%d",
            "[1, \"a\", 2.5, true, null, [1]]",
            "1%!(EXTRA string=a, float64=2.5, string=true, string=null, string=[1])"),
        Arguments.of("%!", "[1]", "%!!(int64=1)"),
        Arguments.of("100%%", "[]", "100%"),
        Arguments.of("%", "[]", "%!(NOVERB)"),
        Arguments.of("%z", "[1]", "%!z(int64=1)"),
        Arguments.of(
            "%T %T %T %T %T", "[1, 1.5, \"s\", [1], true]", "int64 float64 string string string"),
        Arguments.of("%[2]v %[1]v", "[\"a\", \"b\"]", "b a"),
        Arguments.of("%[3]v %v", "[\"a\", \"b\"]", "%!v(BADINDEX) a"),
        Arguments.of("%[2]v", "[\"a\", \"b\", \"c\"]", "b"),
        Arguments.of("%*d|", "[5, 42]", "   42|"),
        Arguments.of("%-*d|", "[5, 42]", "42   |"),
        Arguments.of("%.*f", "[2, 3.14159]", "3.14"),
        Arguments.of("%*s", "[\"x\", \"y\"]", "%!(BADWIDTH)y"),
        Arguments.of("%#v %#v %#v %+v", "[\"s\", 1.0, 2, 5]", "\"s\" 1 2 5"),
        Arguments.of("no verbs", "[\"x\"]", "no verbs%!(EXTRA string=x)"),
        Arguments.of(
            "%v-%v", "[[\"a\", \"b\"], {\"k\": [\"v\"]}]", "[\"a\", \"b\"]-{\"k\": [\"v\"]}"),
        Arguments.of("%s", "[{\"a\": \"b\"}]", "{\"a\": \"b\"}"),
        Arguments.of("%v", "[\"é😀\"]", "é😀"),
        Arguments.of(
            "%v",
            "[{\"a\": {\"b\": {\"c\": [1, [2, [3]]]}}}]",
            "{\"a\": {\"b\": {\"c\": [1, [2, [3]]]}}}"),
        Arguments.of("%.1f%%", "[99.95]", "100.0%"),
        Arguments.of("%d items", "[0]", "0 items"),
        Arguments.of("%v", "[9223372036854775807]", "9223372036854775807"),
        Arguments.of("%v", "[9223372036854775808]", "9223372036854775808"),
        Arguments.of("%v", "[-9223372036854775808]", "-9223372036854775808"),
        Arguments.of("%.3d|%6.3d|%.0d|", "[7, 7, 0]", "007|   007||"),
        Arguments.of("%v", "[1.7976931348623157e308]", "1.7976931348623157e+308"),
        Arguments.of("%v", "[2.5e-5]", "2.5e-05"),
        Arguments.of("%v", "[1e20]", "1e+20"),
        Arguments.of("%v", "[1e21]", "1e+21"),
        Arguments.of("%e", "[0]", "%!e(int64=0)"),
        Arguments.of("%v", "[0.30000000000000004]", "0.30000000000000004"),
        Arguments.of(
            "%.0x|%.1x|%.20x|%x|%.3x|%X|%.0x",
            "[1.9375, 1.96875, 1.5, 0.1, 0.0, -2.5e-310, 3.0]",
            "0x1p+01|0x1.0p+01|0x1.80000000000000000000p+00|0x1.999999999999ap-04|0x0.000p+00"
                + "|-0X1.702AE4D1FB6P-1029|0x1p+02"),
        Arguments.of(
            "%+.3e|% g|%+v|%08v|%-8v|",
            "[12345.678, 2.5, 1.5, -2.5, 0.25]", "+1.235e+04| 2.5|1.5|-00002.5|0.25    |"),
        Arguments.of(
            "%5.1q|%-8q|%08q|%x|%08x|%#o|%O",
            "[\"héllo\", \"a\", \"b\", \"\", \"ab\", 8, 8]",
            "  \"h\"|\"a\"     |00000\"b\"||00006162|010|0o10"),
        Arguments.of(
            "%#b|%+d|% x|%#X|%#o|%.25d|%-30x|",
            "[12345678901234567890, 12345678901234567890, 12345678901234567890,"
                + " 12345678901234567890, 12345678901234567890, 12345678901234567890,"
                + " 12345678901234567890]",
            "0b1010101101010100101010011000110011101011000111110000101011010010"
                + "|+12345678901234567890| ab54a98ceb1f0ad2|0XAB54A98CEB1F0AD2"
                + "|01255245230635307605322|0000012345678901234567890"
                + "|ab54a98ceb1f0ad2              |"),
        Arguments.of("%[1]*d|%-[2]v|%[x]v|%[1]v %v", "[3, 7]", "  7|7|%!v(BADINDEX)|3 7"));
  }

  @ParameterizedTest(name = "sprintf({0}, {1}) = {2}")
  @MethodSource("opaCases")
  void formatsLikeOpa(String format, String operands, String expected) {
    RArray args = (RArray) RegoJson.parse(operands);

    assertThat(GoSprintf.sprintf(format, args.items())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "sprintf({0}, {1}) via Jackson")
  @MethodSource("opaCases")
  void jacksonIntegersAndStringsFormatTheSame(String format, String operands, String expected)
      throws Exception {
    // Jackson trees drop float literals ("1.0"), so only operands without them are compared.
    assumeFalse(operands.matches(".*[0-9][.eE].*"));
    assertThat(GoSprintf.sprintf(format, new ObjectMapper().readTree(operands)))
        .isEqualTo(expected);
  }

  // The expected strings below were produced by `opa eval -f raw` of OPA 1.22.3 with set literals.

  @Test
  void setsPrintSortedInRegoSyntax() {
    RSet letters = set(str("b"), str("a"));

    assertThat(GoSprintf.sprintf("%v", List.of(letters))).isEqualTo("{\"a\", \"b\"}");
    assertThat(GoSprintf.sprintf("%v", List.of(set()))).isEqualTo("set()");
    assertThat(GoSprintf.sprintf("%s|%d|%q", List.of(set(str("x")), set(str("x")), set(str("x")))))
        .isEqualTo("{\"x\"}|%!d(string={\"x\"})|\"{\\\"x\\\"}\"");
  }

  @Test
  void setsNestInsideArraysAndObjects() {
    RSet ab = set(str("b"), str("a"));
    RegoValue arr = new RArray(List.of(ab, RObject.of(Map.of(str("k"), ab))));

    assertThat(GoSprintf.sprintf("%v", List.of(arr)))
        .isEqualTo("[{\"a\", \"b\"}, {\"k\": {\"a\", \"b\"}}]");
  }

  @Test
  void setsOfMixedTypesFollowOpaOrder() {
    RegoValue mixed =
        set(json("1"), str("x"), json("[1]"), json("{\"k\": 1}"), json("null"), json("true"));
    RegoValue outer = set(set(str("b")), set(str("a")), set(), mixed);

    assertThat(GoSprintf.sprintf("%v", List.of(outer)))
        .isEqualTo("{set(), {null, true, 1, \"x\", [1], {\"k\": 1}}, {\"a\"}, {\"b\"}}");
  }

  @Test
  void setsOfStringsSortByCodePoint() {
    RegoValue s = set(str("é"), str("z"), str("Z"), str("😀"), str("\uffff"), str("a"));

    assertThat(GoSprintf.sprintf("%v", List.of(s)))
        .isEqualTo("{\"Z\", \"a\", \"z\", \"é\", \"\\uffff\", \"😀\"}");
  }

  @Test
  void setsOfNumbersCompareByValueAndKeepTheFirstLiteral() {
    RegoValue s = set(json("1.0"), json("1"), json("2.50"), json("10"), json("-1"));

    assertThat(GoSprintf.sprintf("%v", List.of(s))).isEqualTo("{-1, 1.0, 2.50, 10}");
  }

  @Test
  void setsOfCompositesCompareElementwise() {
    RegoValue s =
        set(
            json("[1, 2]"),
            json("[1]"),
            json("[0, 5]"),
            json("{\"a\": 1}"),
            json("{\"a\": 0, \"b\": 1}"));

    assertThat(GoSprintf.sprintf("%v", List.of(s)))
        .isEqualTo("{[0, 5], [1], [1, 2], {\"a\": 0, \"b\": 1}, {\"a\": 1}}");
  }

  @Test
  void objectsWithNonStringKeysPrintInOpaOrder() {
    RegoValue o = RObject.of(Map.of(str("a"), set(), json("{\"b\": 1}"), set(json("1"))));

    assertThat(GoSprintf.sprintf("%v", List.of(o))).isEqualTo("{\"a\": set(), {\"b\": 1}: {1}}");
  }

  private static RString str(String s) {
    return new RString(s);
  }

  private static RegoValue json(String s) {
    return RegoJson.parse(s);
  }

  private static RSet set(RegoValue... values) {
    return RSet.of(List.of(values));
  }
}
