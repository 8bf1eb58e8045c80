package io.ocmj.hub.monitoring;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * JOSDK's monitoring hook, recorded as {@code ocmj_} metrics labelled by controller name (never by
 * resource): reconcile counts by result, reconcile durations, retries, and the queue depth (events
 * handed to the executor and not yet started) and reconciles in progress.
 *
 * <p>One instance per registry: several operators of one process (the hub's, the GitSync
 * controller's, each agent's) add up under the same controller names.
 */
public final class ControllerMetrics implements Metrics {
  public static final String RECONCILE_TOTAL = "ocmj_reconcile_total";
  public static final String RECONCILE_DURATION = "ocmj_reconcile_duration_seconds";
  public static final String RECONCILE_RETRIES = "ocmj_reconcile_retries_total";
  public static final String QUEUE_DEPTH = "ocmj_reconcile_queue_depth";
  public static final String IN_PROGRESS = "ocmj_reconcile_in_progress";

  private static final Map<MeterRegistry, ControllerMetrics> BY_REGISTRY =
      new ConcurrentHashMap<>();

  private final MeterRegistry registry;
  // Resources, not counts: JOSDK finishes some executions it never started (the resource left the
  // cache meanwhile), and a count would drift upwards with every such one.
  private final Map<String, Set<ResourceID>> queued = new ConcurrentHashMap<>();
  private final Map<String, Set<ResourceID>> running = new ConcurrentHashMap<>();

  private ControllerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The metrics of Micrometer's global registry, which the ocmj processes expose. */
  public static ControllerMetrics global() {
    return of(io.micrometer.core.instrument.Metrics.globalRegistry);
  }

  /** The one instance recording into {@code registry}. */
  public static ControllerMetrics of(MeterRegistry registry) {
    return BY_REGISTRY.computeIfAbsent(registry, ControllerMetrics::new);
  }

  @Override
  public void controllerRegistered(Controller<? extends HasMetadata> controller) {
    String name = controller.getConfiguration().getName();
    queued(name);
    running(name);
    // Present at zero from the start, so that a rate() has a first sample.
    counter(name, "success");
    counter(name, "error");
    retries(name);
  }

  @Override
  public void reconcileCustomResource(
      HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
    String name = name(metadata);
    queued(name).add(ResourceID.fromResource(resource));
    if (retryInfo != null && retryInfo.getAttemptCount() > 0) {
      retries(name).increment();
    }
  }

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    String name = name(metadata);
    ResourceID id = ResourceID.fromResource(resource);
    queued(name).remove(id);
    running(name).add(id);
  }

  @Override
  public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
    forget(name(metadata), ResourceID.fromResource(resource));
  }

  @Override
  public void cleanupDoneFor(ResourceID id, Map<String, Object> metadata) {
    forget(name(metadata), id);
  }

  private void forget(String controller, ResourceID id) {
    queued(controller).remove(id);
    running(controller).remove(id);
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    String name = execution.controllerName();
    long start = System.nanoTime();
    String result = "error";
    try {
      T outcome = execution.execute();
      result = "success";
      return outcome;
    } finally {
      Timer.builder(RECONCILE_DURATION)
          .description("How long reconciles (and cleanups) take")
          .tag("controller", name)
          .tag("operation", execution.name())
          .publishPercentileHistogram()
          .register(registry)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      counter(name, result).increment();
    }
  }

  private Counter retries(String controller) {
    return Counter.builder(RECONCILE_RETRIES)
        .description("Reconciles that retry an earlier failed one")
        .tag("controller", controller)
        .register(registry);
  }

  private Counter counter(String controller, String result) {
    return Counter.builder(RECONCILE_TOTAL)
        .description("Reconciles (and cleanups) by controller and result")
        .tag("controller", controller)
        .tag("result", result)
        .register(registry);
  }

  private Set<ResourceID> queued(String controller) {
    return queued.computeIfAbsent(
        controller,
        c ->
            gauge(
                QUEUE_DEPTH,
                "Resources waiting for a reconcile worker (events handed over, not yet started)",
                c));
  }

  private Set<ResourceID> running(String controller) {
    return running.computeIfAbsent(
        controller, c -> gauge(IN_PROGRESS, "Reconciles running now", c));
  }

  private Set<ResourceID> gauge(String metric, String help, String controller) {
    Set<ResourceID> value = ConcurrentHashMap.newKeySet();
    Gauge.builder(metric, value, Set::size)
        .description(help)
        .tag("controller", controller)
        .strongReference(true)
        .register(registry);
    return value;
  }

  private static String name(Map<String, Object> metadata) {
    Object name = metadata == null ? null : metadata.get(Constants.CONTROLLER_NAME);
    return name == null ? "unknown" : name.toString();
  }
}
