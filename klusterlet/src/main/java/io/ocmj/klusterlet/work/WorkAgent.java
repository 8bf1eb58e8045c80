package io.ocmj.klusterlet.work;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.klusterlet.registration.AgentCrds;
import io.ocmj.klusterlet.registration.HubKubeconfigSecret;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work agent of one managed cluster. It talks to the hub with the registration agent's identity
 * ({@code hub-kubeconfig-secret}), so it starts once the cluster joined and restarts its
 * ManifestWork controller whenever that identity changes (certificate rotation, new CA bundle).
 */
public final class WorkAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkAgent.class);
  private static final Duration CHECK = Duration.ofSeconds(2);

  private final WorkAgentConfig config;
  private final KubernetesClient managed;
  private final ScheduledExecutorService loop;
  private String kubeconfig;
  private Operator operator;
  private KubernetesClient hub;

  public WorkAgent(WorkAgentConfig config, KubernetesClient managed) {
    this.config = config;
    this.managed = managed;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "work-agent-" + config.clusterName());
              t.setDaemon(true);
              return t;
            });
  }

  /** Installs the AppliedManifestWork CRD and starts following the agent's hub identity. */
  public WorkAgent start() {
    AgentCrds.install(
        managed, ManifestWorkReconciler.FIELD_MANAGER, AgentCrds.APPLIED_MANIFEST_WORKS);
    loop.scheduleWithFixedDelay(this::check, 0, CHECK.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Whether the ManifestWork controller runs (the cluster joined and the hub answered). */
  public synchronized boolean running() {
    return operator != null;
  }

  private synchronized void check() {
    try {
      Secret secret =
          managed
              .secrets()
              .inNamespace(config.agentNamespace())
              .withName(HubKubeconfigSecret.NAME)
              .get();
      HubKubeconfigSecret identity = secret == null ? null : HubKubeconfigSecret.from(secret);
      if (identity == null || !identity.hasCertificate() || identity.kubeconfig() == null) {
        return; // not joined yet
      }
      if (!identity.kubeconfig().equals(kubeconfig)) {
        restart(identity.kubeconfig());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "cluster {}: work agent not running yet ({}); retrying in {}",
          config.clusterName(),
          e.getMessage(),
          CHECK);
      stopOperator();
    }
  }

  private void restart(String newKubeconfig) {
    stopOperator();
    Config hubConfig = Config.fromKubeconfig(newKubeconfig);
    hub = new KubernetesClientBuilder().withConfig(hubConfig).build();
    Operator started = new Operator(o -> o.withKubernetesClient(hub).withCloseClientOnStop(false));
    started.register(
        new ManifestWorkReconciler(config, managed, hubConfig.getMasterUrl()),
        o ->
            o.settingNamespaces(config.clusterName())
                .withFinalizer(ManifestWork.FINALIZER_CLEANUP));
    started.start();
    operator = started;
    kubeconfig = newKubeconfig;
    LOG.info(
        "cluster {}: work agent applies the ManifestWorks of namespace {} on hub {}",
        config.clusterName(),
        config.clusterName(),
        hubConfig.getMasterUrl());
  }

  private void stopOperator() {
    if (operator != null) {
      operator.stop();
      operator = null;
    }
    if (hub != null) {
      hub.close();
      hub = null;
    }
    kubeconfig = null;
  }

  @Override
  public void close() {
    loop.shutdownNow();
    synchronized (this) {
      stopOperator();
    }
  }
}
