package io.ocmj.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.testing.Binaries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real {@code opa build -t wasm} output, evaluated through opa-java-wasm with ocmj's builtins. */
class RegoModuleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RegoCompiler compiler;

  @BeforeAll
  static void opa() {
    compiler = new RegoCompiler(new Binaries(Binaries.defaultCacheDir()).ensure("opa"));
  }

  @Test
  void violationsFormatSetsAsGoOpaDoes() throws Exception {
    String rego =
        """
        package k8srequiredlabels

        violation[{"msg": msg, "details": {"missing_labels": missing}}] {
          provided := {label | input.review.object.metadata.labels[label]}
          required := {label | label := input.parameters.labels[_]}
          missing := required - provided
          count(missing) > 0
          msg := sprintf("you must provide labels: %v", [missing])
        }
        """;
    RegoModule module =
        RegoModule.load(
            compiler.compile(
                List.of(new RegoCompiler.Module("t", rego)), "k8srequiredlabels/violation", true),
            "k8srequiredlabels/violation");
    JsonNode input =
        JSON.readTree(
            "{\"review\": {\"object\": {\"metadata\": {\"labels\": {\"a\": \"1\"}}}},"
                + " \"parameters\": {\"labels\": [\"owner\", \"team\", \"a\"]}}");
    JsonNode result = module.evaluate(input, null);
    assertThat(result).hasSize(1);
    assertThat(result.get(0).get("msg").asText())
        .isEqualTo("you must provide labels: {\"owner\", \"team\"}");
    JsonNode none =
        module.evaluate(
            JSON.readTree(
                "{\"review\": {\"object\": {\"metadata\": {\"labels\": {\"owner\": \"x\"}}}},"
                    + " \"parameters\": {\"labels\": [\"owner\"]}}"),
            null);
    assertThat(none).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.Timeout(60) // without the limit this would run for minutes
  void heavyRegoStopsAtTheTimeLimitAndTheModuleStaysUsable() throws Exception {
    String rego =
        """
        package heavy

        violation[{"msg": "never"}] {
          input.heavy
          some i, j
          numbers.range(1, 4000)[i] * numbers.range(1, 4000)[j] == -1
        }

        violation[{"msg": "light"}] {
          input.light
        }
        """;
    RegoModule module =
        RegoModule.load(
            compiler.compile(List.of(new RegoCompiler.Module("h", rego)), "heavy/violation", true),
            "heavy/violation");
    assertThatThrownBy(
            () ->
                module.evaluate(
                    JSON.readTree("{\"heavy\": true}"), null, java.time.Duration.ofMillis(300)))
        .isInstanceOf(RegoException.class)
        .hasMessage("evaluation exceeded the time limit of 300 ms");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    // The next evaluation gets a fresh instance; a light input still answers within the limit.
    JsonNode light = module.evaluate(JSON.readTree("{\"light\": true}"), null);
    assertThat(light).hasSize(1);
    assertThat(light.get(0).get("msg").asText()).isEqualTo("light");
  }

  @Test
  void recursiveRegoIsACompileError() {
    assertThatThrownBy(
            () ->
                compiler.compile(
                    List.of(
                        new RegoCompiler.Module(
                            "loop",
                            "package p\n\nviolation[x] { a[x] }\n\na[x] { violation[x] }\n")),
                    "p/violation",
                    true))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("loop.rego:")
        .hasMessageContaining("rego_recursion_error");
  }

  @Test
  void aSyntaxErrorComesBackWithOpasLineAndColumn() {
    assertThatThrownBy(
            () ->
                compiler.compile(
                    List.of(
                        new RegoCompiler.Module(
                            "broken", "package p\n\nviolation[x] {\n  x := \n}\n")),
                    "p/violation",
                    true))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("broken.rego:")
        .hasMessageContaining("rego_parse_error");
  }

  @Test
  void aModuleWithoutTheEntrypointIsRefused() throws Exception {
    byte[] wasm =
        compiler.compile(
            List.of(new RegoCompiler.Module("p", "package p\n\nallow { true }\n")),
            "p/allow",
            true);
    assertThatThrownBy(() -> RegoModule.load(wasm, "p/violation"))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("no entrypoint p/violation");
  }

  @Test
  void oversizedRegoIsRefusedBeforeOpaRuns() {
    String big = "package p\n# " + "x".repeat(RegoCompiler.MAX_SOURCE_BYTES) + "\n";
    assertThatThrownBy(
            () ->
                compiler.compile(List.of(new RegoCompiler.Module("big", big)), "p/violation", true))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("at most " + RegoCompiler.MAX_SOURCE_BYTES + " are accepted");
  }

  @Test
  void aTemplateWithoutRegoNamesTheTemplateAndField() {
    Map<String, Object> template =
        Map.of(
            "metadata",
            Map.of("name", "t"),
            "spec",
            Map.of(
                "crd", Map.of("spec", Map.of("names", Map.of("kind", "K"))),
                "targets", List.of(Map.of("target", "admission.k8s.gatekeeper.sh"))));
    assertThatThrownBy(() -> ConstraintTemplateSource.of(template))
        .isInstanceOf(RegoException.class)
        .hasMessage("ConstraintTemplate t: spec.targets[0] has no rego");
    assertThatThrownBy(() -> ConstraintTemplateSource.of(Map.of("metadata", Map.of("name", "u"))))
        .isInstanceOf(RegoException.class)
        .hasMessage("ConstraintTemplate u: spec.crd.spec.names.kind is required");
  }
}
