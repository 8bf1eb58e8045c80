package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent's hub-facing part with a hub identity kept in a Secret on the managed cluster: the
 * registration agent's ({@code hub-kubeconfig-secret}) or an add-on's ({@code
 * <addon>-hub-kubeconfig}). Starts it once the identity exists, restarts it with a new hub client
 * whenever the identity changes (certificate rotation, new CA bundle), and stops it when an
 * add-on's identity is deleted (the add-on disabled).
 */
public final class HubSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HubSession.class);
  private static final Duration CHECK = Duration.ofSeconds(2);

  /** Starts the hub-facing part with a hub client; the returned handle stops it. */
  @FunctionalInterface
  public interface Starter {
    AutoCloseable start(KubernetesClient hub, String hubUrl) throws Exception;
  }

  private final String name;
  private final String agentNamespace;
  private final String secretName;
  private final KubernetesClient managed;
  private final Starter starter;
  private final Function<String, Optional<String>> trust;
  private final Runnable revoked;
  private String distrusted;
  private final ScheduledExecutorService loop;
  private String kubeconfig;
  private AutoCloseable running;
  private KubernetesClient hub;

  /**
   * @param name what runs, for logs and the thread name ({@code work-agent-c1})
   * @param agentNamespace where {@code hub-kubeconfig-secret} is on the managed cluster
   */
  public HubSession(String name, String agentNamespace, KubernetesClient managed, Starter starter) {
    this(name, agentNamespace, HubKubeconfigSecret.NAME, managed, starter);
  }

  /**
   * @param name what runs, for logs and the thread name ({@code work-agent-c1})
   * @param namespace where the identity's Secret is on the managed cluster
   * @param secretName the Secret (kubeconfig, tls.crt, tls.key)
   */
  public HubSession(
      String name, String namespace, String secretName, KubernetesClient managed, Starter starter) {
    this(name, namespace, secretName, managed, starter, kubeconfig -> Optional.empty(), () -> {});
  }

  /**
   * @param trust the problem with a kubeconfig found in the Secret, or empty when it may be used
   *     (an add-on's, see {@link AddonIdentity}); one with a problem is not used, and a running
   *     part is stopped
   * @param revoked runs after the part is stopped because an add-on's identity was deleted (the
   *     add-on disabled): what the add-on leaves behind
   */
  public HubSession(
      String name,
      String namespace,
      String secretName,
      KubernetesClient managed,
      Starter starter,
      Function<String, Optional<String>> trust,
      Runnable revoked) {
    this.trust = trust;
    this.revoked = revoked;
    this.name = name;
    this.agentNamespace = namespace;
    this.secretName = secretName;
    this.managed = managed;
    this.starter = starter;
    this.loop = daemonLoop(name);
  }

  /** One daemon thread of this name for scheduled work. */
  static ScheduledExecutorService daemonLoop(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, threadName);
          t.setDaemon(true);
          return t;
        });
  }

  public HubSession start() {
    loop.scheduleWithFixedDelay(this::check, 0, CHECK.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Whether the hub-facing part runs (the cluster joined and it started). */
  public synchronized boolean running() {
    return running != null;
  }

  private synchronized void check() {
    try {
      Secret secret = managed.secrets().inNamespace(agentNamespace).withName(secretName).get();
      HubKubeconfigSecret identity = secret == null ? null : HubKubeconfigSecret.from(secret);
      if (identity == null || !identity.hasCertificate() || identity.kubeconfig() == null) {
        // An add-on's identity is deleted when the add-on is disabled; the registration agent's
        // own is only ever replaced, and its agents keep running meanwhile.
        if (secret == null && running != null && !HubKubeconfigSecret.NAME.equals(secretName)) {
          LOG.info("{}: its hub identity {} is gone; stopped", name, secretName);
          stop();
          try {
            revoked.run();
          } catch (RuntimeException e) {
            LOG.warn("{}: cleaning up after its identity went failed: {}", name, e.toString());
          }
        }
        return; // not joined (or not enabled) yet
      }
      if (!identity.kubeconfig().equals(kubeconfig)) {
        Optional<String> problem = trust.apply(identity.kubeconfig());
        if (problem.isPresent()) {
          if (!identity.kubeconfig().equals(distrusted)) {
            LOG.warn("{}: not using {}: {}", name, secretName, problem.get());
            distrusted = identity.kubeconfig();
          }
          stop();
          return;
        }
        restart(identity.kubeconfig());
      }
    } catch (Exception e) {
      LOG.warn("{}: not running yet ({}); retrying in {}", name, e.getMessage(), CHECK);
      stop();
    }
  }

  private void restart(String newKubeconfig) throws Exception {
    stop();
    Config hubConfig = Config.fromKubeconfig(newKubeconfig);
    hub = new KubernetesClientBuilder().withConfig(hubConfig).build();
    running = starter.start(hub, hubConfig.getMasterUrl());
    kubeconfig = newKubeconfig;
    LOG.info("{}: started against hub {}", name, hubConfig.getMasterUrl());
  }

  private void stop() {
    if (running != null) {
      try {
        running.close();
      } catch (Exception e) {
        LOG.warn("{}: stopping failed: {}", name, e.getMessage());
      }
      running = null;
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
      stop();
    }
  }
}
