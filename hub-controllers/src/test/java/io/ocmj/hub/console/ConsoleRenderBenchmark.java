package io.ocmj.hub.console;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalClusterProvider;
import io.ocmj.testing.Percentiles;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openqa.selenium.WebDriver;

/**
 * The console's first render (benchmark, not a test): N ManagedClusters and P root policies with a
 * status for every cluster on a real hub API server, the console in front of it, and headless
 * Chromium opening the Compliance matrix and the Fleet page R times each, fresh each time. The
 * figure is the page's own: milliseconds from the navigation's start to the end of its first render
 * ({@code performance.now()} when {@code console.js} has put the page's data in the DOM: HTML,
 * script, style sheet, the API reads and the DOM work included). Run: {@code bin/bench-console [N]
 * [P] [R]} (docs/benchmarks.md).
 */
public final class ConsoleRenderBenchmark {
  private static final String[] STATES = {"Compliant", "Compliant", "NonCompliant", "Pending"};

  private ConsoleRenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int policies = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    if (clusters < 1 || policies < 1 || runs < 1) {
      throw new IllegalArgumentException("clusters, policies and runs must be at least 1");
    }
    try (ClusterSet set =
        new ClusterSet(
            new LocalClusterProvider(new Binaries(Binaries.defaultCacheDir()))
                .start(List.of("hub")))) {
      KubernetesClient hub = set.get("hub").client();
      HubCrds.install(hub);
      fill(hub, clusters, policies);
      try (ConsoleServer console =
              ConsoleServer.start(
                  hub, new InetSocketAddress("127.0.0.1", 0), true, Clock.systemUTC());
          Browser browser = Browser.open()) {
        await("the console's informers hold every cluster and policy")
            .atMost(Duration.ofMinutes(2))
            .until(
                () ->
                    console.view().fleet(Viewer.admin("bench")).clusters().size() == clusters
                        && console.view().matrix(Viewer.admin("bench")).policies().size()
                            == policies);
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (String page : List.of("matrix", "fleet")) {
          List<Double> ms = new ArrayList<>();
          firstRender(browser, console.url(), page); // warm-up: the JVM's and the browser's
          for (int r = 0; r < runs; r++) {
            ms.add(firstRender(browser, console.url(), page));
          }
          times.put(page, ms);
        }
        List<Double> live = liveUpdates(browser, hub, console.url(), runs);
        times.forEach(
            (page, ms) -> {
              List<Double> sorted = ms.stream().sorted().toList();
              System.out.printf(
                  Locale.ROOT,
                  "RESULT console first render %s: %d clusters x %d policies, %d runs:"
                      + " median %.0f ms, max %.0f ms (all: %s)%n",
                  page,
                  clusters,
                  policies,
                  runs,
                  Percentiles.of(sorted, 50),
                  sorted.get(sorted.size() - 1),
                  ms);
            });
        List<Double> sortedLive = live.stream().sorted().toList();
        System.out.printf(
            Locale.ROOT,
            "RESULT console live update matrix: %d clusters x %d policies, %d changes:"
                + " median %.0f ms, max %.0f ms (all: %s)%n",
            clusters,
            policies,
            runs,
            Percentiles.of(sortedLive, 50),
            sortedLive.get(sortedLive.size() - 1),
            live);
      }
    }
    System.exit(0);
  }

  /** Opens {@code page} in a fresh document; the page's own time to its first render, in ms. */
  private static double firstRender(Browser browser, String url, String page) {
    WebDriver driver = browser.driver();
    driver.navigate().to("about:blank");
    driver.navigate().to(url + "/#/" + page);
    Object ms =
        await("the first render of " + page)
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () ->
                    browser.script("return document.getElementById('main').dataset.firstRenderMs;"),
                v -> v != null);
    return Double.parseDouble(ms.toString());
  }

  /**
   * With the matrix open, flips one cell on the hub {@code runs} times; per change, ms from just
   * before the write (a GET and a status PUT of the policy, its 1,000-cluster status included) to
   * the page's DOM showing the new state (a MutationObserver notes the time; both clocks are this
   * machine's). In between: the API server's watch, the console's informer, its 300-ms coalescing,
   * the server-sent event, the page's re-read of the matrix and its re-render.
   */
  private static List<Double> liveUpdates(
      Browser browser, KubernetesClient hub, String url, int runs) {
    WebDriver driver = browser.driver();
    driver.navigate().to("about:blank");
    driver.navigate().to(url + "/#/matrix");
    String cell = "tr[data-policy='policies/policy-00'] td[data-cluster='cluster-0000']";
    await("the matrix")
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> browser.script("return document.querySelector(\"" + cell + "\") != null;"),
            Boolean.TRUE::equals);
    List<Double> ms = new ArrayList<>();
    String state =
        browser.script("return document.querySelector(\"" + cell + "\").dataset.state;").toString();
    for (int r = 0; r <= runs; r++) { // the first change is a warm-up
      String next = state.equals("NonCompliant") ? "Compliant" : "NonCompliant";
      browser.script(
          "window.__seenAt = null;"
              + "const want = arguments[0];"
              + "if (window.__observer) window.__observer.disconnect();"
              + "window.__observer = new MutationObserver(() => {"
              + "  const c = document.querySelector(\""
              + cell
              + "\");"
              + "  if (c && c.dataset.state === want && window.__seenAt === null) {"
              + "    window.__seenAt = Date.now(); }"
              + "});"
              + "window.__observer.observe(document.getElementById('main'),"
              + "  {subtree: true, childList: true, attributes: true});",
          next);
      long before = System.currentTimeMillis();
      hub.resources(Policy.class)
          .inNamespace("policies")
          .withName("policy-00")
          .editStatus(
              x -> {
                x.getStatus().getStatus().stream()
                    .filter(s -> "cluster-0000".equals(s.getClustername()))
                    .forEach(s -> s.setCompliant(next));
                return x;
              });
      Object seen =
          await("the change on the open page")
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofMillis(50))
              .until(() -> browser.script("return window.__seenAt;"), v -> v != null);
      if (r > 0) {
        ms.add((double) (((Number) seen).longValue() - before));
      }
      state = next;
    }
    return ms;
  }

  /** N accepted ManagedClusters, and P root policies with a status entry for each cluster. */
  private static void fill(KubernetesClient hub, int clusters, int policies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> creating = new ArrayList<>();
      for (int i = 0; i < clusters; i++) {
        String name = String.format(Locale.ROOT, "cluster-%04d", i);
        int index = i;
        creating.add(
            pool.submit(
                () -> {
                  ManagedCluster mc = new ManagedCluster();
                  mc.getMetadata().setName(name);
                  mc.getMetadata()
                      .setLabels(
                          Map.of(
                              "environment", index % 3 == 0 ? "production" : "staging",
                              "region", index % 2 == 0 ? "eu-west" : "us-east"));
                  ManagedClusterSpec spec = new ManagedClusterSpec();
                  spec.setHubAcceptsClient(true);
                  mc.setSpec(spec);
                  hub.resource(mc).create();
                }));
      }
      for (Future<?> f : creating) {
        f.get();
      }
      hub.resource(
              new NamespaceBuilder().withNewMetadata().withName("policies").endMetadata().build())
          .serverSideApply();
      for (int p = 0; p < policies; p++) {
        String name = String.format(Locale.ROOT, "policy-%02d", p);
        Policy policy = new Policy();
        policy.getMetadata().setNamespace("policies");
        policy.getMetadata().setName(name);
        policy
            .getMetadata()
            .setAnnotations(
                Map.of(
                    Policy.ANNOTATION_STANDARDS, "NIST SP 800-53",
                    Policy.ANNOTATION_CATEGORIES, "CM Configuration Management"));
        policy.setSpec(ConsoleITFixtures.informSpec(name));
        hub.resource(policy).create();
        Map<String, String> compliance = new LinkedHashMap<>();
        for (int c = 0; c < clusters; c++) {
          compliance.put(
              String.format(Locale.ROOT, "cluster-%04d", c), STATES[(c * 7 + p) % STATES.length]);
        }
        hub.resources(Policy.class)
            .inNamespace("policies")
            .withName(name)
            .editStatus(
                x -> {
                  x.setStatus(ConsoleModelTest.status(compliance));
                  return x;
                });
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
