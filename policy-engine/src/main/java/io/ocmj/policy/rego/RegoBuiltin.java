package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A host builtin as the Wasm module calls it: JSON operands in, one JSON result out. */
@FunctionalInterface
public interface RegoBuiltin {
  /**
   * Evaluates the builtin.
   *
   * @throws RegoBuiltinException with OPA's message when an operand has the wrong type or the
   *     builtin fails
   */
  JsonNode apply(List<JsonNode> args);
}
