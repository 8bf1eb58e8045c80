package io.ocmj.hub;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.hub.addon.AddonAgent;
import io.ocmj.hub.addon.AddonDeployer;
import io.ocmj.hub.addon.AddonInstaller;
import io.ocmj.hub.addon.AddonSigners;
import io.ocmj.hub.addon.GovernanceAddon;
import io.ocmj.hub.clusterset.ManagedClusterSetBindingReconciler;
import io.ocmj.hub.clusterset.ManagedClusterSetReconciler;
import io.ocmj.hub.monitoring.ControllerMetrics;
import io.ocmj.hub.placement.PlacementReconciler;
import io.ocmj.hub.policy.PolicyPropagatorReconciler;
import io.ocmj.hub.policy.PolicySetReconciler;
import io.ocmj.hub.registration.ClusterHealthReconciler;
import io.ocmj.hub.registration.CsrApprovalReconciler;
import io.ocmj.hub.registration.ManagedClusterReconciler;
import io.ocmj.hub.work.ManifestWorkReplicaSetReconciler;
import io.ocmj.hub.work.StrandedWorkReconciler;
import io.ocmj.policy.rego.RegoCompiler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The hub's controllers, run by one JOSDK operator against the hub's API server. */
public final class HubControllers implements AutoCloseable {
  private static final String FIELD_MANAGER = "ocmj-hub";
  static final String AUTOUPDATE = "cluster.open-cluster-management.io/autoupdate";
  private final Operator operator;
  private final PlacementReconciler placements;
  private final LeaderElection election;

  private HubControllers(
      Operator operator, PlacementReconciler placements, LeaderElection election) {
    this.operator = operator;
    this.placements = placements;
    this.election = election;
  }

  /** The leader election, if configured (its identity, whether it was lost). */
  public java.util.Optional<LeaderElection> election() {
    return java.util.Optional.ofNullable(election);
  }

  /** False once this replica lost its leadership (for /healthz: a restart makes it a candidate). */
  public boolean live() {
    return election == null || !election.lost();
  }

  /** How many scheduling passes a placement has had (each reads all clusters of the hub). */
  public long placementPasses(String namespace, String name) {
    return placements.passes(namespace, name);
  }

  /**
   * Applies the hub's shared RBAC and admission policies ({@link HubSetup}) and starts the
   * controllers. The client stays the caller's: it is not closed on {@link #close()}.
   */
  public static HubControllers start(KubernetesClient client, Clock clock) {
    return start(client, clock, HubConfig.defaults());
  }

  /**
   * As {@link #start(KubernetesClient, Clock)}, with the given settings; the add-on manager deploys
   * the add-ons found with {@link java.util.ServiceLoader}.
   */
  public static HubControllers start(KubernetesClient client, Clock clock, HubConfig config) {
    List<AddonAgent> agents = new ArrayList<>();
    ServiceLoader.load(AddonAgent.class).forEach(agents::add);
    return start(client, clock, config, agents);
  }

  /** As {@link #start(KubernetesClient, Clock, HubConfig)}, with these Java add-ons. */
  public static HubControllers start(
      KubernetesClient client, Clock clock, HubConfig config, List<AddonAgent> addons) {
    HubSetup.apply(client, FIELD_MANAGER);
    for (ManagedClusterSet set : ManagedClusterSetReconciler.builtInSets()) {
      ensureBuiltIn(client, set);
    }
    if (addons.stream().anyMatch(a -> a instanceof GovernanceAddon)) {
      GovernanceAddon.define(client);
    }
    LeaderElection election =
        config.leaderElectionNamespace() == null
            ? null
            : LeaderElection.of(HubConfig.LEASE, config.leaderElectionNamespace());
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withMetrics(ControllerMetrics.global());
              if (election != null) {
                o.withLeaderElectionConfiguration(election.configuration());
              }
            });
    operator.register(new ManagedClusterReconciler(clock, config.clusterDeletionGracePeriod()));
    operator.register(new CsrApprovalReconciler(new AddonSigners(addons)));
    operator.register(new ClusterHealthReconciler(clock));
    operator.register(new ManagedClusterSetReconciler(clock));
    operator.register(new ManagedClusterSetBindingReconciler(clock));
    PlacementReconciler placements = new PlacementReconciler(clock);
    operator.register(placements);
    operator.register(new ManifestWorkReplicaSetReconciler(clock, config.manifestsLimitBytes()));
    operator.register(new StrandedWorkReconciler(clock, config.strandedWorkGracePeriod()));
    operator.register(
        new PolicyPropagatorReconciler(
            clock, config.opaBinary() == null ? null : new RegoCompiler(config.opaBinary())));
    operator.register(new PolicySetReconciler());
    operator.register(new AddonInstaller(clock));
    operator.register(new AddonDeployer(clock, addons));
    operator.start();
    return new HubControllers(operator, placements, election);
  }

  /**
   * Creates a built-in set, or puts its selector back, unless an admin annotated it {@code
   * cluster.open-cluster-management.io/autoupdate: "false"} (OCM's opt-out).
   */
  private static void ensureBuiltIn(KubernetesClient client, ManagedClusterSet set) {
    ManagedClusterSet existing =
        client.resources(ManagedClusterSet.class).withName(set.getMetadata().getName()).get();
    if (existing != null
        && existing.getMetadata().getAnnotations() != null
        && "false".equals(existing.getMetadata().getAnnotations().get(AUTOUPDATE))) {
      return;
    }
    client.resource(set).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  /** Whether the controllers run and every informer they read from is healthy (for /readyz). */
  public boolean ready() {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  @Override
  public void close() {
    if (election != null) {
      election.stopping();
    }
    operator.stop();
  }
}
