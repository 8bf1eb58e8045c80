package io.ocmj.hub.console;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import io.ocmj.hub.registration.ManagedClusterReconciler;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The hub's objects the console shows, held by one set of informers (one watch per kind for all
 * browsers: a page never makes the console read the API server). Every change of what a page shows
 * (of Events: those of an existing cluster) bumps {@link #version()} and wakes the live-update
 * streams. It also remembers what the objects alone do not keep: the last summaries of each
 * ManifestWorkReplicaSet, and per GitSync the matrix's totals when each revision was applied.
 */
public final class FleetView implements AutoCloseable {
  /** How many past summaries / commits are kept per ManifestWorkReplicaSet / GitSync. */
  static final int HISTORY = 50;

  private final Clock clock;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private final SharedIndexInformer<ManagedCluster> clusters;
  private final SharedIndexInformer<Lease> leases;
  private final SharedIndexInformer<Policy> policies;
  private final SharedIndexInformer<Placement> placements;
  private final SharedIndexInformer<PlacementDecision> decisions;
  private final SharedIndexInformer<ManifestWorkReplicaSet> replicaSets;
  private final SharedIndexInformer<ManifestWork> works;
  private final SharedIndexInformer<GitSync> syncs;
  private final SharedIndexInformer<Event> events;
  private final Object lock = new Object();
  private long version;
  private boolean closed;

  /** The version at which each kind last changed. */
  private final Map<String, Long> changedAt = new HashMap<>();

  private final Map<String, Deque<ConsoleModel.Progress>> progress = new HashMap<>();
  private final Map<String, Deque<ConsoleModel.RecordedCommit>> commits = new HashMap<>();

  private FleetView(KubernetesClient hub, Clock clock) {
    this.clock = clock;
    clusters = inform("clusters", hub.resources(ManagedCluster.class).runnableInformer(0), null);
    leases =
        inform(
            "leases",
            hub.leases()
                .inAnyNamespace()
                .withField("metadata.name", ManagedClusterReconciler.LEASE)
                .runnableInformer(0),
            null);
    policies =
        inform("policies", hub.resources(Policy.class).inAnyNamespace().runnableInformer(0), null);
    placements =
        inform(
            "placements",
            hub.resources(Placement.class).inAnyNamespace().runnableInformer(0),
            null);
    decisions =
        inform(
            "decisions",
            hub.resources(PlacementDecision.class).inAnyNamespace().runnableInformer(0),
            null);
    replicaSets =
        inform(
            "replicasets",
            hub.resources(ManifestWorkReplicaSet.class).inAnyNamespace().runnableInformer(0),
            this::recordProgress);
    works =
        inform(
            "works", hub.resources(ManifestWork.class).inAnyNamespace().runnableInformer(0), null);
    syncs =
        inform(
            "gitsyncs",
            hub.resources(GitSync.class).inAnyNamespace().runnableInformer(0),
            this::recordCommit);
    // Every core/v1 Event of the hub (the API server drops them after its --event-ttl, 1 h by
    // default: the cache holds the last hour's), indexed by the cluster they concern. Only those
    // of an existing cluster wake the pages.
    SharedIndexInformer<Event> eventInformer =
        hub.v1().events().inAnyNamespace().runnableInformer(0);
    eventInformer.addIndexers(Map.of(BY_CLUSTER, FleetView::clusterOf));
    events =
        inform(
            "events",
            eventInformer,
            null,
            e -> clusterOf(e).stream().anyMatch(c -> clusters.getStore().getByKey(c) != null));
  }

  private static final String BY_CLUSTER = "cluster";

  /** A cluster-scoped object's events live in "default", as Kubernetes puts a Node's. */
  private static final String CLUSTER_SCOPED_EVENTS = "default";

  /**
   * The cluster an event concerns: one about a ManagedCluster (in "default", where cluster-scoped
   * objects' events are: one elsewhere could be written by anyone with rights in that namespace),
   * else the cluster whose namespace it is in.
   */
  static List<String> clusterOf(Event e) {
    String namespace = e.getMetadata().getNamespace();
    if (aboutManagedCluster(e)) {
      return CLUSTER_SCOPED_EVENTS.equals(namespace)
          ? List.of(e.getInvolvedObject().getName())
          : List.of();
    }
    return namespace == null ? List.of() : List.of(namespace);
  }

  private static boolean aboutManagedCluster(Event e) {
    ObjectReference about = e.getInvolvedObject();
    return about != null
        && "ManagedCluster".equals(about.getKind())
        && about.getName() != null
        && (about.getApiVersion() == null
            || about.getApiVersion().startsWith(ManagedCluster.GROUP + "/"));
  }

  /**
   * The events of cluster {@code mc}: those in its namespace, and those about it (not about an
   * earlier cluster of the same name: the uid, where the event has one).
   */
  static List<Event> eventsOf(ManagedCluster mc, Collection<Event> indexed) {
    String uid = mc.getMetadata().getUid();
    return indexed.stream()
        .filter(
            e ->
                !aboutManagedCluster(e)
                    || e.getInvolvedObject().getUid() == null
                    || e.getInvolvedObject().getUid().equals(uid))
        .toList();
  }

  /** Starts the informers and returns once each has listed its kind. */
  public static FleetView start(KubernetesClient hub, Clock clock) {
    FleetView view = new FleetView(hub, clock);
    try {
      for (SharedIndexInformer<?> i : view.informers) {
        i.start().toCompletableFuture().get(2, TimeUnit.MINUTES);
      }
      return view;
    } catch (Exception e) {
      view.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the console's informers did not start: " + e, e);
    }
  }

  /** What a kind's informer also does on a change: note history (deleted: forget it). */
  private interface History<T> {
    void seen(T obj, boolean deleted);
  }

  private <T extends HasMetadata> SharedIndexInformer<T> inform(
      String kind, SharedIndexInformer<T> informer, History<T> history) {
    return inform(kind, informer, history, obj -> true);
  }

  /** As above; only objects {@code shown} accepts count as a change of the pages. */
  private <T extends HasMetadata> SharedIndexInformer<T> inform(
      String kind, SharedIndexInformer<T> informer, History<T> history, Predicate<T> shown) {
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T obj) {
            if (history != null) {
              history.seen(obj, false);
            }
            if (shown.test(obj)) {
              changed(kind);
            }
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            if (history != null) {
              history.seen(newObj, false);
            }
            if (shown.test(oldObj) || shown.test(newObj)) {
              changed(kind);
            }
          }

          @Override
          public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            if (history != null) {
              history.seen(obj, true);
            }
            if (shown.test(obj)) {
              changed(kind);
            }
          }
        });
    informers.add(informer);
    return informer;
  }

  private void changed(String kind) {
    synchronized (lock) {
      version++;
      changedAt.put(kind, version);
      lock.notifyAll();
    }
  }

  /** The kinds that changed after version {@code seen}. */
  public List<String> changedSince(long seen) {
    synchronized (lock) {
      return changedAt.entrySet().stream()
          .filter(e -> e.getValue() > seen)
          .map(Map.Entry::getKey)
          .sorted()
          .toList();
    }
  }

  /** A number that grows with every change the console has seen. */
  public long version() {
    synchronized (lock) {
      return version;
    }
  }

  /**
   * Waits until the version is past {@code seen} or {@code timeoutMillis} passed; returns the
   * version then.
   */
  public long awaitChange(long seen, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (lock) {
      while (version <= seen && !closed) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          break;
        }
        lock.wait(left);
      }
      return version;
    }
  }

  /**
   * Waits {@code millis} or until the view is closed, whichever comes first (a stream's pause
   * between two events, which closing cuts short); true when closed.
   */
  public boolean awaitClosed(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (lock) {
      while (!closed) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          break;
        }
        lock.wait(left);
      }
      return closed;
    }
  }

  private void recordProgress(ManifestWorkReplicaSet set, boolean deleted) {
    ConsoleModel.Summary summary =
        ConsoleModel.Summary.of(set.getStatus() == null ? null : set.getStatus().getSummary());
    String key = set.getMetadata().getNamespace() + "." + set.getMetadata().getName();
    synchronized (progress) {
      if (deleted) {
        progress.remove(key);
        return;
      }
      Deque<ConsoleModel.Progress> past = progress.computeIfAbsent(key, k -> new ArrayDeque<>());
      if (past.isEmpty() || !past.peekLast().summary().equals(summary)) {
        past.addLast(new ConsoleModel.Progress(clock.instant().toString(), summary));
        while (past.size() > HISTORY) {
          past.removeFirst();
        }
      }
    }
  }

  private void recordCommit(GitSync sync, boolean deleted) {
    String key = sync.getMetadata().getNamespace() + "/" + sync.getMetadata().getName();
    if (deleted) {
      synchronized (commits) {
        commits.remove(key);
      }
      return;
    }
    String revision = sync.getStatus() == null ? null : sync.getStatus().getLastAppliedRevision();
    if (revision == null) {
      return;
    }
    synchronized (commits) {
      Deque<ConsoleModel.RecordedCommit> past =
          commits.computeIfAbsent(key, k -> new ArrayDeque<>());
      if (past.isEmpty() || !Objects.equals(past.peekLast().revision(), revision)) {
        // counted only for a new revision (a GitSync's status changes far more often)
        Map<String, Map<String, Integer>> now = ConsoleModel.totals(policies.getStore().list());
        past.addLast(
            new ConsoleModel.RecordedCommit(revision, clock.instant().toString(), now, now));
        while (past.size() > HISTORY) {
          past.removeFirst();
        }
      }
    }
  }

  // What the pages read: snapshots of the caches.

  ConsoleModel.Fleet fleet(Viewer viewer) {
    return ConsoleModel.fleet(viewer, clusters.getStore().list(), leasesByCluster());
  }

  ConsoleModel.ClusterPage cluster(Viewer viewer, String name) {
    if (!viewer.mayList(ConsoleModel.CLUSTER_GROUP, "managedclusters", null)) {
      // asked before the lookup: a 404 would tell which names exist
      return new ConsoleModel.ClusterPage(null, List.of(), List.of(), List.of(), true);
    }
    ManagedCluster mc = clusters.getStore().getByKey(name);
    if (mc == null) {
      return null;
    }
    return ConsoleModel.clusterPage(
        viewer,
        mc,
        leases.getStore().getByKey(name + "/" + ManagedClusterReconciler.LEASE),
        works.getIndexer().byIndex("namespace", name),
        policies.getIndexer().byIndex("namespace", name),
        eventsOf(mc, events.getIndexer().byIndex(BY_CLUSTER, name)));
  }

  ConsoleModel.Matrix matrix(Viewer viewer) {
    return ConsoleModel.matrix(viewer, policies.getStore().list());
  }

  ConsoleModel.CellDetail cell(Viewer viewer, String namespace, String policy, String cluster) {
    if (!viewer.mayList(ConsoleModel.POLICY_GROUP, "policies", namespace)) {
      // asked before the lookup: a 404 would tell which names exist
      return new ConsoleModel.CellDetail(namespace, policy, cluster, null, null, List.of(), true);
    }
    Policy root = policies.getStore().getByKey(namespace + "/" + policy);
    if (root == null) {
      return null;
    }
    Policy replicated = policies.getStore().getByKey(cluster + "/" + namespace + "." + policy);
    return ConsoleModel.cell(viewer, root, replicated, cluster);
  }

  ConsoleModel.Rollouts rollouts(Viewer viewer) {
    Map<String, List<ConsoleModel.Progress>> history = new HashMap<>();
    synchronized (progress) {
      progress.forEach((k, v) -> history.put(k, List.copyOf(v)));
    }
    return ConsoleModel.rollouts(
        viewer,
        placements.getStore().list(),
        decisions.getStore().list(),
        replicaSets.getStore().list(),
        works.getStore().list(),
        history);
  }

  ConsoleModel.Git git(Viewer viewer) {
    Map<String, Map<String, Integer>> now = ConsoleModel.totals(policies.getStore().list());
    Map<String, List<ConsoleModel.RecordedCommit>> history = new HashMap<>();
    synchronized (commits) {
      commits.forEach(
          (k, v) -> {
            // The newest commit's "after" is now; each older one's is the next one's "before".
            List<ConsoleModel.RecordedCommit> list = new ArrayList<>();
            ConsoleModel.RecordedCommit[] all = v.toArray(ConsoleModel.RecordedCommit[]::new);
            for (int i = 0; i < all.length; i++) {
              Map<String, Map<String, Integer>> after =
                  i + 1 < all.length ? all[i + 1].before() : now;
              list.add(
                  new ConsoleModel.RecordedCommit(
                      all[i].revision(), all[i].appliedAt(), all[i].before(), after));
            }
            history.put(k, list);
          });
    }
    return ConsoleModel.git(viewer, syncs.getStore().list(), history);
  }

  private Map<String, Lease> leasesByCluster() {
    Map<String, Lease> byCluster = new HashMap<>();
    for (Lease l : leases.getStore().list()) {
      byCluster.put(l.getMetadata().getNamespace(), l);
    }
    return byCluster;
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }
}
