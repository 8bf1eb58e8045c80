package io.ocmj.gitops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's webhook receiver: {@code POST /hooks/<hash>} from GitHub ({@code X-Hub-Signature-256:
 * sha256=<HMAC of the raw body>}, or {@code X-Hub-Signature} sha1; {@code ping} answered without a
 * sync), GitLab ({@code X-Gitlab-Token}) or anything that signs like Flux's generic-hmac ({@code
 * X-Signature: sha256=<hex>}). A valid call sets {@code reconcile.fluxcd.io/requestedAt} on the
 * GitSync, which reconciles it at once; nothing is fetched in the request. Unknown path 404, wrong
 * method 405, body over {@value #MAX_BODY_BYTES} bytes 413, missing or bad signature 401, with
 * constant-time comparisons.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private final HttpServer server;
  private final WebhookRoutes routes;
  private final KubernetesClient client;
  private final Clock clock;

  private WebhookReceiver(
      HttpServer server, WebhookRoutes routes, KubernetesClient client, Clock clock) {
    this.server = server;
    this.routes = routes;
    this.client = client;
    this.clock = clock;
  }

  /** Starts serving on {@code address} (port 0: any free one). */
  public static WebhookReceiver start(
      InetSocketAddress address, WebhookRoutes routes, KubernetesClient client, Clock clock)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    WebhookReceiver receiver = new WebhookReceiver(server, routes, client, clock);
    server.createContext("/hooks/", receiver::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return receiver;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Optional<WebhookRoutes.Route> route = routes.find(exchange.getRequestURI().getPath());
      if (route.isEmpty()) {
        respond(exchange, 404, "no GitSync has this webhook path");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "POST only");
        return;
      }
      byte[] body = read(exchange.getRequestBody());
      if (body == null) {
        respond(exchange, 413, "body over " + MAX_BODY_BYTES + " bytes");
        return;
      }
      var headers = exchange.getRequestHeaders();
      byte[] token = route.get().token();
      boolean valid;
      if (headers.containsKey("X-Hub-Signature-256")) {
        valid =
            signed(headers.getFirst("X-Hub-Signature-256"), "sha256", "HmacSHA256", token, body);
      } else if (headers.containsKey("X-Hub-Signature")) {
        valid = signed(headers.getFirst("X-Hub-Signature"), "sha1", "HmacSHA1", token, body);
      } else if (headers.containsKey("X-Gitlab-Token")) {
        valid =
            MessageDigest.isEqual(
                token, headers.getFirst("X-Gitlab-Token").getBytes(StandardCharsets.UTF_8));
      } else if (headers.containsKey("X-Signature")) {
        valid = generic(headers.getFirst("X-Signature"), token, body);
      } else {
        respond(exchange, 401, "no signature (X-Hub-Signature-256, X-Gitlab-Token or X-Signature)");
        return;
      }
      if (!valid) {
        respond(exchange, 401, "signature does not match");
        return;
      }
      String event = headers.getFirst("X-GitHub-Event");
      if (event != null && event.toLowerCase(Locale.ROOT).equals("ping")) {
        respond(exchange, 200, "pong");
        return;
      }
      try {
        SyncRequest.request(
            client, route.get().namespace(), route.get().name(), clock.instant().toString());
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          respond(exchange, 404, "the GitSync is gone");
          return;
        }
        LOG.warn(
            "webhook for {}/{}: {}", route.get().namespace(), route.get().name(), e.getMessage());
        respond(exchange, 500, "could not request the sync");
        return;
      }
      respond(
          exchange,
          200,
          "sync requested for " + route.get().namespace() + "/" + route.get().name());
    }
  }

  /** The body, or null when it is over the limit (read no further than that). */
  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static boolean generic(String header, byte[] token, byte[] body) {
    int eq = header.indexOf('=');
    if (eq < 0) {
      return false;
    }
    return switch (header.substring(0, eq)) {
      case "sha1" -> signed(header, "sha1", "HmacSHA1", token, body);
      case "sha256" -> signed(header, "sha256", "HmacSHA256", token, body);
      case "sha512" -> signed(header, "sha512", "HmacSHA512", token, body);
      default -> false;
    };
  }

  private static boolean signed(
      String header, String prefix, String algorithm, byte[] token, byte[] body) {
    if (header == null || !header.startsWith(prefix + "=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(prefix.length() + 1).strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(token, algorithm));
      return MessageDigest.isEqual(mac.doFinal(body), given);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      return false;
    }
  }

  private static void respond(HttpExchange exchange, int code, String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
