package io.ocmj.policy.template;

import static io.ocmj.policy.template.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFormatTest {

  @ParameterizedTest(name = "{0} prints {1}")
  @CsvSource({
    "3.0, 3",
    "0.5, 0.5",
    "1000000.0, 1e+06",
    "123456.0, 123456",
    "1234567.0, 1.234567e+06",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "-2.5, -2.5",
    "0.1, 0.1",
    "1e21, 1e+21",
    "100.125, 100.125",
  })
  void floatsPrintLikeGoPercentV(double value, String expected) throws TemplateException {
    assertThat(render("{{ . }}", value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ printf \"%v %s %d\" 1 \"s\" 42 }}~ | 1 s 42",
        "~{{ printf \"%5d|%-5d|%05d|%+d\" 42 42 42 42 }}~ | ~   42|42   |00042|+42~",
        "~{{ printf \"%x %X %o %b %#x\" 255 255 8 5 255 }}~ | ff FF 10 101 0xff",
        "~{{ printf \"%q %q\" \"a\\\"b\" 65 }}~ | \"a\\\"b\" 'A'",
        "~{{ printf \"%x\" \"hi\" }}~ | 6869",
        "~{{ printf \"%.2f %f %8.3f\" 3.14159 1.5 2.0 }}~ | ~3.14 1.500000    2.000~",
        "~{{ printf \"%e %.2e %g %G\" 1234.5678 1234.5678 0.000012 1e20 }}~ | "
            + "1.234568e+03 1.23e+03 1.2e-05 1E+20",
        "~{{ printf \"%.0f %.0f %.1f\" 0.5 1.5 0.25 }}~ | 0 2 0.2",
        "~{{ printf \"%t %v\" true false }}~ | true false",
        "~{{ printf \"%6s|%-6s|%.2s\" \"ab\" \"ab\" \"abc\" }}~ | ~    ab|ab    |ab~",
        "~{{ printf \"100%%\" }}~ | 100%",
        "~{{ printf \"%d\" \"x\" }}~ | %!d(string=x)",
        "~{{ printf \"%s\" 5 }}~ | %!s(int=5)",
        "~{{ printf \"%d %d\" 1 }}~ | 1 %!d(MISSING)",
        "~{{ printf \"%d\" 1 2 }}~ | 1%!(EXTRA int=2)",
        "~{{ printf \"%v\" (list 1 \"a\" (dict \"k\" 2)) }}~ | [1 a map[k:2]]",
        "~{{ printf \"%d\" (list 1 2) }}~ | [1 2]",
        "~{{ printf \"%c%c\" 72 105 }}~ | Hi",
      })
  void printfSupportsGoVerbs(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ print 1 2 \"a\" \"b\" 3 }}~ | 1 2ab3",
        "~{{ println 1 \"a\" }}~ | ~1 a\n~",
        "~{{ print .missing }}~ | <nil>",
        "~{{ html \"<a href='x'>&</a>\" }}~ | &lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;",
        "~{{ js \"it's <b>\" }}~ | it\\'s \\u003Cb\\u003E",
        "~{{ urlquery \"a b&c=d\" }}~ | a+b%26c%3Dd",
        "~{{ len \"héllo\" }}~ | 6",
      })
  void printHelpersMatchGo(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "map | map[a:1 b:[x y] c:map[d:true]]",
        "list | [1 2.5 <nil> text]",
        "decimal | 2.25",
      })
  void compositeValuesPrintLikeGo(String key, String expected) throws TemplateException {
    Map<String, Object> data =
        Map.of(
            "map", Map.of("c", Map.of("d", true), "a", 1L, "b", List.of("x", "y")),
            "list", Arrays.asList(1L, 2.5, null, "text"),
            "decimal", new BigDecimal("2.25"));
    assertThat(render("{{ index . \"" + key + "\" }}", data)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{{ eq 1 1.0 }} | true",
        "{{ eq \"a\" \"b\" \"a\" }} | true",
        "{{ eq .missing nil }} | true",
        "{{ ne 1 2 }} | true",
        "{{ lt 1 2 }} {{ le 2 2 }} {{ gt 3 2.5 }} {{ ge \"b\" \"a\" }} | true true true true",
        "{{ lt \"B\" \"a\" }} | true",
        "{{ index (list 1 (list 2 3)) 1 0 }} | 2",
        "{{ slice \"hello\" 1 3 }} {{ slice (list 1 2 3) 1 }} | el [2 3]",
      })
  void comparisonAndIndexBuiltins(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }
}
