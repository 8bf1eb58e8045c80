package io.ocmj.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MonitoringServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheGlobalRegistryAndHealth() throws Exception {
    try (MonitoringServer server = MonitoringServer.start(new InetSocketAddress("127.0.0.1", 0))) {
      Counter.builder("ocmj_test_things_total")
          .description("things")
          .tag("kind", "a")
          .register(Metrics.globalRegistry)
          .increment(3);

      HttpResponse<String> metrics = get(server, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(metrics.body())
          .contains("# HELP ocmj_test_things_total things")
          .containsPattern("(?m)^ocmj_test_things_total\\{kind=\"a\"} 3\\.0$")
          .contains("jvm_memory_used_bytes");
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
    }
    assertThat(Metrics.globalRegistry.getRegistries()).isEmpty();
  }

  @Test
  void readyOnlyWhenEveryCheckPasses() throws Exception {
    try (MonitoringServer server = MonitoringServer.start(new InetSocketAddress("127.0.0.1", 0))) {
      assertThat(get(server, "/readyz").statusCode()).as("no checks yet: starting").isEqualTo(503);
      AtomicBoolean hub = new AtomicBoolean(false);
      server
          .ready("hub", hub::get)
          .ready(
              "broken",
              () -> {
                throw new IllegalStateException("check failed");
              });
      HttpResponse<String> notReady = get(server, "/readyz");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).isEqualTo("not ready: broken, hub\n");

      server.ready("broken", () -> true);
      hub.set(true);
      HttpResponse<String> ready = get(server, "/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ok\n");
    }
  }

  @Test
  void unhealthyWhileALivenessCheckFails() throws Exception {
    try (MonitoringServer server = MonitoringServer.start(new InetSocketAddress("127.0.0.1", 0))) {
      AtomicBoolean leading = new AtomicBoolean(true);
      server.live("leadership", leading::get);
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      leading.set(false);
      HttpResponse<String> lost = get(server, "/healthz");
      assertThat(lost.statusCode()).isEqualTo(503);
      assertThat(lost.body()).isEqualTo("unhealthy: leadership\n");
    }
  }

  private HttpResponse<String> get(MonitoringServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
