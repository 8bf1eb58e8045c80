package io.ocmj.cli.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.ClusterPredicate;
import io.ocmj.api.cluster.v1beta1.ClusterSelector;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBindingSpec;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalClusterProvider;
import io.ocmj.testing.Percentiles;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * End-to-end placement latency on a real hub: N ManagedClusters (half labelled {@code bench=in}),
 * one Placement selecting {@code bench=in}; then, one after the other, a cluster's label is flipped
 * and the time from the PATCH until a PlacementDecision informer sees the decisions change
 * accordingly is taken, with a pause of {@code gap} ms between changes. Hub controllers run in this
 * JVM.
 *
 * <p>Run: {@code bin/bench-placement e2e 1000 100 500}.
 */
public final class PlacementBenchmark {
  private PlacementBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int changes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    long gapMillis = args.length > 2 ? Long.parseLong(args[2]) : 500;
    try (ClusterSet clusters =
        new ClusterSet(
            new LocalClusterProvider(new Binaries(Binaries.defaultCacheDir()))
                .start(List.of("hub")))) {
      KubernetesClient hub = clusters.get("hub").client();
      HubCrds.install(hub);
      try (HubControllers controllers = HubControllers.start(hub, Clock.systemUTC())) {
        run(hub, controllers, n, changes, gapMillis);
      }
    }
    System.exit(0);
  }

  private static void run(
      KubernetesClient hub, HubControllers controllers, int n, int changes, long gapMillis) {
    ManagedClusterSet set = new ManagedClusterSet();
    set.getMetadata().setName("bench");
    hub.resource(set).serverSideApply();
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build())
        .serverSideApply();
    ManagedClusterSetBinding binding = new ManagedClusterSetBinding();
    binding.getMetadata().setName("bench");
    binding.getMetadata().setNamespace("apps");
    binding.setSpec(new ManagedClusterSetBindingSpec());
    binding.getSpec().setClusterSet("bench");
    hub.resource(binding).serverSideApply();
    for (int i = 0; i < n; i++) {
      ManagedCluster c = new ManagedCluster();
      c.getMetadata().setName(name(i));
      c.getMetadata()
          .setLabels(
              Map.of(
                  ManagedClusterSet.LABEL_CLUSTER_SET,
                  "bench",
                  "bench",
                  i % 2 == 0 ? "in" : "out"));
      c.setSpec(new ManagedClusterSpec());
      hub.resource(c).create();
    }
    Map<String, Set<String>> byObject = new ConcurrentHashMap<>();
    SharedIndexInformer<PlacementDecision> informer =
        hub.resources(PlacementDecision.class)
            .inNamespace("apps")
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(PlacementDecision d) {
                    record(d);
                  }

                  @Override
                  public void onUpdate(PlacementDecision before, PlacementDecision after) {
                    record(after);
                  }

                  @Override
                  public void onDelete(PlacementDecision d, boolean unknown) {
                    byObject.remove(d.getMetadata().getName());
                  }

                  private void record(PlacementDecision d) {
                    byObject.put(
                        d.getMetadata().getName(),
                        d.getStatus() == null
                            ? Set.of()
                            : d.getStatus().getDecisions().stream()
                                .map(ClusterDecision::getClusterName)
                                .collect(Collectors.toSet()));
                  }
                });
    Placement placement = new Placement();
    placement.getMetadata().setName("bench");
    placement.getMetadata().setNamespace("apps");
    PlacementSpec spec = new PlacementSpec();
    ClusterSelector selector = new ClusterSelector();
    selector.setLabelSelector(new LabelSelectorBuilder().addToMatchLabels("bench", "in").build());
    ClusterPredicate predicate = new ClusterPredicate();
    predicate.setRequiredClusterSelector(selector);
    spec.setPredicates(List.of(predicate));
    placement.setSpec(spec);
    long t0 = System.nanoTime();
    hub.resource(placement).create();
    int expected = (n + 1) / 2;
    waitUntil(() -> decided(byObject).size() == expected);
    double firstSchedule = (System.nanoTime() - t0) / 1e6;
    List<Double> millis = new ArrayList<>();
    for (int k = 0; k < changes; k++) {
      String cluster = name((k * 7919) % n);
      boolean wasIn = decided(byObject).contains(cluster);
      long start = System.nanoTime();
      hub.resources(ManagedCluster.class)
          .withName(cluster)
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"metadata\":{\"labels\":{\"bench\":\"" + (wasIn ? "out" : "in") + "\"}}}");
      waitUntil(() -> decided(byObject).contains(cluster) != wasIn);
      millis.add((System.nanoTime() - start) / 1e6);
      // Isolated changes (the default): the scheduler is rate-limited per placement, so changes
      // back to back (gap 0) measure a sustained stream instead.
      await().pollDelay(Duration.ofMillis(gapMillis)).until(() -> true);
    }
    informer.close();
    Collections.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "RESULT placement-e2e clusters=%d changes=%d gap_ms=%d first_schedule_ms=%.0f"
            + " label_change_to_decision_ms p50=%.0f p90=%.0f p99=%.0f max=%.0f passes=%d%n",
        n,
        changes,
        gapMillis,
        firstSchedule,
        Percentiles.of(millis, 50),
        Percentiles.of(millis, 90),
        Percentiles.of(millis, 99),
        millis.get(millis.size() - 1),
        controllers.placementPasses("apps", "bench"));
  }

  private static Set<String> decided(Map<String, Set<String>> byObject) {
    return byObject.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
  }

  /** Polls the informer's in-memory view every millisecond, up to a minute. */
  private static void waitUntil(Callable<Boolean> condition) {
    await()
        .atMost(Duration.ofMinutes(1))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(condition);
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "c-%05d", i);
  }
}
