package io.ocmj.klusterlet.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ConditionRule;
import io.ocmj.api.work.v1.ConditionRuleType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of the parts of a ManifestWork spec the agent interprets itself: the JSON paths of
 * feedback rules (and ignoreFields) and the CEL expressions (and message expressions) of condition
 * rules, built from fragments of valid ones and random text. A path is used or refused with an
 * IllegalArgumentException naming it (which the agent reports on the manifest), never another
 * exception; a condition rule always ends in True, False or Unknown with a reason.
 */
class ManifestWorkRulesFuzzTest {
  private static final Map<String, Object> OBJECT =
      Map.of(
          "apiVersion",
          "apps/v1",
          "kind",
          "Deployment",
          "metadata",
          Map.of("name", "web", "labels", Map.of("app", "web")),
          "status",
          Map.of(
              "readyReplicas", 2,
              "replicas", 3,
              "conditions", List.of(Map.of("type", "Available", "status", "True", "reason", "x"))));

  private static final List<String> PATH_BITS =
      List.of(
          ".",
          "..",
          "$",
          "@",
          "[",
          "]",
          "[*]",
          "[0]",
          "[-1]",
          "[?(@.type=='Available')]",
          "?(",
          "status",
          "readyReplicas",
          "conditions",
          "metadata",
          "labels",
          "['app']",
          "{",
          "}",
          "'",
          "\"",
          " ",
          "\\",
          "*",
          "=~",
          "/.*/",
          "length()",
          "()",
          "&&",
          "||");

  private static final List<String> CEL_BITS =
      List.of(
          "object",
          ".status",
          ".readyReplicas",
          ".replicas",
          ".conditions",
          ".metadata",
          ".labels",
          "['app']",
          "[0]",
          "[99]",
          " == ",
          " != ",
          " > ",
          " && ",
          " || ",
          "!",
          "(",
          ")",
          "2",
          "'web'",
          "true",
          "null",
          "has(",
          "size(",
          ".exists(c, c.type == 'Available')",
          ".all(c, ",
          "int(",
          "string(",
          "1/0",
          "'a' + ",
          " ? ",
          " : ",
          "[",
          "]",
          "{",
          "}",
          "\\",
          "\"",
          "9223372036854775807 + 1",
          ".map(x, x)",
          "dyn(");

  /** Found by the property in CI (seed 8380347124995418296): the library's own exception. */
  @Example
  void aNegativeIndexUnderADeepScanIsRefusedByName() {
    feedbackPathsAreReadOrRefusedByName("..[-1]");
    assertThatThrownBy(() -> FieldPath.parse("..[-1]").delete(mutable()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("path ..[-1] is not a valid JSON path");
  }

  @Property
  void feedbackPathsAreReadOrRefusedByName(@ForAll("paths") String text) {
    FieldPath path;
    try {
      path = FieldPath.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("not a valid JSON path");
      return;
    }
    // Some paths compile and only fail when evaluated (an unknown function): refused by name too.
    try {
      path.read(mutable());
      path.delete(mutable()); // as the agent's maps are (Jackson's, mutable all the way down)
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("path " + text + " is not a valid JSON path");
    }
  }

  @Property
  void conditionRulesEndInAStatusWithAReason(
      @ForAll("expressions") List<String> expressions, @ForAll("messages") String message) {
    ConditionRule rule = new ConditionRule();
    rule.setCondition("Ready");
    rule.setType(ConditionRuleType.CEL);
    rule.setCelExpressions(expressions);
    rule.setMessageExpression(message);
    List<ConditionRules.Result> results =
        ConditionRules.evaluate(List.of(rule), "apps", "Deployment", OBJECT);
    assertThat(results).hasSize(1);
    assertThat(results.get(0).status()).isIn(Conditions.TRUE, Conditions.FALSE, Conditions.UNKNOWN);
    assertThat(results.get(0).reason()).isNotBlank();
    assertThat(results.get(0).message()).isNotNull();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mutable() {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .convertValue(OBJECT, LinkedHashMap.class);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.oneOf(
        Arbitraries.of(PATH_BITS).list().ofMaxSize(12).map(l -> String.join("", l)),
        Arbitraries.strings().ofMaxLength(30));
  }

  @Provide
  Arbitrary<List<String>> expressions() {
    return Arbitraries.oneOf(
            Arbitraries.of(CEL_BITS).list().ofMaxSize(10).map(l -> String.join("", l)),
            Arbitraries.strings().ofMaxLength(30))
        .list()
        .ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> messages() {
    return Arbitraries.of(CEL_BITS)
        .list()
        .ofMaxSize(6)
        .map(l -> String.join("", l))
        .injectNull(0.3);
  }
}
