package io.ocmj.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values were produced by OPA 1.22.3, e.g. {@code echo '{"a": .., "b": .., "c": ..}' | opa
 * eval -I -f json 'regex.replace(input.a, input.b, input.c)'}.
 */
class RegoRegexTest {

  static Stream<Arguments> replace() {
    return Stream.of(
        Arguments.of("abcabc", "b(c)?", "[$1]", "a[c]a[c]"),
        Arguments.of("abc", "x*", "-", "-a-b-c-"),
        Arguments.of("baaac", "a*", "-", "-b-c-"),
        Arguments.of("héllo", "", "-", "-h-é-l-l-o-"),
        Arguments.of("abc", "(b)", "$1x", "ac"),
        Arguments.of("abc", "(b)", "${1}x$2\\$", "abx\\$c"),
        Arguments.of("abc", "(?P<n>b)", "${n}$$", "ab$c"),
        Arguments.of("a.b.c", "\\.", "/", "a/b/c"),
        Arguments.of("line1\nline2\n", "$", "!", "line1\nline2\n!"),
        Arguments.of("line1\nline2", "(?m)^l", "L", "Line1\nLine2"),
        Arguments.of("foo-bar_baz", "[[:punct:]]", ".", "foo.bar.baz"),
        Arguments.of("aXbX", "x", "y", "aXbX"),
        Arguments.of("aXbX", "(?i)x", "y", "ayby"),
        Arguments.of("k8s.io/app", "^([a-z0-9.]+)/(.*)$", "$2@$1", "app@k8s.io"),
        Arguments.of("a$b", "\\$", "S", "aSb"),
        Arguments.of("abc", "$1", "z", "abc"),
        Arguments.of("abc", "b", "$", "a$c"),
        Arguments.of("abc", "b", "$ x", "a$ xc"),
        Arguments.of("x[y]z", "[][]", "|", "x|y|z"),
        Arguments.of("a&&b", "[&]+", "+", "a+b"));
  }

  static Stream<Arguments> split() {
    return Stream.of(
        Arguments.of("[,;]", "a,b;;c", List.of("a", "b", "", "c")),
        Arguments.of(",", "", List.of("")),
        Arguments.of("", "abc", List.of("a", "b", "c")),
        Arguments.of("a*", "baaac", List.of("b", "c")),
        Arguments.of("\\s+", " a  b ", List.of("", "a", "b", "")),
        Arguments.of("x", "abc", List.of("abc")),
        Arguments.of("/", "a/b/", List.of("a", "b", "")),
        Arguments.of("", "", List.of()));
  }

  static Stream<Arguments> findN() {
    return Stream.of(
        Arguments.of("[0-9]+", "a1b22c333", 2L, List.of("1", "22")),
        Arguments.of("[0-9]+", "a1b22c333", -1L, List.of("1", "22", "333")),
        Arguments.of("[0-9]+", "abc", -1L, List.of()),
        Arguments.of("x*", "abc", -1L, List.of("", "", "", "")),
        Arguments.of("a*", "baaac", -1L, List.of("", "aaa", "")),
        Arguments.of("a", "aaa", 0L, List.of()),
        Arguments.of("a", "aaa", -5L, List.of("a", "a", "a")),
        Arguments.of("[a-z]+\\.[a-z]+", "x.y and z.w", 1L, List.of("x.y")),
        Arguments.of("😀|b", "a😀b", -1L, List.of("😀", "b")));
  }

  @ParameterizedTest(name = "regex.replace({0}, {1}, {2}) = {3}")
  @MethodSource("replace")
  void replacesLikeOpa(String s, String pattern, String value, String expected) {
    assertThat(RegoRegex.replace(s, pattern, value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "regex.split({0}, {1}) = {2}")
  @MethodSource("split")
  void splitsLikeOpa(String pattern, String s, List<String> expected) {
    assertThat(RegoRegex.split(pattern, s)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "regex.find_n({0}, {1}, {2}) = {3}")
  @MethodSource("findN")
  void findsLikeOpa(String pattern, String s, long n, List<String> expected) {
    assertThat(RegoRegex.findN(pattern, s, n)).isEqualTo(expected);
  }

  @Test
  void reportsInvalidPatternsWithTheBuiltinName() {
    // OPA says "regex.split: error parsing regexp: missing closing ): `(`"; the reason's wording
    // comes from java.util.regex here, so only the prefix and the quoted pattern are compared.
    assertThatThrownBy(() -> RegoRegex.split("(", "abc"))
        .isInstanceOf(RegoBuiltinException.class)
        .hasMessageStartingWith("regex.split: error parsing regexp: ")
        .hasMessageEndingWith(": `(`");
    assertThatThrownBy(() -> RegoRegex.findN("(", "aaa", 1))
        .hasMessageStartingWith("regex.find_n: error parsing regexp: ");
    assertThatThrownBy(() -> RegoRegex.replace("abc", "(", "x"))
        .hasMessageStartingWith("regex.replace: error parsing regexp: ");
  }
}
