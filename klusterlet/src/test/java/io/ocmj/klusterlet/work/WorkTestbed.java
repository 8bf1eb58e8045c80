package io.ocmj.klusterlet.work;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecisionStatus;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.AppliedManifestWork;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.HubConfig;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.hub.registration.BootstrapIdentity;
import io.ocmj.klusterlet.registration.RegistrationAgent;
import io.ocmj.klusterlet.registration.RegistrationConfig;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.TestCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hub with its controllers and one managed cluster joined through the registration agent, with a
 * work agent (2 s resync) running on it; plus the reads the work tests share.
 */
public final class WorkTestbed implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final Duration RESYNC = Duration.ofSeconds(2);

  /** The first managed cluster's name and client; most tests use only that one. */
  final String cluster;

  final TestCluster hubCluster;
  public final KubernetesClient hub;
  final KubernetesClient managed;
  private final HubControllers controllers;
  private final Map<String, TestCluster> clusters = new LinkedHashMap<>();
  private final Map<String, RegistrationAgent> registrations = new LinkedHashMap<>();
  private final Map<String, RegistrationConfig> registrationConfigs = new LinkedHashMap<>();
  private final Map<String, WorkAgent> agents = new LinkedHashMap<>();

  WorkTestbed(TestCluster hubCluster, TestCluster managedCluster, String cluster) {
    this(hubCluster, List.of(managedCluster));
  }

  /** Joins every managed cluster (named as its TestCluster) and starts its work agent. */
  public WorkTestbed(TestCluster hubCluster, List<TestCluster> managedClusters) {
    this.cluster = managedClusters.get(0).name();
    this.hubCluster = hubCluster;
    this.hub = hubCluster.client();
    this.managed = managedClusters.get(0).client();
    HubCrds.install(hub);
    // With the opa CLI, so that policies with Gatekeeper ConstraintTemplates compile on the hub.
    controllers =
        HubControllers.start(
            hub,
            Clock.systemUTC(),
            HubConfig.defaults().withOpa(new Binaries(Binaries.defaultCacheDir()).ensure("opa")));
    String bootstrap =
        BootstrapIdentity.kubeconfig(
            hub, hubCluster.serverUrl(), hubCluster.caCertificatePem(), Duration.ofHours(1));
    for (TestCluster managedCluster : managedClusters) {
      clusters.put(managedCluster.name(), managedCluster);
      registrationConfigs.put(
          managedCluster.name(),
          new RegistrationConfig(
              managedCluster.name(),
              RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
              bootstrap,
              List.of(managedCluster.serverUrl()),
              null,
              null,
              Duration.ofMillis(500),
              Clock.systemUTC()));
      startRegistration(managedCluster.name());
    }
    for (String name : clusters.keySet()) {
      await("registered")
          .atMost(WAIT)
          .until(() -> hub.resources(ManagedCluster.class).withName(name).get() != null);
      hub.resources(ManagedCluster.class)
          .withName(name)
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"hubAcceptsClient\":true}}");
    }
    for (RegistrationAgent registration : registrations.values()) {
      await("joined").atMost(WAIT).until(() -> "joined".equals(registration.phase()));
    }
    clusters.keySet().forEach(this::startAgent);
  }

  /** Starts the cluster's registration agent (again: it resumes with its stored identity). */
  public void startRegistration(String name) {
    registrations.put(
        name,
        new RegistrationAgent(registrationConfigs.get(name), clusters.get(name).client()).start());
  }

  /** Stops the cluster's registration agent: its lease goes stale, the hub marks it Unknown. */
  public void stopRegistration(String name) {
    registrations.remove(name).close();
  }

  public KubernetesClient managed(String name) {
    return clusters.get(name).client();
  }

  void startAgent() {
    startAgent(cluster);
  }

  public void startAgent(String name) {
    WorkAgent agent =
        new WorkAgent(
                new WorkAgentConfig(
                    name,
                    RegistrationConfig.DEFAULT_AGENT_NAMESPACE,
                    RESYNC,
                    RESYNC,
                    Duration.ofSeconds(1),
                    WorkAgentConfig.DEFAULT_MAX_RAW_FEEDBACK_BYTES,
                    Clock.systemUTC()),
                clusters.get(name).client())
            .start();
    agents.put(name, agent);
    await("the work agent runs").atMost(WAIT).until(agent::running);
  }

  void stopAgent() {
    stopAgent(cluster);
  }

  public void stopAgent(String name) {
    agents.remove(name).close();
  }

  ManifestWork create(ManifestWork work) {
    return hub.resource(work).create();
  }

  ManifestWork fetch(String name) {
    return hub.resources(ManifestWork.class).inNamespace(cluster).withName(name).get();
  }

  AppliedManifestWork applied(String workName) {
    return managed
        .resources(AppliedManifestWork.class)
        .withName(AppliedWorks.hubHash(hub.getMasterUrl().toString()) + "-" + workName)
        .get();
  }

  boolean workIs(String name, String... trueConditions) {
    ManifestWork work = fetch(name);
    if (work == null || work.getStatus() == null) {
      return false;
    }
    for (String type : trueConditions) {
      if (!Conditions.isTrue(work.getStatus().getConditions(), type)) {
        return false;
      }
    }
    return true;
  }

  Optional<Condition> condition(String work, String type) {
    ManifestWork w = fetch(work);
    return w == null || w.getStatus() == null
        ? Optional.empty()
        : Conditions.find(w.getStatus().getConditions(), type);
  }

  Optional<Condition> manifestCondition(String work, int ordinal, String type) {
    ManifestWork w = fetch(work);
    if (w == null || w.getStatus() == null || w.getStatus().getResourceStatus() == null) {
      return Optional.empty();
    }
    return w.getStatus().getResourceStatus().getManifests().stream()
        .filter(m -> m.getResourceMeta().getOrdinal() == ordinal)
        .findFirst()
        .flatMap(m -> Conditions.find(m.getConditions(), type));
  }

  ConfigMap configMap(String namespace, String name) {
    return managed.configMaps().inNamespace(namespace).withName(name).get();
  }

  String color(String namespace, String name) {
    ConfigMap cm = configMap(namespace, name);
    return cm == null ? null : cm.getData().get("color");
  }

  void setColor(String namespace, String name, String color) {
    managed
        .configMaps()
        .inNamespace(namespace)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"color\":\"" + color + "\"}}");
  }

  /** Writes a placement's decision as the scheduler would (tests move clusters directly). */
  public void decide(String namespace, String placement, List<String> clusterNames) {
    String name = placement + "-decision-1";
    PlacementDecision decision =
        hub.resources(PlacementDecision.class).inNamespace(namespace).withName(name).get();
    if (decision == null) {
      decision = new PlacementDecision();
      decision.getMetadata().setName(name);
      decision.getMetadata().setNamespace(namespace);
      decision.getMetadata().setLabels(Map.of(PlacementDecision.LABEL_PLACEMENT, placement));
      decision = hub.resource(decision).create();
    }
    PlacementDecisionStatus status = new PlacementDecisionStatus();
    status.setDecisions(clusterNames.stream().map(ClusterDecision::new).toList());
    decision.setStatus(status);
    hub.resource(decision).updateStatus();
  }

  @Override
  public void close() {
    agents.values().forEach(WorkAgent::close);
    registrations.values().forEach(RegistrationAgent::close);
    controllers.close();
  }
}
