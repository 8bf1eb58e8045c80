package io.ocmj.hub.placement;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL selectors over a ManagedCluster (variable {@code managedCluster}, the object as JSON), as
 * OCM's placement exposes it. Expressions are compiled once; {@link #check} finds the ones that do
 * not compile, so a placement can say it is misconfigured before anything is filtered.
 */
public final class CelSelectors {
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("managedCluster", SimpleType.DYN)
          .setResultType(SimpleType.BOOL)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  /** The first expression that does not compile, with the compiler's words. */
  Optional<String> check(List<String> expressions) {
    for (int i = 0; i < expressions.size(); i++) {
      String expression = expressions.get(i);
      try {
        program(expression);
      } catch (CelValidationException | CelEvaluationException e) {
        return Optional.of(
            "celSelector.celExpressions["
                + i
                + "]: "
                + expression
                + ": "
                + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return Optional.empty();
  }

  /** Whether every expression is true for the cluster; one that fails to evaluate is false. */
  boolean matches(List<String> expressions, ManagedCluster cluster) {
    Map<String, Object> object =
        celValue(Serialization.jsonMapper().convertValue(cluster, Map.class));
    for (String expression : expressions) {
      try {
        if (!Boolean.TRUE.equals(program(expression).eval(Map.of("managedCluster", object)))) {
          return false;
        }
      } catch (CelValidationException | CelEvaluationException e) {
        return false;
      }
    }
    return true;
  }

  private CelRuntime.Program program(String expression)
      throws CelValidationException, CelEvaluationException {
    CelRuntime.Program cached = programs.get(expression);
    if (cached != null) {
      return cached;
    }
    CelRuntime.Program program = RUNTIME.createProgram(COMPILER.compile(expression).getAst());
    programs.put(expression, program);
    return program;
  }

  @SuppressWarnings("unchecked")
  private static <T> T celValue(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), celValue(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(celValue(v)));
      return (T) copy;
    }
    if (value instanceof Integer i) {
      return (T) Long.valueOf(i);
    }
    return value;
  }
}
