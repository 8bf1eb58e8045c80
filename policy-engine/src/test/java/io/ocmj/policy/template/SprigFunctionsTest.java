package io.ocmj.policy.template;

import static io.ocmj.policy.template.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SprigFunctionsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ trim \"  a b \\n\" }}~ | a b",
        "~{{ trimAll \"$\" \"$$5.00$\" }}~ | 5.00",
        "~{{ trimPrefix \"-\" \"-hello\" }}~ | hello",
        "~{{ trimSuffix \"-\" \"hello-\" }}~ | hello",
        "~{{ upper \"abc\" }} {{ lower \"ABC\" }}~ | ABC abc",
        "~{{ title \"hello wide-world\" }}~ | Hello Wide-World",
        "~{{ repeat 3 \"ab\" }}~ | ababab",
        "~{{ substr 1 3 \"hello\" }} {{ substr 2 -1 \"hello\" }}~ | el llo",
        "~{{ nospace \"a b\\tc\" }}~ | abc",
        "~{{ trunc 3 \"hello\" }} {{ trunc -2 \"hello\" }}~ | hel lo",
        "~{{ abbrev 5 \"hello world\" }}~ | he...",
        "~{{ contains \"ell\" \"hello\" }} {{ hasPrefix \"he\" \"hello\" }} "
            + "{{ hasSuffix \"x\" \"hello\" }}~ | true true false",
        "~{{ quote \"a\" 1 nil }} {{ squote \"b\" }}~ | \"a\" \"1\" 'b'",
        "~{{ cat \"a\" 1 nil \"b\" }}~ | a 1 b",
        "~{{ \"a\\nb\" | nindent 2 }}~ | ~\n  a\n  b~",
        "~{{ replace \" \" \"-\" \"a b c\" }}~ | a-b-c",
        "~{{ plural \"one\" \"many\" 1 }} {{ plural \"one\" \"many\" 2 }}~ | one many",
        "~{{ snakecase \"FirstName\" }} {{ kebabcase \"HTTPServer\" }} "
            + "{{ camelcase \"http_server\" }}~ | first_name http-server HttpServer",
        "~{{ splitList \",\" \"a,b,c\" }}~ | [a b c]",
        "~{{ (split \"$\" \"foo$bar\")._1 }}~ | bar",
        "~{{ join \"-\" (list \"a\" 1 nil \"b\") }}~ | a-1-b",
        "~{{ sortAlpha (list \"b\" \"C\" \"a\") }}~ | [C a b]",
        "~{{ toString 1.5 }} {{ toStrings (list 1 \"x\") }}~ | 1.5 [1 x]",
      })
  void stringFunctions(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ regexMatch \"^[a-z]+$\" \"abc\" }} {{ regexMatch \"[\" \"x\" }}~ | true false",
        "~{{ regexFindAll \"[0-9]\" \"a1b2c3\" -1 }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" 2 }}~ "
            + "| [1 2 3] [1 2]",
        "~{{ regexFind \"[0-9]+\" \"ab123cd\" }}~ | 123",
        "~{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}~ | -W-xxW-",
        "~{{ regexReplaceAll \"(?P<first>\\\\w+) (?P<last>\\\\w+)\" \"John Smith\" "
            + "\"$last, $first\" }}~ | Smith, John",
        "~{{ regexSplit \"z+\" \"pizza\" -1 }} {{ regexSplit \"z+\" \"pizza\" 1 }}~ | [pi a]"
            + " [pizza]",
      })
  void regexFunctions(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ .missing | default \"dflt\" }} {{ .text | default \"dflt\" }}~ | dflt Hello World",
        "~{{ 0 | default 5 }} {{ \"\" | default \"e\" }}~ | 5 e",
        "~{{ empty .empty }} {{ empty .count }}~ | true false",
        "~{{ coalesce .missing \"\" \"c\" }}~ | c",
        "~{{ ternary \"y\" \"n\" true }} {{ false | ternary \"y\" \"n\" }}~ | y n",
        "~{{ required \"need it\" .text }}~ | Hello World",
        "~{{ atoi \"42\" }} {{ int \"0x10\" }} {{ int64 \"7.0\" }} {{ int 3.9 }}~ | 42 16 7 3",
        "~{{ float64 \"1.5\" }} {{ toDecimal \"0777\" }}~ | 1.5 511",
      })
  void defaultsAndConversions(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ add 1 2 \"3\" }} {{ add1 9 }} {{ sub 5 7 }}~ | 6 10 -2",
        "~{{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }}~ | 24 3 1",
        "~{{ max 1 9 3 }} {{ min 4 2 8 }}~ | 9 2",
        "~{{ floor 1.7 }} {{ ceil 1.2 }} {{ round 3.14159 2 }} {{ round 2.5 0 }}~ | 1 2 3.14 3",
      })
  void mathFunctions(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ list 1 \"a\" }} {{ first .items }} {{ last .items }}~ | [1 a] a c",
        "~{{ rest .items }} {{ initial .items }}~ | [b c] [a b]",
        "~{{ append .items \"d\" }} {{ prepend .items \"z\" }}~ | [a b c d] [z a b c]",
        "~{{ concat .items (list 1) }} {{ reverse .items }}~ | [a b c 1] [c b a]",
        "~{{ uniq (list 1 2 1 \"a\" \"a\") }} {{ without .items \"b\" }}~ | [1 2 a] [a c]",
        "~{{ has \"b\" .items }} {{ has \"z\" .items }} {{ has 1 nil }}~ | true false false",
        "~{{ compact (list 1 0 \"\" nil \"x\") }}~ | [1 x]",
        "~{{ slice .items 1 2 }} {{ until 3 }}~ | [b] [0 1 2]",
        "~{{ first .empty }}~ | <no value>",
      })
  void listFunctions(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ dict \"b\" 2 \"a\" 1 }}~ | map[a:1 b:2]",
        "~{{ get .metadata \"name\" }}|{{ get .metadata \"nope\" }}~ | ~app|~",
        "~{{ $d := dict }}{{ $_ := set $d \"k\" \"v\" }}{{ $d.k }}~ | v",
        "~{{ unset (dict \"a\" 1 \"b\" 2) \"a\" }}~ | map[b:2]",
        "~{{ hasKey .metadata \"name\" }} {{ hasKey .metadata \"x\" }}~ | true false",
        "~{{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}~ | [1 3]",
        "~{{ keys .metadata.labels | sortAlpha }} {{ values (dict \"a\" 1) }}~ | [env tier] [1]",
        "~{{ pick (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"c\" }}~ | map[a:1 c:3]",
        "~{{ omit (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"c\" }}~ | map[b:2]",
        "~{{ merge (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"y\" 2))"
            + " }}~ | map[a:1 b:3 n:map[x:1 y:2]]",
        "~{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" 2 \"b\" 3) }}~ | map[a:2 b:3]",
        "~{{ deepCopy .metadata }}~ | map[labels:map[env:prod tier:web] name:app]",
        "~{{ dig \"metadata\" \"labels\" \"env\" \"none\" . }} {{ dig \"metadata\" \"x\" \"none\" ."
            + " }}~ | prod none",
      })
  void dictFunctions(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void encodingAndRandomFunctions() throws TemplateException {
    assertThat(render("{{ b64enc \"hello\" }}|{{ b64dec \"aGVsbG8=\" }}"))
        .isEqualTo("aGVsbG8=|hello");
    assertThat(render("{{ uuidv4 }}"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(render("{{ sha256sum \"abc\" }}"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void failAndRequiredAbortExecution() {
    assertThatThrownBy(() -> render("{{ required \"value is required\" .missing }}"))
        .hasMessageEndingWith("error calling required: value is required");
    assertThatThrownBy(() -> render("{{ div 1 0 }}"))
        .hasMessageEndingWith("error calling div: runtime error: integer divide by zero");
  }

  @Test
  void envFunctionsAreNotAvailable() {
    TemplateFunctions standard = TemplateFunctions.standard();
    assertThat(standard.has("env")).isFalse();
    assertThat(standard.has("expandenv")).isFalse();
    assertThatThrownBy(() -> render("{{ env \"HOME\" }}"))
        .hasMessage("template: t:1: function \"env\" not defined");
  }
}
