package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.styra.opa.wasm.OpaPolicy;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Rego policy compiled to Wasm ({@code opa build -t wasm}), evaluated in-process with
 * opa-java-wasm. An {@code OpaPolicy} is not thread-safe, so instances are pooled: each evaluation
 * borrows one (or makes one) and gives it back.
 */
public final class RegoModule {
  /** Wasm pages (64 KiB) an instance may grow to: 64 MiB, so a runaway policy fails alone. */
  static final int MAX_MEMORY_PAGES = 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final byte[] wasm;
  private final String entrypoint;
  private final ConcurrentLinkedQueue<OpaPolicy> idle = new ConcurrentLinkedQueue<>();

  private RegoModule(byte[] wasm, String entrypoint) {
    this.wasm = wasm.clone();
    this.entrypoint = entrypoint;
  }

  /**
   * Loads a module and checks it has the entrypoint; the message of the exception says what is
   * wrong (not Wasm, wrong ABI, no such entrypoint).
   */
  public static RegoModule load(byte[] wasm, String entrypoint) throws RegoException {
    RegoModule module = new RegoModule(wasm, entrypoint);
    module.idle.add(module.instance());
    return module;
  }

  private OpaPolicy instance() throws RegoException {
    try {
      OpaPolicy policy =
          OpaPolicy.builder()
              .withPolicy(wasm)
              .withDefaultBuiltins(false)
              .addBuiltins(WasmBuiltins.all())
              .withMaxMemory(MAX_MEMORY_PAGES)
              .build();
      if (!policy.entrypoints().containsKey(entrypoint)) {
        throw new RegoException(
            "the module has no entrypoint "
                + entrypoint
                + " (it has "
                + policy.entrypoints().keySet()
                + ")");
      }
      return policy.entrypoint(entrypoint);
    } catch (RuntimeException e) {
      throw new RegoException("cannot load the Wasm module: " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates the entrypoint; returns its value, or null when it is undefined. {@code data} may be
   * null (no data document).
   */
  public JsonNode evaluate(JsonNode input, JsonNode data) throws RegoException {
    OpaPolicy policy = idle.poll();
    if (policy == null) {
      policy = instance();
    }
    boolean healthy = false;
    try {
      policy.data(data == null ? JSON.createObjectNode() : data);
      JsonNode result = JSON.readTree(policy.evaluate(input));
      healthy = true;
      return result.isArray() && !result.isEmpty() ? result.get(0).get("result") : null;
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RegoException("evaluation failed: " + e.getMessage(), e);
    } finally {
      if (healthy) {
        idle.add(policy); // an instance that failed mid-evaluation is dropped, not reused
      }
    }
  }
}
