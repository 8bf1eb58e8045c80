package io.ocmj.hub.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet console: a read-only web page served by the hub process. The page itself (HTML, one
 * script, one style sheet: no data in them) is served to anyone; everything under {@code /api/}
 * answers only a request with a bearer token the hub's API server accepts (TokenReview) or, over
 * HTTPS, a client certificate of the hub's client CA ({@link ConsoleTls}), and shows that user only
 * what their own RBAC lets them list (SubjectAccessReview). {@code /api/events} is a
 * server-sent-event stream that says "changed" whenever the hub's informers saw a change, so an
 * open page re-reads its data within a moment; the data come from the console's informers, never
 * from the API server per browser.
 *
 * <p>Dev mode ({@code ocmj dev up}) skips the token: every request is the hub's admin. It is
 * refused on any address but loopback.
 */
public final class ConsoleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Scripts only from the page's own origin, no inline script or style, no framing. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** At most this many live-update streams at once (each holds a thread). */
  static final int MAX_STREAMS = 64;

  /** At most this many live-update streams per user (one user cannot take them all). */
  static final int MAX_STREAMS_PER_VIEWER = 8;

  /** Changes within this time go out as one event (a fleet's leases change every second). */
  static final long COALESCE_MILLIS = 300;

  /** A stream sends a comment this often, so proxies and the browser keep it open. */
  static final long KEEPALIVE_MILLIS = 15_000;

  private static final Map<String, String[]> STATIC =
      Map.of(
          "/", new String[] {"index.html", "text/html; charset=utf-8"},
          "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
          "/console.js", new String[] {"console.js", "text/javascript; charset=utf-8"},
          "/console.css", new String[] {"console.css", "text/css; charset=utf-8"});

  private final HttpServer server;
  private final boolean https;
  private final boolean clientCertificates;
  private final FleetView view;
  private final ConsoleAuth auth;
  private final boolean dev;
  private final Semaphore streams = new Semaphore(MAX_STREAMS);
  private final Map<String, AtomicInteger> streamsPerViewer = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor executor;
  private final ExecutorService streamThreads =
      Executors.newCachedThreadPool(DaemonThreads.named("ocmj-console-stream"));
  private volatile boolean closing;

  private ConsoleServer(
      HttpServer server,
      FleetView view,
      ConsoleAuth auth,
      boolean dev,
      boolean clientCertificates) {
    this.server = server;
    this.https = server instanceof HttpsServer;
    this.clientCertificates = clientCertificates;
    this.view = view;
    this.auth = auth;
    this.dev = dev;
    this.executor =
        new ThreadPoolExecutor(
            0,
            32,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            DaemonThreads.numbered("ocmj-console-"),
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /**
   * Serves the console for {@code hub} on {@code address} (port 0: any free port) until closed.
   *
   * @param dev no token asked: every request sees everything (loopback addresses only)
   */
  public static ConsoleServer start(
      KubernetesClient hub, InetSocketAddress address, boolean dev, Clock clock)
      throws IOException {
    return start(hub, address, dev, clock, null);
  }

  /**
   * As {@link #start(KubernetesClient, InetSocketAddress, boolean, Clock)}, over HTTPS when {@code
   * tls} is given: then a client certificate signed by the hub's client CA signs a user in too.
   */
  public static ConsoleServer start(
      KubernetesClient hub, InetSocketAddress address, boolean dev, Clock clock, ConsoleTls tls)
      throws IOException {
    requireLoopbackForDev(address, dev);
    FleetView view = FleetView.start(hub, clock);
    try {
      ConsoleTls withCa = tls == null ? null : tls.withHubClientCa(hub);
      HttpServer server = withCa == null ? HttpServer.create(address, 0) : https(address, withCa);
      ConsoleServer console =
          new ConsoleServer(
              server,
              view,
              new ConsoleAuth(hub, clock),
              dev,
              withCa != null && withCa.acceptsClientCertificates());
      server.createContext("/", console::handle);
      server.setExecutor(console.executor);
      server.start();
      return console;
    } catch (IOException | RuntimeException e) {
      view.close();
      throw e;
    }
  }

  private static HttpsServer https(InetSocketAddress address, ConsoleTls withCa)
      throws IOException {
    SSLContext context = withCa.sslContext();
    boolean clientCertificates = withCa.acceptsClientCertificates();
    HttpsServer server = HttpsServer.create(address, 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = context.getDefaultSSLParameters();
            // asked, not required: a browser without one signs in with a token
            p.setWantClientAuth(clientCertificates);
            params.setSSLParameters(p);
          }
        });
    LOG.info(
        "console: HTTPS{}",
        clientCertificates ? ", client certificates of the hub's client CA accepted" : "");
    return server;
  }

  /** Dev mode (no token asked) serves loopback addresses only: else IllegalArgumentException. */
  public static void requireLoopbackForDev(InetSocketAddress address, boolean dev) {
    if (dev && !address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "the console's dev mode (no token asked) serves loopback only, not "
              + address.getHostString());
    }
  }

  /** The console's address, e.g. {@code http://127.0.0.1:8480}. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return (https ? "https://" : "http://")
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + a.getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** What the console shows (for its benchmark: to know when the informers hold everything). */
  FleetView view() {
    return view;
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean handedOff = false;
    try {
      securityHeaders(exchange);
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        text(exchange, 405, "the console is read-only: GET only\n");
        return;
      }
      if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
        // A page elsewhere whose name was made to resolve to 127.0.0.1 (DNS rebinding) gets
        // nothing from a console that serves this machine only.
        text(exchange, 421, "this console answers to its own address only\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String[] file = STATIC.get(path);
      if (file != null) {
        resource(exchange, file[0], file[1]);
        return;
      }
      if (!path.startsWith("/api/")) {
        text(exchange, 404, "not found\n");
        return;
      }
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      Optional<Viewer> viewer;
      try {
        viewer = viewer(exchange);
      } catch (KubernetesClientException e) {
        LOG.warn("console: the hub could not check a token: {}", e.getMessage());
        text(exchange, 503, "the hub's API server could not check the token\n");
        return;
      }
      if (viewer.isEmpty()) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ocmj\"");
        text(
            exchange,
            401,
            clientCertificates
                ? "a bearer token the hub accepts, or a valid client certificate of the hub's client"
                    + " CA with a common name, is required\n"
                : "a bearer token the hub accepts is required\n");
        return;
      }
      handedOff = api(exchange, path, viewer.get());
    } catch (BadRequest e) {
      text(exchange, 400, e.getMessage() + "\n");
    } catch (RuntimeException e) {
      LOG.warn("console: {} failed", exchange.getRequestURI().getPath(), e);
      try {
        text(exchange, 500, "the console failed to answer; see the hub's log\n");
      } catch (IOException | RuntimeException ignored) {
        // the headers were sent already
      }
    } finally {
      if (!handedOff) {
        exchange.close();
      }
    }
  }

  /**
   * A console bound to loopback answers only requests addressed to a loopback name ({@code
   * 127.0.0.1}, {@code localhost}, {@code [::1]}) at its port; one bound elsewhere answers any name
   * (it cannot know the names it is reached by; tokens guard it).
   */
  boolean hostAllowed(String host) {
    if (!server.getAddress().getAddress().isLoopbackAddress()) {
      return true;
    }
    return isLoopbackName(host);
  }

  /**
   * Whether a Host header names this machine: {@code localhost} or a loopback address literal, any
   * port (kubectl port-forward and proxies change the port; rebinding changes the name). Names are
   * never looked up.
   */
  static boolean isLoopbackName(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String name = host.trim();
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      if (end < 0) {
        return false;
      }
      name = name.substring(1, end);
    } else if (name.indexOf(':') == name.lastIndexOf(':') && name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':')); // host:port (an IPv6 literal has more colons)
    }
    if (name.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name, not a literal: never resolved here
    }
    try {
      return InetAddress.getByName(name).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private Optional<Viewer> viewer(HttpExchange exchange) {
    if (dev) {
      return Optional.of(Viewer.admin("dev (hub admin)"));
    }
    // A client certificate the handshake verified against the hub's client CA comes first, as in
    // the API server; without one, a bearer token.
    Optional<ConsoleTls.CertificateUser> certified = certificateUser(exchange);
    if (certified.isPresent()) {
      return Optional.of(auth.viewer(certified.get()));
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : auth.viewer(token);
  }

  private static Optional<ConsoleTls.CertificateUser> certificateUser(HttpExchange exchange) {
    if (!(exchange instanceof HttpsExchange secure)) {
      return Optional.empty();
    }
    try {
      Certificate[] peer = secure.getSSLSession().getPeerCertificates();
      if (peer.length == 0 || !(peer[0] instanceof X509Certificate leaf)) {
        return Optional.empty();
      }
      // The handshake checked the chain; a resumed session or a kept-alive connection can outlive
      // the certificate, so its dates are checked again per request (as the API server does).
      leaf.checkValidity();
      return ConsoleTls.userOf(leaf);
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty(); // no certificate sent
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      return Optional.empty();
    }
  }

  /** Answers an API request; true when a live stream took the exchange over (it closes it). */
  private boolean api(HttpExchange exchange, String path, Viewer viewer) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI());
    if (path.equals("/api/events")) {
      return events(exchange, viewer);
    }
    switch (path) {
      case "/api/whoami" -> json(exchange, Map.of("name", viewer.name(), "dev", dev));
      case "/api/fleet" -> json(exchange, view.fleet(viewer));
      case "/api/cluster" -> {
        var page = view.cluster(viewer, required(q, "name"));
        if (page == null) {
          text(exchange, 404, "no such cluster\n");
        } else {
          json(exchange, page);
        }
      }
      case "/api/matrix" -> json(exchange, view.matrix(viewer));
      case "/api/cell" -> {
        var detail =
            view.cell(
                viewer, required(q, "namespace"), required(q, "policy"), required(q, "cluster"));
        if (detail == null) {
          text(exchange, 404, "no such policy\n");
        } else {
          json(exchange, detail);
        }
      }
      case "/api/rollouts" -> json(exchange, view.rollouts(viewer));
      case "/api/git" -> json(exchange, view.git(viewer));
      default -> text(exchange, 404, "not found\n");
    }
    return false;
  }

  private static String required(Map<String, String> query, String name) {
    String v = query.get(name);
    if (v == null || v.isBlank()) {
      throw new BadRequest("query parameter '" + name + "' is required");
    }
    return v;
  }

  /** A request the console cannot answer as asked (400). */
  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  /**
   * Server-sent events: {@code change} whenever the view changes (changes within {@value
   * #COALESCE_MILLIS} ms go as one), its data the kinds that changed, so a page re-reads only what
   * it shows; the first event, when the stream opens, names every kind.
   */
  private boolean events(HttpExchange exchange, Viewer viewer) throws IOException {
    AtomicInteger mine = streamsPerViewer.computeIfAbsent(viewer.name(), k -> new AtomicInteger());
    if (mine.incrementAndGet() > MAX_STREAMS_PER_VIEWER) {
      mine.decrementAndGet();
      text(exchange, 429, "too many live pages open for " + viewer.name() + "\n");
      return false;
    }
    if (!streams.tryAcquire()) {
      mine.decrementAndGet();
      text(exchange, 503, "too many live pages open\n");
      return false;
    }
    // A stream lives on a thread of its own pool (at most MAX_STREAMS, which the semaphore
    // holds to), so open pages never use up the threads that answer requests.
    try {
      streamThreads.execute(() -> stream(exchange, mine));
      return true;
    } catch (RuntimeException e) {
      streams.release();
      mine.decrementAndGet();
      throw e;
    }
  }

  private void stream(HttpExchange exchange, AtomicInteger mine) {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      long seen = view.version();
      send(
          out,
          "retry: 2000\nevent: change\ndata: " + JSON.writeValueAsString(List.of("*")) + "\n\n");
      while (!closing) {
        long now = view.awaitChange(seen, KEEPALIVE_MILLIS);
        if (now > seen && !closing) {
          if (view.awaitClosed(COALESCE_MILLIS)) { // a burst of changes goes as one event
            break;
          }
          long upTo = view.version();
          List<String> kinds = view.changedSince(seen);
          seen = upTo;
          send(out, "event: change\ndata: " + JSON.writeValueAsString(kinds) + "\n\n");
        } else {
          send(out, ": keep-alive\n\n");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // the page was closed
    } finally {
      streams.release();
      mine.decrementAndGet();
    }
  }

  private static void send(OutputStream out, String event) throws IOException {
    out.write(event.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void securityHeaders(HttpExchange exchange) {
    var h = exchange.getResponseHeaders();
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
  }

  private static void resource(HttpExchange exchange, String name, String type) throws IOException {
    try (InputStream in = ConsoleServer.class.getResourceAsStream(name)) {
      if (in == null) {
        text(exchange, 500, "the console's " + name + " is missing from this build\n");
        return;
      }
      byte[] body = in.readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static void json(HttpExchange exchange, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void text(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> q = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }

  @Override
  public void close() {
    closing = true;
    view.close(); // wakes the streams, which then end
    server.stop(1);
    executor.shutdownNow();
    streamThreads.shutdownNow();
  }
}
