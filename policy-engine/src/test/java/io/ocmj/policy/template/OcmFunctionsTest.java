package io.ocmj.policy.template;

import static io.ocmj.policy.template.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcmFunctionsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ base64enc \"admin\" }} {{ base64dec \"YWRtaW4=\" }}~ | YWRtaW4= admin",
        "~{{ base64dec \"!!\" }}~ | illegal base64 data at input byte 0",
        "~{{ \"a\\nb\" | indent 4 }}~ | ~a\n    b~",
        "~{{ atoi \"12\" }} {{ atoi \"1.5\" }} {{ atoi \"x\" }}~ | 12 0 0",
        "~{{ toInt \"42\" }} {{ toInt 3.7 }} {{ toInt \"abc\" }} {{ toInt true }}~ | 42 3 0 1",
        "~{{ toBool \"true\" }} {{ toBool \"T\" }} {{ toBool \"1\" }} {{ toBool \"\" }} "
            + "{{ toBool \"yes\" }}~ | true true true false false",
        "~{{ toLiteral \"[a, b]\" }}~ | [a, b]",
      })
  void gtuHelpers(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~{{ toJSON .metadata }}~ |"
            + " {\"labels\":{\"env\":\"prod\",\"tier\":\"web\"},\"name\":\"app\"}",
        "~{{ toJson (list 1 1.5 3.0 nil true \"<&>\") }}~ | "
            + "[1,1.5,3,null,true,\"\\u003c\\u0026\\u003e\"]",
        "~{{ toRawJSON (dict \"k\" \"<&>\") }} {{ mustToRawJson 1e21 }}~ | {\"k\":\"<&>\"} 1e+21",
        "~{{ (fromJSON \"{\\\"a\\\":{\\\"b\\\":[1,2]}}\").a.b }}~ | [1 2]",
        "~{{ fromJson \"not json\" }}~ | <no value>",
        "~{{ $o := fromJSON \"{\\\"n\\\": 2}\" }}{{ printf \"%T\" $o.n }} {{ $o.n }}~ | float64 2",
      })
  void jsonFunctions(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void mustFromJsonReportsErrors() {
    assertThatThrownBy(() -> render("{{ mustFromJSON \"{\" }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("error calling mustFromJSON:");
  }

  @Test
  void toYamlRendersYamlV3StyleWithoutTrailingNewline() throws TemplateException {
    Map<String, Object> data =
        Map.of(
            "spec",
            Map.of(
                "name",
                "app",
                "replicas",
                3L,
                "ratio",
                0.5,
                "enabled",
                "true",
                "ports",
                List.of(Map.of("port", 80L, "name", "http"), Map.of("port", 443L)),
                "args",
                List.of("-v", "a: b", ""),
                "script",
                "line1\nline2",
                "empty",
                Map.of()));
    assertThat(render("{{ toYAML .spec }}", data))
        .isEqualTo(
            "args:\n"
                + "  - -v\n"
                + "  - 'a: b'\n"
                + "  - \"\"\n"
                + "empty: {}\n"
                + "enabled: \"true\"\n"
                + "name: app\n"
                + "ports:\n"
                + "  - name: http\n"
                + "    port: 80\n"
                + "  - port: 443\n"
                + "ratio: 0.5\n"
                + "replicas: 3\n"
                + "script: |-\n"
                + "  line1\n"
                + "  line2");
  }

  @Test
  void fromYamlParsesDocumentsAndRoundTrips() throws TemplateException {
    String template =
        "{{ $y := fromYAML \"a: 1\\nb: [x, true, 2.5]\\nc:\\n  d: null\\n---\\nz: 1\" }}"
            + "{{ $y.a }} {{ $y.b }} {{ $y.c }} {{ toYaml $y.b }}";
    assertThat(render(template)).isEqualTo("1 [x true 2.5] map[d:<nil>] - x\n- true\n- 2.5");
  }

  @Test
  void autoindentAsPlainFunctionFailsLikeGtu() {
    assertThatThrownBy(() -> render("{{ \"x\" | autoindent }}"))
        .hasMessageEndingWith(
            "error calling autoindent: an unexpected error occurred where autoindent could not "
                + "be processed");
  }

  @Test
  void toLiteralRejectsNewLines() {
    assertThatThrownBy(() -> render("{{ \"a\\nb\" | toLiteral }}"))
        .hasMessageEndingWith(
            "new lines are not allowed in the string passed to the toLiteral function");
  }

  @Test
  void denyListRemovesFunctionsAtParseTime() throws TemplateException {
    TemplateFunctions restricted =
        TemplateFunctions.standard().without(List.of("toJSON", "b64dec"));
    assertThat(restricted.has("toJSON")).isFalse();
    assertThat(restricted.has("toYAML")).isTrue();
    assertThat(TemplateFunctions.standard().has("toJSON")).isTrue();
    assertThatThrownBy(() -> GoTemplate.parse("p", "{{ toJSON . }}", restricted))
        .hasMessage("template: p:1: function \"toJSON\" not defined");
    assertThat(GoTemplate.parse("p", "{{ toYAML . }}", restricted).execute(List.of(1L)))
        .isEqualTo("- 1");
  }

  @Test
  void callersCanAddAndOverrideFunctions() throws TemplateException {
    TemplateFunctions functions =
        TemplateFunctions.standard()
            .with("fromConfigMap", args -> "value-of-" + args.get(2))
            .with("upper", args -> "overridden");
    String out =
        GoTemplate.parse(
                "p", "{{ fromConfigMap \"ns\" \"cm\" \"key\" }} {{ upper \"x\" }}", functions)
            .execute(null);
    assertThat(out).isEqualTo("value-of-key overridden");
    assertThat(TemplateFunctions.builtins().has("printf")).isTrue();
    assertThat(TemplateFunctions.builtins().has("upper")).isFalse();
  }
}
