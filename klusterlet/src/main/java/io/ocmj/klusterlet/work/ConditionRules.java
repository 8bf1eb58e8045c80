package io.ocmj.klusterlet.work;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ConditionRule;
import io.ocmj.api.work.v1.ConditionRuleType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A manifest's {@code conditionRules}: each gives the manifest a condition of its own type, from
 * OCM's well-known conditions ({@code Complete} of a Job or Pod) or from CEL expressions over the
 * live {@code object} (all true: True). Reasons start with {@code ConditionRule} as OCM's do.
 * Compiled expressions are cached; an expression that does not compile or fails is reported in the
 * condition, never thrown.
 */
final class ConditionRules {
  static final String REASON_EVALUATED = "ConditionRuleEvaluated";
  static final String REASON_INVALID = "ConditionRuleInvalid";
  static final String REASON_EXPRESSION_ERROR = "ConditionRuleExpressionError";
  static final String PREFIX = "ConditionRule";

  private static final CelCompiler BOOL_COMPILER = compiler(SimpleType.BOOL);
  private static final CelCompiler STRING_COMPILER = compiler(SimpleType.STRING);
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private static final Map<String, Object> PROGRAMS = new ConcurrentHashMap<>();

  private ConditionRules() {}

  /** One rule's result. */
  record Result(String type, String status, String reason, String message) {}

  static List<Result> evaluate(
      List<ConditionRule> rules, String group, String kind, Map<String, Object> object) {
    List<Result> results = new ArrayList<>();
    Map<String, Object> celObject = celValue(object);
    for (ConditionRule rule : rules) {
      results.add(
          rule.getType() == ConditionRuleType.WellKnownConditions
              ? wellKnown(rule, group, kind, object)
              : cel(rule, celObject));
    }
    return results;
  }

  private static Result wellKnown(
      ConditionRule rule, String group, String kind, Map<String, Object> object) {
    if (!"Complete".equals(rule.getCondition())
        || !(group.equals("batch") && kind.equals("Job")
            || group.isEmpty() && kind.equals("Pod"))) {
      return new Result(
          rule.getCondition(),
          Conditions.UNKNOWN,
          REASON_INVALID,
          "no well-known condition "
              + rule.getCondition()
              + " for "
              + kind
              + " (OCM knows Complete for batch Job and Pod)");
    }
    Map<String, Object> status = ObjectMerge.map(object.get("status"));
    boolean complete =
        kind.equals("Job")
            ? ObjectMerge.list(status.get("conditions")).stream()
                .map(ObjectMerge::map)
                .anyMatch(
                    c ->
                        ("Complete".equals(c.get("type")) || "Failed".equals(c.get("type")))
                            && "True".equals(c.get("status")))
            : "Succeeded".equals(status.get("phase")) || "Failed".equals(status.get("phase"));
    return new Result(
        rule.getCondition(),
        complete ? Conditions.TRUE : Conditions.FALSE,
        REASON_EVALUATED,
        message(rule, complete ? kind + " is complete" : kind + " is not complete", object));
  }

  private static Result cel(ConditionRule rule, Map<String, Object> object) {
    if (rule.getCelExpressions().isEmpty()) {
      return new Result(
          rule.getCondition(), Conditions.UNKNOWN, REASON_INVALID, "celExpressions is empty");
    }
    for (String expression : rule.getCelExpressions()) {
      Object value;
      try {
        value = program(BOOL_COMPILER, expression).eval(Map.of("object", object));
      } catch (CelValidationException e) {
        return new Result(
            rule.getCondition(),
            Conditions.UNKNOWN,
            REASON_INVALID,
            "celExpressions: " + expression + ": " + e.getMessage().lines().findFirst().orElse(""));
      } catch (CelEvaluationException e) {
        return new Result(
            rule.getCondition(),
            Conditions.UNKNOWN,
            REASON_EXPRESSION_ERROR,
            "celExpressions: " + expression + ": " + e.getMessage());
      }
      if (!Boolean.TRUE.equals(value)) {
        return new Result(
            rule.getCondition(),
            Conditions.FALSE,
            REASON_EVALUATED,
            message(rule, "Expression " + expression + " is false", object));
      }
    }
    return new Result(
        rule.getCondition(),
        Conditions.TRUE,
        REASON_EVALUATED,
        message(rule, "All expressions are true", object));
  }

  private static String message(ConditionRule rule, String fallback, Map<String, Object> object) {
    if (rule.getMessageExpression() != null && !rule.getMessageExpression().isBlank()) {
      try {
        Object value =
            program(STRING_COMPILER, rule.getMessageExpression())
                .eval(Map.of("object", celValue(object)));
        return String.valueOf(value);
      } catch (CelValidationException | CelEvaluationException e) {
        return fallback
            + " (messageExpression failed: "
            + e.getMessage().lines().findFirst().orElse("")
            + ")";
      }
    }
    return rule.getMessage() == null || rule.getMessage().isBlank() ? fallback : rule.getMessage();
  }

  private static CelRuntime.Program program(CelCompiler compiler, String expression)
      throws CelValidationException, CelEvaluationException {
    String key = (compiler == BOOL_COMPILER ? "bool:" : "string:") + expression;
    Object cached = PROGRAMS.get(key);
    if (cached instanceof CelRuntime.Program program) {
      return program;
    }
    CelValidationResult result = compiler.compile(expression);
    CelAbstractSyntaxTree ast = result.getAst();
    CelRuntime.Program program = RUNTIME.createProgram(ast);
    PROGRAMS.put(key, program);
    return program;
  }

  private static CelCompiler compiler(CelType resultType) {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("object", SimpleType.DYN)
        .setResultType(resultType)
        .build();
  }

  /** The object as CEL values: integers as long, as CEL's int is. */
  @SuppressWarnings("unchecked")
  static <T> T celValue(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), celValue(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(ConditionRules::celValue).toList();
    }
    if (value instanceof Integer i) {
      return (T) Long.valueOf(i);
    }
    return value;
  }
}
