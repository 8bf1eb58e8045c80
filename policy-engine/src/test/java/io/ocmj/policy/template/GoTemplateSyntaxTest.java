package io.ocmj.policy.template;

import static io.ocmj.policy.template.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTemplateSyntaxTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "plain text | plain text",
        "{{.metadata.name}} | app",
        "{{ .metadata.labels.tier }} | web",
        "{{$.count}} | 3",
        "{{ (.metadata).name }} | app",
        "{{ (index .metadata \"labels\").env }} | prod",
        "{{ .missing }} | <no value>",
        "{{ .missing.deeper }} | <no value>",
        "{{/* a comment */}}x | x",
        "a {{- /* trimmed */ -}} b | ab",
        "{{ \"quoted\\tesc\" }} | ~quoted\tesc~",
        "{{ `raw \\n` }} | ~raw \\n~",
        "{{ 'a' }} | 97",
        "{{ 0x1F }} | 31",
        "{{ 017 }} | 15",
        "{{ -42 }} | -42",
        "{{ 1.5 }} | 1.5",
        "{{ 1e3 }} | 1000",
        "{{ 1_000 }} | 1000",
        "{{ true }} {{ false }} | true false",
        "{{ print nil }} | <nil>",
        "{{ .nil }} | <no value>",
        "~{{ \"a\" | printf \"%s-%s\" \"b\" }}~ | b-a",
        "~{{ \"x\" | upper | printf \"[%s]\" }}~ | [X]",
        "{{ (print 1 2) }} | 1 2",
      })
  void rendersExpressions(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~a  {{- 1 }}~ | a1",
        "~{{ 1 -}}  \n  b~ | 1b",
        "~x\n\t {{- 1 -}} \n\ty~ | x1y",
        "~{{-3}}~ | -3",
        "~{{ 1 }} {{ 2 }}~ | 1 2",
      })
  void trimMarkersRemoveAdjacentWhitespace(String template, String expected)
      throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void rangeOverListProducesYamlItems() throws TemplateException {
    String template =
        "{{range $ns := (list \"another\" \"default\" \"nonexist\")}}\n- ns: {{$ns}}\n{{end}}";
    assertThat(render(template)).isEqualTo("\n- ns: another\n\n- ns: default\n\n- ns: nonexist\n");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{{range .items}}[{{.}}]{{end}} | [a][b][c]",
        "{{range $i, $v := .items}}{{$i}}={{$v}} {{end}} | ~0=a 1=b 2=c ~",
        "{{range $k, $v := .metadata.labels}}{{$k}}:{{$v}};{{end}} | env:prod;tier:web;",
        "{{range .empty}}x{{else}}none{{end}} | none",
        "{{range .missing}}x{{else}}none{{end}} | none",
        "{{range 3}}{{.}}{{end}} | 012",
        "{{range .nums}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}} | 32",
        "{{range .nums}}{{if eq . 1}}{{break}}{{end}}{{.}}{{end}} | 3",
        "{{range $x := .items}}{{range $.nums}}{{$x}}{{end}}{{end}} | aaabbbccc",
      })
  void rangeIteratesListsMapsAndInts(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void rangeOverMapUsesSortedKeys() throws TemplateException {
    Map<String, Object> map = new HashMap<>();
    for (String key : List.of("zeta", "alpha", "mid", "beta")) {
      map.put(key, key.length());
    }
    assertThat(render("{{range $k, $v := .}}{{$k}}{{end}}", map)).isEqualTo("alphabetamidzeta");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{{if .flag}}yes{{end}} | yes",
        "{{if .empty}}yes{{else}}no{{end}} | no",
        "{{if .missing}}a{{else if .count}}b{{else}}c{{end}} | b",
        "{{if 0}}a{{else if \"\"}}b{{else}}c{{end}} | c",
        "{{with .metadata}}{{.name}}{{end}} | app",
        "{{with .missing}}x{{else with .text}}{{.}}{{else}}z{{end}} | Hello World",
        "{{with .missing}}x{{else}}{{.count}}{{end}} | 3",
        "{{if and .flag .count}}both{{end}} | both",
        "{{if or .missing .empty}}x{{else}}neither{{end}} | neither",
        "{{if not .missing}}absent{{end}} | absent",
      })
  void conditionalsFollowGoTruthiness(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{{$x := 1}}{{$x}} | 1",
        "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}} | 2",
        "{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}} | 21",
        "{{$x := 0}}{{range .nums}}{{$x = .}}{{end}}{{$x}} | 2",
        "{{if $v := .metadata.name}}{{$v}}{{end}} | app",
        "{{with $m := .metadata}}{{$m.labels.tier}}{{end}} | web",
        "{{range $i, $v := .items}}{{end}}{{$}} | ~map[count:3 empty:[] flag:true items:[a b c] "
            + "metadata:map[labels:map[env:prod tier:web] name:app] nil:<nil> nums:[3 1 2] "
            + "ratio:0.5 text:Hello World]~",
      })
  void variablesAreScopedLikeGo(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void andOrShortCircuitAndReturnDecidingValue() throws TemplateException {
    assertThat(render("{{ and 1 0 2 }}|{{ or 0 \"\" \"x\" }}|{{ or 0 \"\" }}")).isEqualTo("0|x|");
    assertThat(render("{{ and .missing (fail \"not evaluated\") }}")).isEqualTo("<no value>");
    assertThat(render("{{ or .flag (fail \"not evaluated\") }}")).isEqualTo("true");
  }

  @Test
  void defineTemplateAndBlock() throws TemplateException {
    String template =
        "{{define \"item\"}}<{{.}}>{{end}}"
            + "{{range .items}}{{template \"item\" .}}{{end}}"
            + "{{block \"footer\" .count}}[{{.}}]{{end}}"
            + "{{template \"item\"}}";
    assertThat(render(template)).isEqualTo("<a><b><c>[3]<<no value>>");
  }

  @Test
  void customDelimitersLeaveStandardActionsAlone() throws TemplateException {
    GoTemplate template =
        GoTemplate.parse(
            "hub",
            "name: {{hub .metadata.name hub}} managed: {{ .x }}",
            TemplateFunctions.standard(),
            "{{hub",
            "hub}}");
    assertThat(template.execute(Render.sample())).isEqualTo("name: app managed: {{ .x }}");
  }

  @Test
  void templateContextFieldsAreReadable() throws TemplateException {
    TemplateContext context =
        new TemplateContext(Map.of("ObjectName", "cm", "ObjectNamespace", "default"));
    assertThat(render("{{ .ObjectNamespace }}/{{ .ObjectName }}", context)).isEqualTo("default/cm");
  }

  @Test
  void parsedTemplateIsReusableAcrossExecutions() throws TemplateException {
    GoTemplate template = GoTemplate.parse("t", "{{.}}", TemplateFunctions.standard());
    assertThat(template.execute(1L)).isEqualTo("1");
    assertThat(template.execute("two")).isEqualTo("two");
  }

  @Test
  void dictResultsAreMutableForSprigSet() throws TemplateException {
    List<Object> seen = new ArrayList<>();
    TemplateFunctions functions =
        TemplateFunctions.standard()
            .with(
                "record",
                args -> {
                  seen.addAll(args);
                  return "";
                });
    GoTemplate.parse(
            "t", "{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ record $d }}", functions)
        .execute(null);
    assertThat(seen).containsExactly(Map.of("a", 1L, "b", 2L));
  }
}
