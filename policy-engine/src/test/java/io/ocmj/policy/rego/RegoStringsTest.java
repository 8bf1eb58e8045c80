package io.ocmj.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.policy.rego.RegoValue.RSet;
import io.ocmj.policy.rego.RegoValue.RString;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values were produced by OPA 1.22.3 with the operands passed as input (so that type
 * errors surface at evaluation, not at compile time): {@code echo '{"a": .., "b": ..}' | opa eval
 * -I -f json --strict-builtin-errors 'strings.any_prefix_match(input.a, input.b)'}.
 */
class RegoStringsTest {

  static Stream<Arguments> matches() {
    return Stream.of(
        Arguments.of("strings.any_prefix_match", "\"abc\"", "\"a\"", true),
        Arguments.of("strings.any_prefix_match", "[\"x\", \"abc\"]", "[\"zz\", \"ab\"]", true),
        Arguments.of("strings.any_prefix_match", "[]", "\"a\"", false),
        Arguments.of("strings.any_prefix_match", "\"abc\"", "[]", false),
        Arguments.of("strings.any_prefix_match", "\"abc\"", "\"\"", true),
        Arguments.of("strings.any_prefix_match", "\"\"", "\"\"", true),
        Arguments.of("strings.any_prefix_match", "\"\"", "\"a\"", false),
        Arguments.of("strings.any_suffix_match", "\"abc\"", "\"a\"", false),
        Arguments.of("strings.any_suffix_match", "[\"x\", \"abc\"]", "[\"zz\", \"ab\"]", false),
        Arguments.of("strings.any_suffix_match", "[]", "\"a\"", false),
        Arguments.of("strings.any_suffix_match", "\"abc\"", "[]", false),
        Arguments.of("strings.any_suffix_match", "\"abc\"", "\"\"", true),
        Arguments.of("strings.any_suffix_match", "\"\"", "\"\"", true),
        Arguments.of("strings.any_suffix_match", "\"\"", "\"a\"", false),
        Arguments.of("strings.any_suffix_match", "\"abc\"", "[\"x\", \"bc\"]", true),
        Arguments.of("strings.any_suffix_match", "\"a.k8s.io\"", "[\".io\", \".com\"]", true));
  }

  static Stream<Arguments> typeErrors() {
    return Stream.of(
        Arguments.of(
            "strings.any_prefix_match",
            "[\"a\", 1]",
            "\"a\"",
            "strings.any_prefix_match: operand 1 must be array of strings but got array containing"
                + " number"),
        Arguments.of(
            "strings.any_prefix_match",
            "\"a\"",
            "[true]",
            "strings.any_prefix_match: operand 2 must be array of strings but got array containing"
                + " boolean"),
        Arguments.of(
            "strings.any_prefix_match",
            "1",
            "\"a\"",
            "strings.any_prefix_match: operand 1 must be one of {string, set, array} but got"
                + " number"),
        Arguments.of(
            "strings.any_prefix_match",
            "\"a\"",
            "null",
            "strings.any_prefix_match: operand 2 must be one of {string, set, array} but got null"),
        Arguments.of(
            "strings.any_prefix_match",
            "{\"a\": 1}",
            "\"a\"",
            "strings.any_prefix_match: operand 1 must be one of {string, set, array} but got"
                + " object"),
        Arguments.of(
            "strings.any_prefix_match",
            "\"a\"",
            "[\"b\", [\"c\"]]",
            "strings.any_prefix_match: operand 2 must be array of strings but got array containing"
                + " array"),
        Arguments.of(
            "strings.any_suffix_match",
            "[\"a\", 1]",
            "\"a\"",
            "strings.any_suffix_match: operand 1 must be array of strings but got array containing"
                + " number"),
        Arguments.of(
            "strings.any_suffix_match",
            "\"a\"",
            "[true]",
            "strings.any_suffix_match: operand 2 must be array of strings but got array containing"
                + " boolean"),
        Arguments.of(
            "strings.any_suffix_match",
            "1",
            "\"a\"",
            "strings.any_suffix_match: operand 1 must be one of {string, set, array} but got"
                + " number"),
        Arguments.of(
            "strings.any_suffix_match",
            "\"a\"",
            "null",
            "strings.any_suffix_match: operand 2 must be one of {string, set, array} but got null"),
        Arguments.of(
            "strings.any_suffix_match",
            "{\"a\": 1}",
            "\"a\"",
            "strings.any_suffix_match: operand 1 must be one of {string, set, array} but got"
                + " object"),
        Arguments.of(
            "strings.any_suffix_match",
            "\"a\"",
            "[\"b\", [\"c\"]]",
            "strings.any_suffix_match: operand 2 must be array of strings but got array containing"
                + " array"));
  }

  static Stream<Arguments> counts() {
    return Stream.of(
        Arguments.of("aaaa", "aa", 2L),
        Arguments.of("abc", "", 4L),
        Arguments.of("héllo", "", 6L),
        Arguments.of("😀😀", "", 3L),
        Arguments.of("héé", "é", 2L),
        Arguments.of("cheese", "e", 3L),
        Arguments.of("five", "", 5L));
  }

  @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
  @MethodSource("matches")
  void matchesLikeOpa(String builtin, String search, String base, boolean expected) {
    assertThat(call(builtin, RegoJson.parse(search), RegoJson.parse(base))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}({1}, {2}) fails: {3}")
  @MethodSource("typeErrors")
  void rejectsLikeOpa(String builtin, String search, String base, String message) {
    assertThatThrownBy(() -> call(builtin, RegoJson.parse(search), RegoJson.parse(base)))
        .isInstanceOf(RegoBuiltinException.class)
        .hasMessage(message);
  }

  @Test
  void acceptsSetsOnEitherSide() {
    RSet prefixes = RSet.of(List.of(new RString("zz"), new RString("ab")));

    assertThat(RegoStrings.anyPrefixMatch(RegoJson.parse("[\"x\", \"abc\"]"), prefixes)).isTrue();
    assertThat(RegoStrings.anySuffixMatch(prefixes, new RString("b"))).isTrue();
  }

  @Test
  void namesSetsInElementErrors() {
    // OPA 1.22.3: ... operand 1 must be set of strings but got set containing number
    RSet mixed = RSet.of(List.of(RegoJson.parse("1")));

    assertThatThrownBy(() -> RegoStrings.anyPrefixMatch(mixed, new RString("a")))
        .hasMessage(
            "strings.any_prefix_match: operand 1 must be set of strings but got set containing"
                + " number");
  }

  @ParameterizedTest(name = "strings.count({0}, {1}) = {2}")
  @MethodSource("counts")
  void countsLikeOpa(String search, String substring, long expected) {
    assertThat(RegoStrings.count(search, substring)).isEqualTo(expected);
  }

  private static boolean call(String builtin, RegoValue search, RegoValue base) {
    return builtin.equals("strings.any_prefix_match")
        ? RegoStrings.anyPrefixMatch(search, base)
        : RegoStrings.anySuffixMatch(search, base);
  }
}
