package io.ocmj.klusterlet.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.work.v1.ConditionRule;
import io.ocmj.api.work.v1.ConditionRuleType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionRulesTest {
  private static final Map<String, Object> DEPLOYMENT =
      Map.of("spec", Map.of("replicas", 2), "status", Map.of("readyReplicas", 1));

  @Test
  void celRulesAreTrueWhenEveryExpressionIsOverTheLiveObject() {
    var results =
        ConditionRules.evaluate(
            List.of(
                cel("Ready", "object.status.readyReplicas == object.spec.replicas"),
                cel("Scaled", "object.spec.replicas >= 2", "has(object.status.readyReplicas)")),
            "apps",
            "Deployment",
            DEPLOYMENT);
    assertThat(results)
        .extracting(
            ConditionRules.Result::type,
            ConditionRules.Result::status,
            ConditionRules.Result::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ready", "False", "ConditionRuleEvaluated"),
            org.assertj.core.groups.Tuple.tuple("Scaled", "True", "ConditionRuleEvaluated"));
    assertThat(results.get(0).message())
        .isEqualTo("Expression object.status.readyReplicas == object.spec.replicas is false");
  }

  @Test
  void aBrokenExpressionIsReportedNotThrown() {
    var invalid =
        ConditionRules.evaluate(
            List.of(cel("Ready", "object.status.(")), "apps", "Deployment", DEPLOYMENT);
    assertThat(invalid.get(0).status()).isEqualTo("Unknown");
    assertThat(invalid.get(0).reason()).isEqualTo("ConditionRuleInvalid");
    assertThat(invalid.get(0).message()).startsWith("celExpressions: object.status.(:");

    var failing =
        ConditionRules.evaluate(
            List.of(cel("Ready", "object.status.missing == 1")), "apps", "Deployment", DEPLOYMENT);
    assertThat(failing.get(0).reason()).isEqualTo("ConditionRuleExpressionError");
  }

  @Test
  void messageExpressionsWriteTheMessage() {
    ConditionRule rule = cel("Ready", "object.spec.replicas > 0");
    rule.setMessageExpression("'replicas: ' + string(object.spec.replicas)");
    assertThat(
            ConditionRules.evaluate(List.of(rule), "apps", "Deployment", DEPLOYMENT)
                .get(0)
                .message())
        .isEqualTo("replicas: 2");
  }

  @Test
  void wellKnownCompleteReadsJobsAndPodsOnly() {
    ConditionRule complete = new ConditionRule();
    complete.setType(ConditionRuleType.WellKnownConditions);
    complete.setCondition("Complete");
    Map<String, Object> job =
        Map.of("status", Map.of("conditions", List.of(Map.of("type", "Failed", "status", "True"))));
    assertThat(ConditionRules.evaluate(List.of(complete), "batch", "Job", job).get(0).status())
        .isEqualTo("True");
    assertThat(
            ConditionRules.evaluate(
                    List.of(complete), "", "Pod", Map.of("status", Map.of("phase", "Running")))
                .get(0)
                .status())
        .isEqualTo("False");
    assertThat(
            ConditionRules.evaluate(List.of(complete), "apps", "Deployment", DEPLOYMENT)
                .get(0)
                .reason())
        .isEqualTo("ConditionRuleInvalid");
  }

  private static ConditionRule cel(String condition, String... expressions) {
    ConditionRule rule = new ConditionRule();
    rule.setType(ConditionRuleType.CEL);
    rule.setCondition(condition);
    rule.setCelExpressions(List.of(expressions));
    return rule;
  }
}
