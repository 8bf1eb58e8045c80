package io.ocmj.hub.monitoring;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.status.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The hub's fleet as gauges, counted from informer caches when scraped (no API call per scrape):
 * {@code ocmj_managed_clusters{condition,status}}, {@code ocmj_policies{compliance}} (root policies
 * only, as users write them) and {@code ocmj_gitsyncs{ready}}. Labels are states, never names.
 */
public final class FleetGauges implements AutoCloseable {
  public static final String CLUSTERS = "ocmj_managed_clusters";
  public static final String POLICIES = "ocmj_policies";
  public static final String GITSYNCS = "ocmj_gitsyncs";
  private static final List<String> CLUSTER_CONDITIONS =
      List.of(
          ManagedCluster.CONDITION_HUB_ACCEPTED,
          ManagedCluster.CONDITION_JOINED,
          ManagedCluster.CONDITION_AVAILABLE);
  private static final List<String> STATUSES =
      List.of(Conditions.TRUE, Conditions.FALSE, Conditions.UNKNOWN);
  private static final List<String> COMPLIANCE =
      List.of(Policy.COMPLIANT, Policy.NON_COMPLIANT, Policy.PENDING, "Unknown");

  private final MeterRegistry registry;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private final List<Meter> meters = new ArrayList<>();

  private FleetGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Starts the informers on the hub and registers the gauges; {@link #close()} removes both. */
  public static FleetGauges start(KubernetesClient hub, MeterRegistry registry) {
    FleetGauges gauges = new FleetGauges(registry);
    try {
      SharedIndexInformer<ManagedCluster> clusters =
          gauges.inform(hub.resources(ManagedCluster.class).inform());
      for (String condition : CLUSTER_CONDITIONS) {
        for (String status : STATUSES) {
          gauges.gauge(
              CLUSTERS,
              "Managed clusters by the status of one of their registration conditions",
              Map.of("condition", condition, "status", status),
              clusters,
              c -> status.equals(conditionStatus(conditions(c), condition)));
        }
      }
      SharedIndexInformer<Policy> policies = gauges.inform(hub.resources(Policy.class).inform());
      for (String state : COMPLIANCE) {
        gauges.gauge(
            POLICIES,
            "Root policies by their aggregated compliance",
            Map.of("compliance", state),
            policies,
            p -> isRoot(p) && state.equals(compliance(p)));
      }
      SharedIndexInformer<GitSync> syncs = gauges.inform(hub.resources(GitSync.class).inform());
      for (String status : STATUSES) {
        gauges.gauge(
            GITSYNCS,
            "GitSyncs by the status of their Ready condition",
            Map.of("ready", status),
            syncs,
            s ->
                status.equals(
                    conditionStatus(
                        s.getStatus() == null ? null : s.getStatus().getConditions(),
                        GitSync.CONDITION_READY)));
      }
      return gauges;
    } catch (RuntimeException e) {
      gauges.close();
      throw e;
    }
  }

  private <T extends HasMetadata> SharedIndexInformer<T> inform(SharedIndexInformer<T> informer) {
    informers.add(informer);
    return informer;
  }

  private <T extends HasMetadata> void gauge(
      String name,
      String help,
      Map<String, String> tags,
      SharedIndexInformer<T> informer,
      Predicate<T> counted) {
    Gauge.Builder<SharedIndexInformer<T>> builder =
        Gauge.builder(name, informer, i -> i.getStore().list().stream().filter(counted).count())
            .description(help)
            .strongReference(true);
    tags.forEach(builder::tag);
    meters.add(builder.register(registry));
  }

  private static List<Condition> conditions(ManagedCluster cluster) {
    return cluster.getStatus() == null ? null : cluster.getStatus().getConditions();
  }

  /** True, False or Unknown; a condition not (yet) set counts as Unknown. */
  static String conditionStatus(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Conditions.UNKNOWN;
    }
    return Conditions.find(conditions, type)
        .map(Condition::getStatus)
        .filter(s -> Conditions.TRUE.equals(s) || Conditions.FALSE.equals(s))
        .orElse(Conditions.UNKNOWN);
  }

  private static boolean isRoot(Policy policy) {
    Map<String, String> labels = policy.getMetadata().getLabels();
    return labels == null || !labels.containsKey(Policy.LABEL_ROOT_POLICY);
  }

  private static String compliance(Policy policy) {
    String compliant = policy.getStatus() == null ? null : policy.getStatus().getCompliant();
    return compliant == null || compliant.isEmpty() ? "Unknown" : compliant;
  }

  @Override
  public void close() {
    meters.forEach(registry::remove);
    informers.forEach(SharedIndexInformer::close);
  }
}
