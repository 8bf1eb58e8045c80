package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.styra.opa.wasm.OpaPolicy;
import io.ocmj.api.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A Rego policy compiled to Wasm ({@code opa build -t wasm}), evaluated in-process with
 * opa-java-wasm. An {@code OpaPolicy} is not thread-safe, so instances are pooled: each evaluation
 * borrows one (or makes one) and gives it back. An evaluation is time-limited: past the limit a
 * watchdog interrupts the evaluating thread, which the Wasm interpreter (Chicory) checks, so a
 * runaway policy fails with an error in the caller's thread and the instance is dropped.
 */
public final class RegoModule {
  /** Wasm pages (64 KiB) an instance may grow to: 64 MiB, so a runaway policy fails alone. */
  static final int MAX_MEMORY_PAGES = 1024;

  /** The time limit of one evaluation unless the caller gives another. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("rego-watchdog"));
    executor.setRemoveOnCancelPolicy(true); // a disarmed alarm leaves the queue at once
    return executor;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode EMPTY = JSON.createObjectNode();
  private final byte[] wasm;
  private final String entrypoint;
  private final ConcurrentLinkedQueue<Instance> idle = new ConcurrentLinkedQueue<>();

  /**
   * A pooled instance and the data document it holds: loading data costs as much as its size, so an
   * audit that passes the same inventory for every object loads it once per instance, not once per
   * review (which made an audit quadratic in the number of objects).
   */
  private static final class Instance {
    final OpaPolicy policy;
    JsonNode data;

    Instance(OpaPolicy policy) {
      this.policy = policy;
    }
  }

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
    module.idle.add(new Instance(module.instance()));
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
   * Evaluates the entrypoint within {@link #DEFAULT_TIME_LIMIT}; returns its value, or null when it
   * is undefined. {@code data} may be null (no data document).
   */
  public JsonNode evaluate(JsonNode input, JsonNode data) throws RegoException {
    return evaluate(input, data, DEFAULT_TIME_LIMIT);
  }

  /**
   * Evaluates the entrypoint; past {@code limit} it stops and throws a RegoException that says so.
   * Returns the entrypoint's value, or null when it is undefined.
   */
  public JsonNode evaluate(JsonNode input, JsonNode data, Duration limit) throws RegoException {
    Instance instance = idle.poll();
    if (instance == null) {
      instance = new Instance(instance());
    }
    OpaPolicy policy = instance.policy;
    boolean healthy = false;
    Alarm alarm = new Alarm(Thread.currentThread());
    try {
      JsonNode document = data == null ? EMPTY : data;
      if (instance.data != document) { // the same object: already loaded (callers do not mutate it)
        instance.data = null;
        policy.data(document); // outside the limit: a large inventory is not runaway Rego
        instance.data = document;
      }
      alarm.future = WATCHDOG.schedule(alarm::fire, limit.toNanos(), TimeUnit.NANOSECONDS);
      JsonNode result = JSON.readTree(policy.evaluate(input));
      healthy = !alarm.disarm();
      return result.isArray() && !result.isEmpty() ? result.get(0).get("result") : null;
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      if (alarm.disarm()) {
        throw new RegoException(
            "evaluation exceeded the time limit of " + limit.toMillis() + " ms", e);
      }
      if (String.valueOf(e.getMessage()).contains("opa_malloc: failed")) {
        throw new RegoException(
            "evaluation exceeded the memory limit of " + MAX_MEMORY_PAGES / 16 + " MiB", e);
      }
      throw new RegoException("evaluation failed: " + e.getMessage(), e);
    } finally {
      if (alarm.disarm()) {
        Thread.interrupted(); // the watchdog's interrupt is ours to clear, not the caller's
      }
      if (healthy) {
        idle.add(instance); // an instance that failed mid-evaluation is dropped, not reused
      }
    }
  }

  /** Interrupts the evaluating thread once, unless disarmed first. */
  private static final class Alarm {
    private final Thread caller;
    private ScheduledFuture<?> future;
    private boolean fired;
    private boolean disarmed;

    Alarm(Thread caller) {
      this.caller = caller;
    }

    synchronized void fire() {
      if (!disarmed) {
        fired = true;
        caller.interrupt();
      }
    }

    /** Stops the alarm (again); true when it had interrupted the caller. */
    synchronized boolean disarm() {
      disarmed = true;
      if (future != null) {
        future.cancel(false);
      }
      return fired;
    }
  }
}
