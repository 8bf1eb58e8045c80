package io.ocmj.policy.template;

import static io.ocmj.policy.template.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoTemplateErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{{ foo }} | template: t:1: function \"foo\" not defined",
        "~line1\n{{ .a ~ | template: t:2: unclosed action",
        "{{ .a } }} | template: t:1: unexpected \"}\" in operand",
        "{{ if .a }}x | template: t:1: unexpected EOF",
        "{{ end }} | template: t:1: unexpected {{end}}",
        "{{ else }} | template: t:1: unexpected {{else}}",
        "{{ $x }} | template: t:1: undefined variable \"$x\"",
        "{{ $x = 1 }} | template: t:1: undefined variable \"$x\"",
        "{{ if }}{{ end }} | template: t:1: missing value for if",
        "{{ }} | template: t:1: missing value for command",
        "{{ break }} | template: t:1: {{break}} outside {{range}}",
        "{{ \"abc }} | template: t:1: unterminated quoted string",
        "{{ /* x */ }} | template: t:1: unexpected \"/\" in command",
        "{{/* x }} | template: t:1: unclosed comment",
        "{{/* x */ 1 }} | template: t:1: comment ends before closing delimiter",
        "{{ ( 1 }} | template: t:1: unclosed left paren",
        "{{ 1 ) }} | template: t:1: unexpected right paren",
        "~{{ 1 | 2 }}~ | template: t:1: non executable command in pipeline stage 2",
        "{{ 3x }} | template: t:1: bad number syntax: \"3x\"",
        "{{ \"a\\q\" }} | template: t:1: invalid syntax",
        "{{ range $a, $b, $c := .x }}{{ end }} | template: t:1: too many declarations in range",
        "{{ template .x }} | template: t:1: unexpected \".x\" in template clause",
        "{{ if 1 }}{{ else }}{{ else }}{{ end }} | template: t:1: expected end; found {{else}}",
      })
  void parseErrorsUseGoWording(String template, String message) {
    assertThatThrownBy(() -> GoTemplate.parse("t", template, TemplateFunctions.standard()))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{{ fail \"boom\" }} | template: t:1:3: executing \"t\" at <fail \"boom\">: "
            + "error calling fail: boom",
        "~{{ \"boom\" | fail }}~ | template: t:1:12: executing \"t\" at <fail>: "
            + "error calling fail: boom",
        "{{ .nil.field }} | template: t:1:7: executing \"t\" at <.nil.field>: "
            + "nil pointer evaluating interface {}.field",
        "{{ .text.field }} | template: t:1:8: executing \"t\" at <.text.field>: "
            + "can't evaluate field field in type string",
        "{{ index .items 5 }} | template: t:1:3: executing \"t\" at <index .items 5>: "
            + "error calling index: index out of range: 5",
        "{{ eq .text 1 }} | template: t:1:3: executing \"t\" at <eq .text 1>: "
            + "error calling eq: incompatible types for comparison",
        "{{ lt .flag true }} | template: t:1:3: executing \"t\" at <lt .flag true>: "
            + "error calling lt: invalid type for comparison",
        "~{{ upper 1 }}~ | template: t:1:3: executing \"t\" at <upper 1>: "
            + "wrong type for value; expected string; got int",
        "~{{ upper \"a\" \"b\" }}~ | template: t:1:3: executing \"t\" at <upper \"a\" \"b\">: "
            + "wrong number of args for upper: want 1 got 2",
        "~\n  {{ range .text }}{{ end }}~ | template: t:2:11: executing \"t\" at <.text>: "
            + "range can't iterate over Hello World",
        "{{ template \"nope\" }} | template: t:1:12: executing \"t\" at <{{template \"nope\"}}>: "
            + "template \"nope\" not defined",
        "{{ nil }} | template: t:1:3: executing \"t\" at <nil>: nil is not a command",
        "{{ .text 1 }} | template: t:1:3: executing \"t\" at <.text>: "
            + "text is not a method but has arguments",
      })
  void executionErrorsUseGoWording(String template, String message) {
    assertThatThrownBy(() -> render(template))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }

  @Test
  void missingFieldOnTemplateContextFails() {
    TemplateContext context = new TemplateContext(Map.of("ObjectName", "cm"));
    assertThatThrownBy(() -> render("{{ .ObjectName }}-{{ .Foo }}", context))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "template: t:1:21: executing \"t\" at <.Foo>: "
                + "can't evaluate field Foo in type templates.TemplateContext");
  }

  @Test
  void rangeElementThatIsNilFailsOnFieldAccess() {
    Map<String, Object> data = Map.of("list", Arrays.asList((Object) null));
    assertThatThrownBy(() -> render("{{ range .list }}{{ .a }}{{ end }}", data))
        .hasMessageContaining("nil pointer evaluating interface {}.a");
  }

  @Test
  void recursiveTemplateCallsAreBounded() {
    String template = "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" 1}}";
    assertThatThrownBy(() -> render(template))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("exceeded maximum template depth (100)");
  }

  @ParameterizedTest(name = "depth {0}")
  @ValueSource(ints = {1000, 20000})
  void deeplyNestedInputFailsCleanly(int depth) {
    String parens = "{{ " + "(".repeat(depth) + "1" + ")".repeat(depth) + " }}";
    String ifs = "{{ if 1 }}".repeat(depth) + "{{ end }}".repeat(depth);
    for (String template : List.of(parens, ifs)) {
      assertThatThrownBy(() -> render(template))
          .isInstanceOf(TemplateException.class)
          .hasMessageContaining("max expression depth exceeded");
    }
  }

  @Test
  void randomMalformedTemplatesNeverThrowRuntimeExceptions() {
    String[] pieces = {
      "{{",
      "}}",
      "{{-",
      " -}}",
      "(",
      ")",
      "|",
      " ",
      ".",
      ".a",
      "$",
      "$x",
      ":=",
      "=",
      "\"s\"",
      "`r`",
      "'c'",
      "1",
      "-",
      "if",
      "else",
      "end",
      "range",
      "with",
      "define",
      "template",
      "block",
      "break",
      "continue",
      "nil",
      "true",
      "len",
      "index",
      "printf",
      "\"%d\"",
      "/*",
      "*/",
      ",",
      "\n",
      "x",
      "0x",
      "1.5e",
      "\\"
    };
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(14);
      for (int j = 0; j < n; j++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String template = sb.toString();
      try {
        render(template);
      } catch (TemplateException e) {
        assertThat(e.getMessage()).startsWith("template: t:");
      } catch (RuntimeException e) {
        fail("runtime exception for template " + template, e);
      }
    }
  }
}
