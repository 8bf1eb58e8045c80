package io.ocmj.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.policy.v1.DetailsPerTemplate;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches the hub for a rollout of {@link FleetManifests#rollout} at one version: per cluster, the
 * moment its ManifestWork {@code fleet-config} with that version is Applied (for its current
 * generation) and the moment its replica of the Policy with that version reports Compliant for the
 * version's template ({@link FleetManifests#template}). Fed by two informers, so no API server is
 * polled.
 */
public final class FleetProgress implements AutoCloseable {
  private final SharedIndexInformer<ManifestWork> works;
  private final SharedIndexInformer<Policy> policies;
  private final SharedIndexInformer<ManagedCluster> clusters;

  /** One rollout being timed: callbacks read it once and write only into its own maps. */
  private record Round(
      String version,
      long startNanos,
      Map<String, Long> appliedAt,
      Map<String, Long> compliantAt) {}

  private volatile Round round = new Round(null, 0, Map.of(), Map.of());

  public FleetProgress(KubernetesClient hub) {
    works = hub.resources(ManifestWork.class).inAnyNamespace().inform(handler(this::seeWork), 0);
    policies = hub.resources(Policy.class).inAnyNamespace().inform(handler(this::seePolicy), 0);
    clusters = hub.resources(ManagedCluster.class).inform(handler(c -> {}), 0);
  }

  /**
   * How many ManagedClusters are Joined (from the informer: at 1,000 clusters a LIST a second would
   * be a load of its own, and under load it times out).
   */
  public long joined() {
    return clusters.getStore().list().stream()
        .filter(mc -> ManagedCluster.isTrue(mc, ManagedCluster.CONDITION_JOINED))
        .count();
  }

  /** The ManagedClusters the hub admin has not accepted yet. */
  public List<String> notAccepted() {
    return clusters.getStore().list().stream()
        .filter(mc -> mc.getSpec() == null || !mc.getSpec().isAccepted())
        .map(mc -> mc.getMetadata().getName())
        .toList();
  }

  /** Starts timing a rollout of {@code version} from now (clears what an earlier one noted). */
  public synchronized void expect(String version) {
    round =
        new Round(version, System.nanoTime(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    works.getStore().list().forEach(this::seeWork);
    policies.getStore().list().forEach(this::seePolicy);
  }

  /** Clusters whose work with the expected version is Applied, with nanoseconds since start. */
  public Map<String, Long> applied() {
    return Map.copyOf(round.appliedAt());
  }

  /** Clusters that reported Compliant with the expected version, nanoseconds since start. */
  public Map<String, Long> compliant() {
    return Map.copyOf(round.compliantAt());
  }

  private void seeWork(ManifestWork w) {
    Round r = round;
    String v = r.version();
    if (v == null || !FleetManifests.REPLICA_SET.equals(w.getMetadata().getName())) {
      return;
    }
    if (w.getStatus() == null
        || !Serialization.asJson(w.getSpec()).contains("\"version\":\"" + v + "\"")) {
      return;
    }
    var applied = Conditions.find(w.getStatus().getConditions(), ManifestWork.CONDITION_APPLIED);
    if (applied.isPresent()
        && "True".equals(applied.get().getStatus())
        && applied.get().getObservedGeneration() != null
        && applied.get().getObservedGeneration().equals(w.getMetadata().getGeneration())) {
      r.appliedAt().putIfAbsent(w.getMetadata().getNamespace(), System.nanoTime() - r.startNanos());
    }
  }

  private void seePolicy(Policy p) {
    Round r = round;
    String v = r.version();
    String replica = FleetManifests.NAMESPACE + "." + FleetManifests.POLICY;
    if (v == null || !replica.equals(p.getMetadata().getName()) || p.getStatus() == null) {
      return;
    }
    if (!Policy.COMPLIANT.equals(p.getStatus().getCompliant())
        || !Serialization.asJson(p.getSpec()).contains("\"version\":\"" + v + "\"")
        || p.getStatus().getDetails().isEmpty()) {
      return;
    }
    // One template, named after the version, and Compliant: an evaluation of this version.
    for (DetailsPerTemplate d : p.getStatus().getDetails()) {
      if (d.getTemplateMeta() == null
          || !FleetManifests.template(v).equals(d.getTemplateMeta().getName())
          || !Policy.COMPLIANT.equals(d.getCompliant())) {
        return;
      }
    }
    r.compliantAt().putIfAbsent(p.getMetadata().getNamespace(), System.nanoTime() - r.startNanos());
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> see) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        see.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        see.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {}
    };
  }

  @Override
  public void close() {
    works.close();
    policies.close();
    clusters.close();
  }
}
