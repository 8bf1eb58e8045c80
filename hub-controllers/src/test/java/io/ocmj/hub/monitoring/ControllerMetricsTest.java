package io.ocmj.hub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.monitoring.Metrics.ControllerExecution;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ControllerMetrics metrics = ControllerMetrics.of(registry);
  private final Map<String, Object> placement = Map.of(Constants.CONTROLLER_NAME, "placement");
  private final ConfigMap resource = configMap("a");
  private final ConfigMap other = configMap("b");

  @Test
  void queueDepthAndInProgressFollowTheExecutor() {
    metrics.reconcileCustomResource(resource, null, placement);
    metrics.reconcileCustomResource(other, null, placement);
    assertThat(gauge(ControllerMetrics.QUEUE_DEPTH, "placement")).isEqualTo(2);

    metrics.reconciliationExecutionStarted(resource, placement);
    assertThat(gauge(ControllerMetrics.QUEUE_DEPTH, "placement")).isEqualTo(1);
    assertThat(gauge(ControllerMetrics.IN_PROGRESS, "placement")).isEqualTo(1);

    metrics.reconciliationExecutionFinished(resource, placement);
    metrics.reconciliationExecutionFinished(resource, placement);
    assertThat(gauge(ControllerMetrics.IN_PROGRESS, "placement")).isZero();
    assertThat(gauge(ControllerMetrics.QUEUE_DEPTH, "placement")).isEqualTo(1);
  }

  @Test
  void anExecutionFinishedWithoutStartingLeavesNoQueueBehind() {
    // JOSDK does this when the resource left its cache before a worker took it.
    metrics.reconcileCustomResource(resource, null, placement);
    metrics.reconciliationExecutionFinished(resource, placement);
    metrics.reconcileCustomResource(other, null, placement);
    metrics.cleanupDoneFor(
        io.javaoperatorsdk.operator.processing.event.ResourceID.fromResource(other), placement);
    assertThat(gauge(ControllerMetrics.QUEUE_DEPTH, "placement")).isZero();
    assertThat(gauge(ControllerMetrics.IN_PROGRESS, "placement")).isZero();
  }

  private static ConfigMap configMap(String name) {
    return new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ns")
        .endMetadata()
        .build();
  }

  @Test
  void reconcilesAreCountedAndTimedByResultAndRetriesCounted() throws Exception {
    assertThat(metrics.timeControllerExecution(execution("work", () -> "done"))).isEqualTo("done");
    assertThatThrownBy(
            () ->
                metrics.timeControllerExecution(
                    execution(
                        "work",
                        () -> {
                          throw new IllegalStateException("boom");
                        })))
        .hasMessage("boom");
    metrics.reconcileCustomResource(resource, retry(1), Map.of(Constants.CONTROLLER_NAME, "work"));
    metrics.reconcileCustomResource(resource, retry(0), Map.of(Constants.CONTROLLER_NAME, "work"));

    assertThat(count("success")).isEqualTo(1);
    assertThat(count("error")).isEqualTo(1);
    assertThat(
            registry
                .get(ControllerMetrics.RECONCILE_DURATION)
                .tag("controller", "work")
                .tag("operation", "reconcile")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get(ControllerMetrics.RECONCILE_RETRIES)
                .tag("controller", "work")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void oneInstancePerRegistry() {
    assertThat(ControllerMetrics.of(registry)).isSameAs(metrics);
    assertThat(ControllerMetrics.of(new SimpleMeterRegistry())).isNotSameAs(metrics);
  }

  private double count(String result) {
    return registry
        .get(ControllerMetrics.RECONCILE_TOTAL)
        .tag("controller", "work")
        .tag("result", result)
        .counter()
        .count();
  }

  private double gauge(String name, String controller) {
    return registry.get(name).tag("controller", controller).gauge().value();
  }

  private static RetryInfo retry(int attempt) {
    return new RetryInfo() {
      @Override
      public int getAttemptCount() {
        return attempt;
      }

      @Override
      public boolean isLastAttempt() {
        return false;
      }
    };
  }

  interface Body<T> {
    T run() throws Exception;
  }

  private static <T> ControllerExecution<T> execution(String controller, Body<T> body) {
    return new ControllerExecution<>() {
      @Override
      public String name() {
        return "reconcile";
      }

      @Override
      public String controllerName() {
        return controller;
      }

      @Override
      public String successTypeName(T result) {
        return "success";
      }

      @Override
      public ResourceID resourceID() {
        return new ResourceID("r", "ns");
      }

      @Override
      public Map<String, Object> metadata() {
        return Map.of(Constants.CONTROLLER_NAME, controller);
      }

      @Override
      public T execute() throws Exception {
        return body.run();
      }
    };
  }
}
