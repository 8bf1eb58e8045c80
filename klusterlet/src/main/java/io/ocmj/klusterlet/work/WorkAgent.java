package io.ocmj.klusterlet.work;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.klusterlet.registration.AgentCrds;
import io.ocmj.klusterlet.registration.HubSession;
import io.ocmj.klusterlet.status.AgentOperators;

/**
 * The work agent of one managed cluster. It talks to the hub with the registration agent's identity
 * through a {@link HubSession}, so it starts once the cluster joined and restarts its ManifestWork
 * controller whenever that identity changes (certificate rotation, new CA bundle).
 */
public final class WorkAgent implements AutoCloseable {
  private final WorkAgentConfig config;
  private final KubernetesClient managed;
  private final HubSession session;
  private volatile Metrics metrics = Metrics.NOOP;

  /** Records the agent's reconciles with {@code metrics} (call before {@link #start()}). */
  public WorkAgent withMetrics(Metrics metrics) {
    this.metrics = metrics;
    return this;
  }

  public WorkAgent(WorkAgentConfig config, KubernetesClient managed) {
    this.config = config;
    this.managed = managed;
    this.session =
        new HubSession(
            "work-agent-" + config.clusterName(), config.agentNamespace(), managed, this::startOn);
  }

  /** Installs the AppliedManifestWork CRD and starts following the agent's hub identity. */
  public WorkAgent start() {
    AgentCrds.install(
        managed, ManifestWorkReconciler.FIELD_MANAGER, AgentCrds.APPLIED_MANIFEST_WORKS);
    session.start();
    return this;
  }

  /** Whether the ManifestWork controller runs (the cluster joined and the hub answered). */
  public boolean running() {
    return session.running();
  }

  private AutoCloseable startOn(KubernetesClient hub, String hubUrl) {
    Operator started = AgentOperators.create(hub, metrics);
    started.register(
        new ManifestWorkReconciler(config, managed, hubUrl),
        o ->
            o.settingNamespaces(config.clusterName())
                .withFinalizer(ManifestWork.FINALIZER_CLEANUP));
    started.start();
    return started::stop;
  }

  @Override
  public void close() {
    session.close();
  }
}
