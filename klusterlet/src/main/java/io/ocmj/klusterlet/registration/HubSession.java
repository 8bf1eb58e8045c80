package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.ocmj.api.DaemonThreads;
import io.ocmj.klusterlet.status.OnAnyChange;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent's hub-facing part with a hub identity kept in a Secret on the managed cluster: the
 * registration agent's ({@code hub-kubeconfig-secret}) or an add-on's ({@code
 * <addon>-hub-kubeconfig}, read by {@link AddonIdentity}). Starts it once the identity exists,
 * restarts it with a new hub client whenever the identity changes (certificate rotation, new CA
 * bundle), and stops it when an add-on's identity is deleted or refused.
 *
 * <p>It watches the Secret and looks again on each of its changes; besides, it looks every {@link
 * #IDLE} while all is well (in case a watch event was missed) and every {@link #CHECK} while
 * something is not (no watch, no identity yet, the hub not answering, a refused identity, an
 * add-on's identity gone). Reading the Secret every 2 s instead made three GETs and three
 * kubeconfig parses every 2 s per cluster, most of a simulated fleet's load (docs/benchmarks.md).
 */
public final class HubSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HubSession.class);
  private static final Duration CHECK = Duration.ofSeconds(2);
  private static final Duration IDLE = Duration.ofMinutes(5);
  private static final Duration WATCH_START = Duration.ofSeconds(30);

  /** Starts the hub-facing part with a hub client; the returned handle stops it. */
  @FunctionalInterface
  public interface Starter {
    AutoCloseable start(KubernetesClient hub, String hubUrl) throws Exception;
  }

  /** What to connect with: the client configuration, and a fingerprint that changes with it. */
  public record Identity(String fingerprint, Config config) {}

  /**
   * Reads the identity from its Secret: empty while there is none yet (not joined); an {@link
   * IllegalArgumentException} (its message the reason) when the Secret must not be used.
   */
  @FunctionalInterface
  public interface IdentityReader {
    Optional<Identity> read(Secret secret);
  }

  private final String name;
  private final String namespace;
  private final String secretName;
  private final KubernetesClient managed;
  private final Starter starter;
  private final IdentityReader reader;
  private final Runnable absent;
  private final ScheduledExecutorService loop;
  private String fingerprint;
  private AutoCloseable running;
  private KubernetesClient hub;
  private String problem;
  private SharedIndexInformer<Secret> watch;
  private ScheduledFuture<?> next;

  /**
   * With the registration agent's identity.
   *
   * @param name what runs, for logs and the thread name ({@code work-agent-c1})
   * @param agentNamespace where {@code hub-kubeconfig-secret} is on the managed cluster
   */
  public HubSession(String name, String agentNamespace, KubernetesClient managed, Starter starter) {
    this(
        name,
        agentNamespace,
        HubKubeconfigSecret.NAME,
        managed,
        starter,
        HubSession::registrationIdentity,
        () -> {});
  }

  /**
   * @param name what runs, for logs and the thread name
   * @param namespace where the identity's Secret is on the managed cluster
   * @param secretName the Secret
   * @param reader how the identity is read from it
   * @param absent runs at every check while the Secret does not exist (after stopping what ran):
   *     for an add-on, whatever it leaves behind once disabled
   */
  public HubSession(
      String name,
      String namespace,
      String secretName,
      KubernetesClient managed,
      Starter starter,
      IdentityReader reader,
      Runnable absent) {
    this.name = name;
    this.namespace = namespace;
    this.secretName = secretName;
    this.managed = managed;
    this.starter = starter;
    this.reader = reader;
    this.absent = absent;
    this.loop = daemonLoop(name);
  }

  /** One daemon thread of this name for scheduled work. */
  static ScheduledExecutorService daemonLoop(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(threadName));
  }

  /** The registration agent's own identity: its kubeconfig, once it holds a certificate. */
  static Optional<Identity> registrationIdentity(Secret secret) {
    HubKubeconfigSecret identity = HubKubeconfigSecret.from(secret);
    if (!identity.hasCertificate() || identity.kubeconfig() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Identity(identity.kubeconfig(), Config.fromKubeconfig(identity.kubeconfig())));
  }

  public HubSession start() {
    wakeUp();
    return this;
  }

  /** Looks at the Secret now (it changed); harmless when a look is already due. */
  private void wakeUp() {
    schedule(Duration.ZERO);
  }

  private synchronized void schedule(Duration delay) {
    if (loop.isShutdown()) {
      return;
    }
    if (next != null && !next.isDone()) {
      if (next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
        return; // an earlier look is already due
      }
      next.cancel(false);
    }
    next = loop.schedule(this::checkAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void checkAndReschedule() {
    synchronized (this) {
      next = null; // this look runs: a change seen from now on schedules another
    }
    boolean watched = watching();
    boolean well = check();
    schedule(watched && well ? IDLE : CHECK);
  }

  /**
   * Whether the Secret's watch runs (started here when it does not). A watch that stops (fabric8
   * gives up on some errors) wakes the session, which starts another.
   */
  private boolean watching() {
    SharedIndexInformer<Secret> w;
    synchronized (this) {
      w = watch;
    }
    if (w != null && w.isRunning()) {
      return true;
    }
    if (w != null) {
      w.close();
    }
    SharedIndexInformer<Secret> created =
        managed.secrets().inNamespace(namespace).withName(secretName).runnableInformer(0);
    created.addEventHandler(OnAnyChange.run(this::wakeUp));
    synchronized (this) {
      if (loop.isShutdown()) {
        return false;
      }
      watch = created; // kept before it starts, so close() stops it whatever happens next
    }
    try {
      created.start().toCompletableFuture().get(WATCH_START.toMillis(), TimeUnit.MILLISECONDS);
      created.stopped().whenComplete((done, error) -> wakeUp());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
      return false;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.debug("{}: watching {} failed: {}", name, secretName, e.toString());
      created.close();
      synchronized (this) {
        if (watch == created) {
          watch = null;
        }
      }
      return false;
    }
  }

  /** Whether the hub-facing part runs (the cluster joined and it started). */
  public synchronized boolean running() {
    return running != null;
  }

  /** Why the identity found is not used, or null. */
  public synchronized String problem() {
    return problem;
  }

  /** One look at the Secret; whether all is well (else the next look comes sooner). */
  private synchronized boolean check() {
    try {
      Secret secret = managed.secrets().inNamespace(namespace).withName(secretName).get();
      if (secret == null) {
        problem = null;
        // The registration agent's own identity is only ever replaced, and its agents keep
        // running meanwhile; an add-on's is deleted when the add-on is disabled.
        if (!HubKubeconfigSecret.NAME.equals(secretName)) {
          if (running != null) {
            LOG.info("{}: its hub identity {} is gone; stopped", name, secretName);
            stop();
          }
          try {
            absent.run();
          } catch (RuntimeException e) {
            LOG.warn("{}: cleaning up without its identity failed: {}", name, e.toString());
          }
          // A disabled add-on's clean-up depends on the hub, which is not watched: look again
          // soon, as before the Secret was watched.
          return false;
        }
        return true; // not joined yet: the registration agent's Secret is watched
      }
      Optional<Identity> identity;
      try {
        identity = reader.read(secret);
      } catch (IllegalArgumentException e) {
        if (!e.getMessage().equals(problem)) {
          LOG.warn("{}: not using {}: {}", name, secretName, e.getMessage());
        }
        problem = e.getMessage();
        stop();
        return false;
      }
      problem = null;
      if (identity.isPresent() && !identity.get().fingerprint().equals(fingerprint)) {
        restart(identity.get());
      }
      // No identity in it yet (no certificate; an add-on's read also looks at the cluster's own
      // identity Secret, which is not watched): look again soon.
      return identity.isPresent();
    } catch (Exception e) {
      LOG.warn("{}: not running yet ({}); retrying in {}", name, e.getMessage(), CHECK);
      stop();
      return false;
    }
  }

  private void restart(Identity identity) throws Exception {
    stop();
    hub = new KubernetesClientBuilder().withConfig(identity.config()).build();
    running = starter.start(hub, identity.config().getMasterUrl());
    fingerprint = identity.fingerprint();
    LOG.info("{}: started against hub {}", name, identity.config().getMasterUrl());
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
    fingerprint = null;
  }

  @Override
  public void close() {
    loop.shutdownNow();
    synchronized (this) {
      if (watch != null) {
        watch.close();
        watch = null;
      }
      stop();
    }
  }
}
