package io.ocmj.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.policy.v1.DetailsPerTemplate;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
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
  private volatile String version;
  private volatile long startNanos;
  private final Map<String, Long> appliedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> compliantAt = new ConcurrentHashMap<>();

  public FleetProgress(KubernetesClient hub) {
    works = hub.resources(ManifestWork.class).inAnyNamespace().inform(handler(this::seeWork), 0);
    policies = hub.resources(Policy.class).inAnyNamespace().inform(handler(this::seePolicy), 0);
  }

  /** Starts timing a rollout of {@code version} from now (clears what an earlier one noted). */
  public synchronized void expect(String version) {
    appliedAt.clear();
    compliantAt.clear();
    this.startNanos = System.nanoTime();
    this.version = version;
    works.getStore().list().forEach(this::seeWork);
    policies.getStore().list().forEach(this::seePolicy);
  }

  /** Clusters whose work with the expected version is Applied, with nanoseconds since start. */
  public Map<String, Long> applied() {
    return Map.copyOf(appliedAt);
  }

  /** Clusters that reported Compliant with the expected version, nanoseconds since start. */
  public Map<String, Long> compliant() {
    return Map.copyOf(compliantAt);
  }

  private void seeWork(ManifestWork w) {
    String v = version;
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
      appliedAt.putIfAbsent(w.getMetadata().getNamespace(), System.nanoTime() - startNanos);
    }
  }

  private void seePolicy(Policy p) {
    String v = version;
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
    compliantAt.putIfAbsent(p.getMetadata().getNamespace(), System.nanoTime() - startNanos);
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
  }
}
