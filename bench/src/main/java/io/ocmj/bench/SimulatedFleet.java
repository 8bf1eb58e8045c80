package io.ocmj.bench;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.status.Conditions;
import io.ocmj.klusterlet.policy.PolicyAgent;
import io.ocmj.klusterlet.policy.PolicyAgentConfig;
import io.ocmj.klusterlet.registration.HubKubeconfigSecret;
import io.ocmj.klusterlet.registration.RegistrationAgent;
import io.ocmj.klusterlet.registration.RegistrationConfig;
import io.ocmj.klusterlet.work.WorkAgent;
import io.ocmj.klusterlet.work.WorkAgentConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N simulated clusters in one JVM: each is an in-memory managed cluster ({@link InMemoryClusters})
 * with the agents {@code ocmj join} runs (registration, work, and the policy agent as the
 * governance-policy-framework add-on), built from the same classes and configured as {@code ocmj
 * join} configures them. Each joins the real hub with its own identity: its own CSR and
 * certificate, its own cluster namespace and the hub's RBAC for it.
 */
public final class SimulatedFleet implements AutoCloseable {
  private final InMemoryClusters stores = new InMemoryClusters();
  private final String bootstrapKubeconfig;
  static final int PARALLEL_STARTS = 4;

  private final Map<String, Member> members = Collections.synchronizedMap(new LinkedHashMap<>());

  /** One simulated cluster: its in-memory API and its three agents. */
  public record Member(
      String name,
      KubernetesClient managed,
      RegistrationAgent registration,
      WorkAgent work,
      PolicyAgent policy)
      implements AutoCloseable {
    @Override
    public void close() {
      policy.close();
      work.close();
      registration.close();
      managed.close();
    }
  }

  public SimulatedFleet(String bootstrapKubeconfig) {
    this.bootstrapKubeconfig = bootstrapKubeconfig;
  }

  /** The conventional name of the i-th simulated cluster: sim-0000, sim-0001, ... */
  public static String name(int i) {
    return String.format(Locale.ROOT, "sim-%04d", i);
  }

  /**
   * Starts clusters {@code sim-<from>} up to (not including) {@code sim-<to>}, {@value
   * #PARALLEL_STARTS} at a time (a fleet's clusters come up independently; one by one, starting
   * them would set the pace of a large fleet's join).
   */
  public List<Member> start(int from, int to) {
    return start(from, to, PARALLEL_STARTS);
  }

  /** As {@link #start(int, int)}, {@code parallel} at a time. */
  public List<Member> start(int from, int to, int parallel) {
    ExecutorService starter = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<Member>> starting = new ArrayList<>();
      for (int i = from; i < to; i++) {
        String name = name(i);
        starting.add(starter.submit(() -> start(name)));
      }
      List<Member> started = new ArrayList<>();
      for (Future<Member> f : starting) {
        started.add(f.get());
      }
      return started;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting simulated clusters", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("a simulated cluster did not start", e.getCause());
    } finally {
      starter.shutdownNow();
    }
  }

  /** Creates the in-memory cluster {@code name} and starts its agents. */
  public Member start(String name) {
    return startOn(name, stores.add(name));
  }

  private Member startOn(String name, KubernetesClient managed) {
    RegistrationAgent registration =
        new RegistrationAgent(
            new RegistrationConfig(
                name,
                RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
                bootstrapKubeconfig,
                List.of(), // the in-memory API is plain HTTP: the hub is told of no address
                null,
                null,
                Duration.ofSeconds(2),
                Clock.systemUTC()),
            managed);
    WorkAgent work =
        new WorkAgent(
            new WorkAgentConfig(
                name,
                RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
                WorkAgentConfig.DEFAULT_RESYNC,
                WorkAgentConfig.DEFAULT_FEEDBACK_RESYNC,
                WorkAgentConfig.DEFAULT_RETRY,
                WorkAgentConfig.DEFAULT_MAX_RAW_FEEDBACK_BYTES,
                Clock.systemUTC()),
            managed);
    PolicyAgent policy =
        new PolicyAgent(
            PolicyAgentConfig.addon(
                name,
                ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE,
                RegistrationConfig.DEFAULT_AGENT_NAMESPACE),
            managed);
    Member member = new Member(name, managed, registration, work, policy);
    try {
      registration.start();
      work.start();
      policy.start();
    } catch (RuntimeException e) {
      member.close();
      throw e;
    }
    members.put(name, member);
    return member;
  }

  /** The running simulated cluster {@code name}. */
  public Member member(String name) {
    Member m = members.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no simulated cluster " + name);
    }
    return m;
  }

  public List<Member> members() {
    synchronized (members) {
      return List.copyOf(members.values());
    }
  }

  /** Stops cluster {@code name}'s agents; its in-memory objects stay, as a node's disk would. */
  public void stop(String name) {
    Member m = members.remove(name);
    if (m != null) {
      m.close();
    }
  }

  /** Starts the agents of a stopped cluster again, on the objects it had. */
  public Member restart(String name) {
    if (members.containsKey(name)) {
      throw new IllegalStateException("simulated cluster " + name + " runs");
    }
    return startOn(name, stores.client(name));
  }

  /** A client for cluster {@code name}'s in-memory API (to look at what the agents applied). */
  public KubernetesClient managedClient(String name) {
    return stores.client(name);
  }

  /**
   * A hub client with cluster {@code name}'s own identity: the kubeconfig its registration agent
   * keeps in {@code hub-kubeconfig-secret} on the (in-memory) managed cluster.
   */
  public KubernetesClient hubClientOf(String name) {
    try (KubernetesClient managed = stores.client(name)) {
      Secret secret =
          managed
              .secrets()
              .inNamespace(RegistrationConfig.DEFAULT_AGENT_NAMESPACE)
              .withName(HubKubeconfigSecret.NAME)
              .get();
      if (secret == null) {
        throw new IllegalStateException(name + " has no " + HubKubeconfigSecret.NAME + " yet");
      }
      return new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(HubKubeconfigSecret.from(secret).kubeconfig()))
          .build();
    }
  }

  /** The hub admin's side of the opt-in: accepts every registered cluster not accepted yet. */
  public static void acceptAll(KubernetesClient hub) {
    for (ManagedCluster mc : hub.resources(ManagedCluster.class).list().getItems()) {
      if (mc.getSpec() == null || !mc.getSpec().isAccepted()) {
        accept(hub, mc.getMetadata().getName());
      }
    }
  }

  /** The hub admin accepts cluster {@code name} ({@code hubAcceptsClient: true}). */
  public static void accept(KubernetesClient hub, String name) {
    hub.resources(ManagedCluster.class)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"hubAcceptsClient\":true}}");
  }

  /** How many ManagedClusters on the hub have {@code condition} True (Joined, Available...). */
  public static long withCondition(KubernetesClient hub, String condition) {
    return hub.resources(ManagedCluster.class).list().getItems().stream()
        .filter(
            mc ->
                mc.getStatus() != null
                    && Conditions.isTrue(mc.getStatus().getConditions(), condition))
        .count();
  }

  /** The rolled-out ConfigMap ({@link FleetManifests#CONFIG_MAP}) on cluster {@code name}. */
  public ConfigMap fleetConfig(String name) {
    try (KubernetesClient managed = stores.client(name)) {
      return managed
          .configMaps()
          .inNamespace(FleetManifests.CONFIG_NAMESPACE)
          .withName(FleetManifests.CONFIG_MAP)
          .get();
    }
  }

  /** Requests the in-memory clusters served, by verb and resource. */
  public Map<String, Long> managedRequestsByKind() {
    return stores.requestsByKind();
  }

  /** Requests the in-memory clusters served. */
  public long managedRequests() {
    return stores.requests();
  }

  @Override
  public void close() {
    List<Member> all = members();
    members.clear();
    try {
      all.parallelStream().forEach(Member::close);
    } finally {
      stores.close();
    }
  }
}
