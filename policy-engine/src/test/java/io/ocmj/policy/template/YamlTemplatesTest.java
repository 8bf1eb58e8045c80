package io.ocmj.policy.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlTemplatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~replicas: '{{ \"6\" | toInt }}'~ | ~replicas: {{ \"6\" | toInt }}~",
        "~enabled: '{{ .flag | toBool }}'~ | ~enabled: {{ .flag | toBool }}~",
        "~list: '{{ .x | toLiteral }}'~ | ~list: {{ .x | toLiteral }}~",
        "~key: |\n  '{{ \"1\" | toInt }}'~ | ~key: {{ \"1\" | toInt }}~",
        "~name: '{{ .name }}'~ | ~name: '{{ .name }}'~",
        "~data: '{{ copyConfigMapData \"ns\" \"cm\" }}'~ | ~data: {{ copyConfigMapData \"ns\""
            + " \"cm\" }}~",
      })
  void removesQuotesAroundTypedActions(String input, String expected) {
    assertThat(YamlTemplates.preprocess(input)).isEqualTo(expected);
  }

  @Test
  void autoindentBecomesIndentByLeadingSpaces() {
    String input =
        "data:\n  config: |\n    {{ .cfg | autoindent }}\n  other: '{{ .x | autoindent }}'";
    assertThat(YamlTemplates.preprocess(input))
        .isEqualTo("data:\n  config: |\n    {{ .cfg | indent 4 }}\n  other: '{{ .x | indent 1 }}'");
  }

  @Test
  void hubDelimitersAreHonoured() {
    String input = "count: '{{hub \"3\" | toInt hub}}'\nlocal: '{{ \"3\" | toInt }}'";
    assertThat(YamlTemplates.preprocess(input, "{{hub", "hub}}"))
        .isEqualTo("count: {{hub \"3\" | toInt hub}}\nlocal: '{{ \"3\" | toInt }}'");
  }

  @Test
  void preprocessedAutoindentRendersMultiLineBlock() throws TemplateException {
    String yaml = "spec:\n  config: |\n    {{ .cfg | autoindent }}\n  after: x\n";
    String rendered =
        GoTemplate.parse("tmpl", YamlTemplates.preprocess(yaml), TemplateFunctions.standard())
            .execute(Map.of("cfg", "a: 1\nb: 2\n"));
    assertThat(rendered).isEqualTo("spec:\n  config: |\n    a: 1\n    b: 2\n  after: x\n");
  }

  @Test
  void preprocessedToIntRendersUnquotedNumber() throws TemplateException {
    String yaml = "replicas: '{{ .n | toInt }}'\n";
    String rendered =
        GoTemplate.parse("tmpl", YamlTemplates.preprocess(yaml), TemplateFunctions.standard())
            .execute(Map.of("n", "7"));
    assertThat(rendered).isEqualTo("replicas: 7\n");
  }
}
