package io.ocmj.cli.monitoring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ocmj.api.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code /metrics} (Prometheus text format, Micrometer's global registry: the {@code ocmj_} metrics
 * and the JVM's), {@code /healthz} (the process serves) and {@code /readyz} (every readiness check
 * passes; 503 names the ones that do not) on one address.
 */
public final class MonitoringServer implements AutoCloseable {
  private final HttpServer server;
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(3, DaemonThreads.named("ocmj-monitoring"));
  private final Map<String, BooleanSupplier> checks = new ConcurrentSkipListMap<>();
  private final Map<String, BooleanSupplier> liveness = new ConcurrentSkipListMap<>();

  private MonitoringServer(HttpServer server, PrometheusMeterRegistry registry, JvmGcMetrics gc) {
    this.server = server;
    this.registry = registry;
    this.gc = gc;
  }

  /** Serves on {@code address} (port 0: any free port) until closed. */
  public static MonitoringServer start(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    Metrics.addRegistry(registry);
    MonitoringServer monitoring = new MonitoringServer(server, registry, gc);
    server.createContext("/metrics", monitoring::metrics);
    server.createContext("/healthz", monitoring::health);
    server.createContext("/readyz", monitoring::readiness);
    // A few threads: one slow scrape must not hold up the liveness probe.
    server.setExecutor(monitoring.executor);
    server.start();
    return monitoring;
  }

  /** Adds a readiness check; {@code /readyz} fails until at least one is added. */
  public MonitoringServer ready(String name, BooleanSupplier check) {
    checks.put(name, check);
    return this;
  }

  /** Adds a liveness check; {@code /healthz} fails (and the kubelet restarts) while it fails. */
  public MonitoringServer live(String name, BooleanSupplier check) {
    liveness.put(name, check);
    return this;
  }

  /** The registry behind {@code /metrics}, for gauges that belong to this process. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** What a user would open: {@code http://host:port}. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
    return "http://" + host + ":" + a.getPort();
  }

  private void metrics(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    respond(exchange, 200, registry.scrape());
  }

  private void health(HttpExchange exchange) throws IOException {
    List<String> failing = failing(liveness);
    if (failing.isEmpty()) {
      respond(exchange, 200, "ok\n");
    } else {
      respond(exchange, 503, "unhealthy: " + String.join(", ", failing) + "\n");
    }
  }

  private void readiness(HttpExchange exchange) throws IOException {
    List<String> failing = failing(checks);
    if (checks.isEmpty()) {
      respond(exchange, 503, "not ready: starting\n");
    } else if (failing.isEmpty()) {
      respond(exchange, 200, "ok\n");
    } else {
      respond(exchange, 503, "not ready: " + String.join(", ", failing) + "\n");
    }
  }

  private static List<String> failing(Map<String, BooleanSupplier> checks) {
    List<String> failing = new ArrayList<>();
    checks.forEach(
        (name, check) -> {
          boolean ok;
          try {
            ok = check.getAsBoolean();
          } catch (RuntimeException e) {
            ok = false;
          }
          if (!ok) {
            failing.add(name);
          }
        });
    return failing;
  }

  private static void respond(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (exchange.getResponseHeaders().getFirst("Content-Type") == null) {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    }
    exchange.sendResponseHeaders(
        code, "HEAD".equals(exchange.getRequestMethod()) ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!"HEAD".equals(exchange.getRequestMethod())) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    Metrics.removeRegistry(registry);
    gc.close();
    registry.close();
  }
}
