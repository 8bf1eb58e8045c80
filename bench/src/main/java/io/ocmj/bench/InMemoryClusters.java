package io.ocmj.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionConditionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatus;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.ocmj.policy.config.SecretData;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The "managed clusters" of simulated clusters: one light in-memory object store per cluster behind
 * the Kubernetes REST API, all served by one loopback HTTP server under {@code /clusters/<name>/}.
 * The agents talk to it through an ordinary fabric8 client, exactly as they talk to a real API
 * server, so a simulated cluster runs the real agents' code; only the managed cluster is light
 * (fabric8's in-memory CRUD store: create/get/list/watch/update/patch/delete, CRDs and their status
 * subresources; no admission, no garbage collector, no controllers). It stands in for a managed
 * cluster in the fleet benchmark and the fault suite only: every behaviour test of the agents runs
 * on real API servers.
 */
public final class InMemoryClusters implements AutoCloseable {
  private static final String PREFIX = "/clusters/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SECRET =
      Pattern.compile("/api/v1/namespaces/[^/]+/secrets(/[^/]+)?");
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  /** The kinds the agents use that a real API server serves without CRDs, for API discovery. */
  private static final Map<String, List<Served>> BUILT_IN =
      Map.of(
          "/api/v1",
          List.of(
              r("configmaps", "ConfigMap", true),
              r("secrets", "Secret", true),
              r("namespaces", "Namespace", false),
              r("serviceaccounts", "ServiceAccount", true),
              r("services", "Service", true),
              r("events", "Event", true),
              r("pods", "Pod", true)),
          "/apis/apps/v1",
          List.of(r("deployments", "Deployment", true)),
          "/apis/rbac.authorization.k8s.io/v1",
          List.of(
              r("roles", "Role", true),
              r("rolebindings", "RoleBinding", true),
              r("clusterroles", "ClusterRole", false),
              r("clusterrolebindings", "ClusterRoleBinding", false)),
          "/apis/coordination.k8s.io/v1",
          List.of(r("leases", "Lease", true)),
          "/apis/apiextensions.k8s.io/v1",
          List.of(r("customresourcedefinitions", "CustomResourceDefinition", false)));

  /** The server logs every request at INFO: far too much for a fleet. */
  private static final Logger MOCK_LOG = Logger.getLogger(MockWebServer.class.getName());

  /** What {@code /version} answers: the Kubernetes version the project pins, marked in-memory. */
  private static final VersionInfo VERSION =
      new VersionInfo.Builder()
          .withMajor("1")
          .withMinor("37")
          .withGitVersion("v1.37.2-ocmj-in-memory")
          .withPlatform("linux/amd64")
          .build();

  private final Map<String, KubernetesCrudDispatcher> stores = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
  private final KubernetesMockServer server;
  private final Thread drain;

  public InMemoryClusters() {
    MOCK_LOG.setLevel(Level.WARNING);
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), new Router(), false, VERSION);
    server.init(InetAddress.getLoopbackAddress(), 0);
    // The server keeps every request it received for tests to inspect; a long benchmark would keep
    // them all, so they are counted and dropped.
    drain = new Thread(this::drainRequests, "in-memory-clusters-drain");
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * Adds an empty cluster named {@code name} (with the namespaces a fresh cluster has) and returns
   * a client for it.
   */
  public KubernetesClient add(String name) {
    if (stores.putIfAbsent(name, new KubernetesCrudDispatcher()) != null) {
      throw new IllegalArgumentException("in-memory cluster " + name + " exists already");
    }
    KubernetesClient client = client(name);
    for (String ns : List.of("default", "kube-system")) {
      try {
        client
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
      } catch (KubernetesClientException e) {
        // On a loaded machine the client may time out on a create that did happen and send it
        // again (fabric8 retries): the namespace is there, which is all that was asked.
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
    return client;
  }

  /** A new client for the cluster {@code name} (which must have been added). */
  public KubernetesClient client(String name) {
    return new KubernetesClientBuilder().withConfig(config(name)).build();
  }

  /** The client configuration of cluster {@code name}: plain HTTP on loopback, no credentials. */
  public Config config(String name) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url(name))
        .withNamespace("default")
        .withTrustCerts(true)
        .withRequestRetryBackoffLimit(3)
        .build();
  }

  /** The cluster's API address (what a real cluster's kube-apiserver URL would be). */
  public String url(String name) {
    return "http://" + server.getHostName() + ":" + server.getPort() + PREFIX + name + "/";
  }

  /** Requests served since the start, over all clusters, by verb and resource ("GET secrets"). */
  public Map<String, Long> requestsByKind() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    byKind.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** "GET secrets", "WATCH leases", "PATCH configmaps"... for a request to any cluster. */
  static String kindOf(RecordedRequest r) {
    String path = r.getPath() == null ? "/" : r.getPath();
    boolean watch = path.contains("watch=true") || path.contains("watch=1");
    int q = path.indexOf('?');
    String[] parts = (q < 0 ? path : path.substring(0, q)).split("/");
    // /clusters/<name>/api/v1/... or /clusters/<name>/apis/<group>/<version>/...
    int i = 3;
    if (i < parts.length && "apis".equals(parts[i])) {
      i += 3;
    } else if (i < parts.length && "api".equals(parts[i])) {
      i += 2;
    } else {
      return r.getMethod() + " " + (i < parts.length ? parts[i] : "/");
    }
    if (i + 1 < parts.length && "namespaces".equals(parts[i]) && i + 2 < parts.length) {
      i += 2;
    }
    String resource = i < parts.length ? parts[i] : "(discovery)";
    boolean named = i + 1 < parts.length;
    String verb = watch ? "WATCH" : "GET".equals(r.getMethod()) && !named ? "LIST" : r.getMethod();
    return verb + " " + resource;
  }

  /** Requests served since the start, over all clusters. */
  public long requests() {
    return requests.get();
  }

  /**
   * {@code OCMJ_TRACE_CLUSTER=sim-0001}: every request that cluster's API serves is printed (time,
   * verb, path) to standard error: where one cluster's requests come from.
   */
  private static final String TRACE = System.getenv("OCMJ_TRACE_CLUSTER");

  private void drainRequests() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        if (r != null) {
          requests.incrementAndGet();
          byKind.computeIfAbsent(kindOf(r), k -> new AtomicLong()).incrementAndGet();
          if (TRACE != null && r.getPath().startsWith(PREFIX + TRACE + "/")) {
            System.err.println(
                "TRACE " + java.time.Instant.now() + " " + r.getMethod() + " " + r.getPath());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    drain.interrupt();
    server.destroy();
  }

  private record Served(String plural, String kind, boolean namespaced) {}

  private static Served r(String plural, String kind, boolean namespaced) {
    return new Served(plural, kind, namespaced);
  }

  /** Routes {@code /clusters/<name>/<path>} to cluster {@code name}'s store as {@code /<path>}. */
  private final class Router extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath();
      if (!path.startsWith(PREFIX)) {
        return status(404, "not a cluster's path: " + path);
      }
      int slash = path.indexOf('/', PREFIX.length());
      String name = path.substring(PREFIX.length(), slash < 0 ? path.length() : slash);
      KubernetesCrudDispatcher store = stores.get(name);
      if (store == null) {
        return status(404, "no in-memory cluster " + name);
      }
      String rest = slash < 0 ? "/" : path.substring(slash);
      String bare = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
      String fieldSelector = fieldSelector(rest);
      if (fieldSelector != null && "GET".equals(request.getMethod()) && !rest.contains("watch=")) {
        // The store knows metadata.name and metadata.namespace only: any other field is matched
        // here, on the list it returns.
        MockResponse all =
            store.dispatch(
                new RecordedRequest(
                    request.getHttpVersion(),
                    request.method(),
                    withoutFieldSelector(rest),
                    request.getHeaders(),
                    request.getBody()));
        return all.code() == 200 ? filter(all, fieldSelector) : all;
      }
      List<Served> builtIn =
          BUILT_IN.get(bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare);
      if ("/version".equals(bare)) {
        return json(200, Serialization.asJson(VERSION));
      }
      if (builtIn != null && "GET".equals(request.getMethod())) {
        return discovery(bare, builtIn);
      }
      if (SECRET.matcher(bare).matches()) {
        request = secretData(request);
      }
      String type = request.getHeader("Content-Type");
      boolean applyPatch = type != null && type.startsWith("application/apply-patch");
      boolean mergePatch = type != null && type.startsWith("application/merge-patch");
      MockResponse response =
          "PATCH".equals(request.getMethod()) && (applyPatch || mergePatch)
              ? merge(store, request, bare, applyPatch)
              : store.dispatch(
                  new RecordedRequest(
                      request.getHttpVersion(),
                      request.method(),
                      rest,
                      request.getHeaders(),
                      request.getBody()));
      if (bare.startsWith(CRDS)
          && !"GET".equals(request.getMethod())
          && !"DELETE".equals(request.getMethod())
          && response.code() < 300) {
        establish(store, response);
      }
      return response;
    }

    /** As the API server does: a Secret's {@code stringData} is written into its {@code data}. */
    @SuppressWarnings("unchecked")
    private RecordedRequest secretData(RecordedRequest request) {
      if (request.getBody() == null || request.getBody().size() == 0) {
        return request;
      }
      Map<String, Object> body;
      try {
        body =
            Serialization.unmarshal(
                new String(request.getBody().getBytes(), StandardCharsets.UTF_8), Map.class);
      } catch (RuntimeException e) {
        return request; // not an object (a JSON patch): the store answers as it does
      }
      Map<String, Object> stored = SecretData.stored(body);
      if (stored == body) {
        return request;
      }
      return new RecordedRequest(
          request.getHttpVersion(),
          request.method(),
          request.getPath(),
          request.getHeaders(),
          new Buffer().writeUtf8(Serialization.asJson(stored)));
    }

    /**
     * What the API server's CRD controller does at once: a CRD that was written is Established (its
     * names accepted), so clients waiting for it go on.
     */
    private void establish(KubernetesCrudDispatcher store, MockResponse written) {
      CustomResourceDefinition crd =
          Serialization.unmarshal(
              new String(written.getBody().getBytes(), StandardCharsets.UTF_8),
              CustomResourceDefinition.class);
      if (crd.getStatus() != null
          && crd.getStatus().getConditions().stream()
              .anyMatch(c -> "Established".equals(c.getType()))) {
        return;
      }
      CustomResourceDefinitionStatus status = new CustomResourceDefinitionStatus();
      status.setAcceptedNames(crd.getSpec().getNames());
      status.setStoredVersions(
          crd.getSpec().getVersions().stream()
              .filter(CustomResourceDefinitionVersion::getStorage)
              .map(CustomResourceDefinitionVersion::getName)
              .toList());
      for (String condition : List.of("NamesAccepted", "Established")) {
        status
            .getConditions()
            .add(
                new CustomResourceDefinitionConditionBuilder()
                    .withType(condition)
                    .withStatus("True")
                    .withReason("InMemory")
                    .withLastTransitionTime(Instant.now().toString())
                    .build());
      }
      store.dispatch(
          new RecordedRequest(
              "HTTP/1.1",
              HttpMethod.PATCH,
              CRDS + "/" + crd.getMetadata().getName(),
              Headers.builder().set("Content-Type", "application/merge-patch+json").build(),
              new Buffer().writeUtf8(Serialization.asJson(Map.of("status", status)))));
    }

    /**
     * A JSON merge patch (RFC 7386) or, lightly, a server-side apply: the store has no field
     * ownership, so an apply of a missing object creates it and an apply of an existing one is
     * merged into it like a merge patch (lists replaced, fields left out kept). The merge is done
     * here and the result written whole, as the store's own merge appends to lists.
     */
    private MockResponse merge(
        KubernetesCrudDispatcher store, RecordedRequest request, String path, boolean apply) {
      boolean status = path.endsWith("/status");
      String object = status ? path.substring(0, path.length() - "/status".length()) : path;
      MockResponse current = store.handleGet(object);
      Headers.Builder headers = request.getHeaders().newBuilder();
      headers.set("Content-Type", "application/json");
      if (current.code() == 404 && apply && !status) {
        return store.dispatch(
            new RecordedRequest(
                request.getHttpVersion(),
                HttpMethod.POST,
                object.substring(0, object.lastIndexOf('/')),
                headers.build(),
                request.getBody()));
      }
      if (current.code() != 200) {
        return current;
      }
      JsonNode patch;
      try {
        patch = JSON.readTree(request.getBody().getBytes());
      } catch (java.io.IOException e) {
        return status(400, "the patch is not JSON: " + e.getMessage());
      }
      boolean precondition = !patch.path("metadata").path("resourceVersion").isMissingNode();
      // A patch without a resourceVersion never conflicts on an API server (it retries inside):
      // the read-merge-write here is retried when another write came in between.
      for (int attempt = 0; ; attempt++) {
        JsonNode stored;
        try {
          stored = JSON.readTree(current.getBody().getBytes());
        } catch (java.io.IOException e) {
          return status(500, "stored object is not JSON: " + e.getMessage());
        }
        JsonNode merged = mergePatch(stored, patch);
        if (!precondition && merged.path("metadata") instanceof ObjectNode meta) {
          meta.set("resourceVersion", stored.path("metadata").path("resourceVersion"));
        }
        MockResponse written =
            store.dispatch(
                new RecordedRequest(
                    request.getHttpVersion(),
                    HttpMethod.PUT,
                    path,
                    headers.build(),
                    new Buffer().writeUtf8(merged.toString())));
        if (written.code() != 409 || precondition || attempt == 4) {
          return written;
        }
        current = store.handleGet(object);
        if (current.code() != 200) {
          return current;
        }
      }
    }
  }

  /** RFC 7386: objects merge key by key, {@code null} removes a key, anything else replaces. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JSON.createObjectNode();
    patch
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                result.remove(e.getKey());
              } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
              }
            });
    return result;
  }

  private static String fieldSelector(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String param : pathAndQuery.substring(q + 1).split("&")) {
      if (param.startsWith("fieldSelector=")) {
        return URLDecoder.decode(
            param.substring("fieldSelector=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String withoutFieldSelector(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String kept =
        java.util.Arrays.stream(pathAndQuery.substring(q + 1).split("&"))
            .filter(p -> !p.startsWith("fieldSelector="))
            .collect(java.util.stream.Collectors.joining("&"));
    return pathAndQuery.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
  }

  /** Keeps the items of a list that match every {@code a.b=v} / {@code a.b!=v} of the selector. */
  @SuppressWarnings("unchecked")
  private static MockResponse filter(MockResponse list, String selector) {
    Map<String, Object> body =
        Serialization.unmarshal(
            new String(list.getBody().getBytes(), StandardCharsets.UTF_8), Map.class);
    List<Object> items = (List<Object>) body.getOrDefault("items", List.of());
    body.put(
        "items",
        items.stream()
            .filter(
                item -> {
                  for (String term : selector.split(",")) {
                    boolean negated = term.contains("!=");
                    String[] kv = term.split(negated ? "!=" : "==?", 2);
                    Object value = item;
                    for (String key : kv[0].trim().split("\\.")) {
                      value = value instanceof Map<?, ?> m ? m.get(key) : null;
                    }
                    // As the API server: a missing field reads as the empty string.
                    boolean equal =
                        kv.length > 1 && kv[1].equals(value == null ? "" : String.valueOf(value));
                    if (equal == negated) {
                      return false;
                    }
                  }
                  return true;
                })
            .toList());
    return json(200, Serialization.asJson(body));
  }

  private static MockResponse discovery(String groupVersion, List<Served> resources) {
    String gv = groupVersion.startsWith("/api/") ? "v1" : groupVersion.substring("/apis/".length());
    APIResourceListBuilder list = new APIResourceListBuilder().withGroupVersion(gv);
    for (Served r : resources) {
      list.addToResources(
          new APIResourceBuilder()
              .withName(r.plural())
              .withKind(r.kind())
              .withNamespaced(r.namespaced())
              .withVerbs("create", "delete", "get", "list", "patch", "update", "watch")
              .build());
    }
    return json(200, Serialization.asJson(list.build()));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static MockResponse status(int code, String message) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":"
                + code
                + ",\"message\":"
                + Serialization.asJson(message)
                + "}");
  }
}
