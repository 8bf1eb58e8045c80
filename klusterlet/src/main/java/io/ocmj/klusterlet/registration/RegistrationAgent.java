package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.ocmj.api.DaemonThreads;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1.ClientConfig;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.operator.v1.Klusterlet;
import io.ocmj.api.status.Conditions;
import io.ocmj.klusterlet.status.OnAnyChange;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed side of the double opt-in. Each {@link #sync()} pass moves one step: register the
 * ManagedCluster and request a certificate with the bootstrap identity; once the hub approved
 * (after an admin accepted the cluster), keep the certificate in {@code hub-kubeconfig-secret};
 * then report Joined and Available, renew the lease, and rotate the certificate before it expires
 * (a renewal is requested with the current certificate, so heartbeats never stop).
 */
public final class RegistrationAgent implements AutoCloseable {
  static final String FIELD_MANAGER = "ocmj-registration-agent";
  static final String LEASE = "managed-cluster-lease";
  private final Heartbeats.LeaseRenewal lease = new Heartbeats.LeaseRenewal(LEASE);
  private static final Logger LOG = LoggerFactory.getLogger(RegistrationAgent.class);

  private final RegistrationConfig config;
  private final KubernetesClient managed;
  private final HubClients hubClients;
  private final KlusterletReport klusterlet;
  private final ClientCertificates certificates;
  private final ScheduledExecutorService loop;

  /** The hub client of the last joined pass, for the add-on lease checks. */
  private volatile KubernetesClient joinedHub;

  private final AddonRegistrations addonRegistrations;

  private String lastWait = "";
  private String bootstrapProblem;
  private ScheduledFuture<?> nextPass;
  private SharedIndexInformer<ClusterClaim> claimWatch;

  /** The cluster's ManagedClusterAddOns on the hub, watched with {@link #addonWatchHub}. */
  private volatile SharedIndexInformer<ManagedClusterAddOn> addonWatch;

  private KubernetesClient addonWatchHub;
  private int waitedChecks;
  private final java.util.concurrent.atomic.AtomicBoolean addonCheckDue =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile String phase = "starting";

  public RegistrationAgent(RegistrationConfig config, KubernetesClient managed) {
    this.config = config;
    this.managed = managed;
    this.hubClients = new HubClients(config.bootstrapKubeconfig());
    this.klusterlet =
        new KlusterletReport(
            managed,
            config.klusterletName(),
            config.clusterName(),
            config.agentNamespace(),
            FIELD_MANAGER,
            config.clock());
    this.certificates = new ClientCertificates(config, managed, hubClients, FIELD_MANAGER);
    this.addonRegistrations = new AddonRegistrations(config, managed, hubClients, FIELD_MANAGER);
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("registration-agent-" + config.clusterName()));
  }

  /** Runs {@link #sync()} passes on the agent's own thread until {@link #close()}. */
  public RegistrationAgent start() {
    AgentCrds.install(managed, FIELD_MANAGER, AgentCrds.CLUSTER_CLAIMS);
    klusterlet.ensure();
    // Add-ons share one install namespace by default; the klusterlet owns it, as OCM's does, so
    // disabling one add-on (its works deleted) never takes the others' objects with it.
    managed
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE)
                .endMetadata()
                .build())
        .fieldManager(FIELD_MANAGER)
        .serverSideApply();
    if (BootstrapKubeconfigSecret.read(managed, config.agentNamespace()).isEmpty()) {
      BootstrapKubeconfigSecret.write(
          managed, config.agentNamespace(), config.bootstrapKubeconfig(), FIELD_MANAGER);
    }
    schedule(Duration.ZERO);
    // Add-ons are checked when one changes on the hub (watched once joined) and, for their Lease
    // health, on their own beat: OCM's 30 s with the usual retry, sooner with a short one (tests).
    long addonCheck =
        min(AddonLeases.CHECK, max(config.retry().multipliedBy(15), Duration.ofSeconds(1)))
            .toMillis();
    loop.scheduleWithFixedDelay(
        () -> checkAddons(false), addonCheck, addonCheck, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Checks the add-ons soon (one of them changed); one check for a burst of changes. */
  private void addonChanged() {
    checkAddonsIn(Duration.ofMillis(200));
  }

  private void checkAddonsIn(Duration delay) {
    if (addonCheckDue.compareAndSet(false, true) && !loop.isShutdown()) {
      try {
        loop.schedule(
            () -> {
              addonCheckDue.set(false);
              checkAddons(true);
            },
            delay.toMillis(),
            TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closing
      }
    }
  }

  /**
   * Watches the cluster's ManagedClusterAddOns with the joined hub client (again when that client
   * is replaced, e.g. after a certificate rotation); runs on the agent's thread.
   */
  private void ensureAddonWatch(KubernetesClient hub) {
    SharedIndexInformer<ManagedClusterAddOn> w = addonWatch;
    if (w != null && addonWatchHub == hub && w.isRunning()) {
      return;
    }
    if (w != null) {
      w.close();
      addonWatch = null;
    }
    SharedIndexInformer<ManagedClusterAddOn> created =
        hub.resources(ManagedClusterAddOn.class)
            .inNamespace(config.clusterName())
            .runnableInformer(0);
    created.addEventHandler(OnAnyChange.run(this::addonChanged));
    // Kept before it starts (close() stops it whatever happens); not waited for: the heartbeat
    // goes on, and add-on checks LIST until the watch has synced.
    addonWatch = created;
    addonWatchHub = hub;
    created
        .start()
        .whenComplete(
            (synced, error) -> {
              if (error != null) {
                LOG.debug(
                    "cluster {}: add-on watch not started yet: {}",
                    config.clusterName(),
                    error.toString());
              }
            });
  }

  /**
   * The cluster's add-ons: Lease health every time, hub credentials when an add-on changed or they
   * are due (see {@link AddonRegistrations}).
   */
  private void checkAddons(boolean changed) {
    KubernetesClient hub = joinedHub;
    if (hub == null || !"joined".equals(phase)) {
      return;
    }
    try {
      SharedIndexInformer<ManagedClusterAddOn> w = addonWatch;
      // From the watch's cache while it runs; a LIST otherwise.
      List<ManagedClusterAddOn> addons =
          w != null && w.isRunning() && w.hasSynced()
              ? w.getStore().list()
              : hub.resources(ManagedClusterAddOn.class)
                  .inNamespace(config.clusterName())
                  .list()
                  .getItems();
      Instant now = config.clock().instant();
      AddonLeases.report(hub, managed, addons, AddonLeases.GRACE, now, FIELD_MANAGER);
      if (changed || addonRegistrations.due(hub, addons, now)) {
        addonRegistrations.sync(hub, addons, now);
      }
      if (addonRegistrations.waiting()) {
        // A certificate is being signed: look for it soon, then less often (one that is never
        // signed must not keep the agent polling every retry).
        checkAddonsIn(
            min(AddonLeases.CHECK, config.retry().multipliedBy(1L << Math.min(waitedChecks++, 4))));
      } else {
        waitedChecks = 0;
      }
    } catch (RuntimeException e) {
      LOG.warn("cluster {}: add-ons not checked: {}", config.clusterName(), e.toString());
    }
  }

  /**
   * Where the agent is: bootstrapping, waiting-for-approval, waiting-for-acceptance, joined, denied
   * (a hub admin set hubAcceptsClient false), lost-access (removed from the hub) or hub-untrusted
   * (the hub's serving certificate is not trusted by the agent's CA bundle).
   */
  public String phase() {
    return phase;
  }

  private void runPass() {
    synchronized (this) {
      nextPass = null; // this one is running: a wake-up from now on schedules a new pass
    }
    Duration next;
    try {
      next = sync();
    } catch (KubernetesClientException e) {
      LOG.warn("cluster {}: {}", config.clusterName(), describe(e));
      next = config.retry();
    } catch (RuntimeException e) {
      // Not a failed request but a fault of ours or of what the API answered: keep the trace.
      LOG.warn("cluster {}: registration pass failed", config.clusterName(), e);
      next = config.retry();
    }
    schedule(next);
  }

  /** Runs a pass now, e.g. because a ClusterClaim changed; harmless when one is already due. */
  public void wakeUp() {
    schedule(Duration.ZERO);
  }

  private synchronized void schedule(Duration delay) {
    if (loop.isShutdown()) {
      return;
    }
    long millis = Math.max(0, delay.toMillis());
    if (nextPass != null) {
      if (nextPass.getDelay(TimeUnit.MILLISECONDS) <= millis) {
        return; // an earlier pass is already scheduled
      }
      nextPass.cancel(false);
    }
    nextPass = loop.schedule(this::runPass, millis, TimeUnit.MILLISECONDS);
  }

  /** Wakes the agent whenever a ClusterClaim changes, so claims reach the hub promptly. */
  private void ensureClaimWatch() {
    if (claimWatch != null) {
      return;
    }
    try {
      claimWatch = managed.resources(ClusterClaim.class).inform(OnAnyChange.run(this::wakeUp));
    } catch (KubernetesClientException e) {
      LOG.debug(
          "cluster {}: ClusterClaim watch not started yet: {}",
          config.clusterName(),
          e.getMessage());
    }
  }

  /** One pass; returns how long to wait before the next. */
  public Duration sync() {
    adoptBootstrapSecret();
    HubKubeconfigSecret secret = HubKubeconfigSecret.ensure(managed, config, FIELD_MANAGER);
    Instant now = config.clock().instant();
    X509Certificate cert =
        secret.hasCertificate() ? AgentCertificates.parse(secret.certificatePem()) : null;
    if (cert == null || !now.isBefore(cert.getNotAfter().toInstant())) {
      try {
        return bootstrap(secret);
      } catch (RuntimeException e) {
        return untrusted(
            e, Klusterlet.REASON_BOOTSTRAP_SECRET_ERROR, BootstrapKubeconfigSecret.NAME);
      }
    }
    secret = certificates.adoptHubTrust(secret);
    try {
      KubernetesClient hub = hubClients.forCertificate(secret);
      Instant rotateAt = AgentCertificates.rotationTime(cert, config.renewBefore());
      if (!now.isBefore(rotateAt)) {
        Duration renewal = certificates.request(hub, secret, true);
        if (renewal.isZero()) {
          return Duration.ZERO; // the new certificate is in the secret: use it right away
        }
      }
      Duration heartbeat = heartbeat(hub);
      Duration untilRotation = Duration.between(now, rotateAt);
      return untilRotation.isNegative() ? config.retry() : min(heartbeat, untilRotation);
    } catch (RuntimeException e) {
      return untrusted(e, Klusterlet.REASON_HUB_KUBECONFIG_ERROR, HubKubeconfigSecret.NAME);
    }
  }

  /**
   * Takes up a re-issued {@code bootstrap-hub-kubeconfig}. An invalid one is reported (and
   * remembered until fixed) while the one in use is kept, so a bad re-issue never cuts a working
   * agent off.
   */
  private void adoptBootstrapSecret() {
    var reissued = BootstrapKubeconfigSecret.read(managed, config.agentNamespace());
    String before = bootstrapProblem;
    bootstrapProblem = null;
    if (reissued.isEmpty()) {
      return;
    }
    try {
      if (hubClients.replaceBootstrap(reissued.get())) {
        LOG.info(
            "cluster {}: adopted a re-issued {} for hub {}",
            config.clusterName(),
            BootstrapKubeconfigSecret.NAME,
            hubClients.serverUrl());
      }
    } catch (IllegalArgumentException e) {
      String message =
          BootstrapKubeconfigSecret.NAME
              + " in namespace "
              + config.agentNamespace()
              + ": "
              + e.getMessage().replaceFirst("^bootstrap kubeconfig: ", "");
      bootstrapProblem = message;
      klusterlet.hubConnectionDegraded(Klusterlet.REASON_BOOTSTRAP_SECRET_ERROR, message);
      if (!message.equals(before)) {
        LOG.warn(
            "cluster {}: keeping the bootstrap kubeconfig in use: {}",
            config.clusterName(),
            message);
      }
    }
  }

  /**
   * A hub whose serving certificate this agent does not trust (its CA changed) is reported on the
   * Klusterlet instead of only going Unknown on the hub; any other failure is rethrown.
   */
  private Duration untrusted(RuntimeException e, String reason, String secretName) {
    Throwable tls = HubTrust.trustFailure(e);
    if (tls == null) {
      throw e;
    }
    phase = "hub-untrusted";
    String message =
        secretName
            + ": the hub "
            + hubClients.serverUrl()
            + " is not trusted ("
            + tls.getMessage()
            + "): the hub's serving CA is not in this agent's CA bundle; re-issue bootstrap material"
            + " with 'ocmj rebootstrap --managed-kubeconfig <this cluster> [--ca-bundle old+new.pem]'";
    klusterlet.hubConnectionDegraded(reason, message);
    waitingFor("a CA bundle that trusts the hub: " + message);
    return config.retry();
  }

  private Duration bootstrap(HubKubeconfigSecret secret) {
    phase = "bootstrapping";
    KubernetesClient bootstrap = hubClients.bootstrap();
    ensureManagedCluster(bootstrap);
    Duration next = certificates.request(bootstrap, secret, false);
    if (certificates.waitingForApproval()) {
      phase = "waiting-for-approval";
      waitingFor(
          "the hub to approve CSR "
              + certificates.pendingName()
              + " (accept the cluster on the hub: ocmj accept --clusters "
              + config.clusterName()
              + ")");
    }
    return next;
  }

  private void ensureManagedCluster(KubernetesClient bootstrap) {
    if (bootstrap.resources(ManagedCluster.class).withName(config.clusterName()).get() != null) {
      return;
    }
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(config.clusterName());
    ManagedClusterSpec spec = new ManagedClusterSpec();
    config
        .managedClusterUrls()
        .forEach(url -> spec.getManagedClusterClientConfigs().add(new ClientConfig(url)));
    cluster.setSpec(spec);
    bootstrap.resource(cluster).create();
    LOG.info(
        "cluster {}: created ManagedCluster on the hub; waiting for a hub admin to accept it",
        config.clusterName());
  }

  /** Reports Joined and Available and renews the lease; returns when to come back. */
  private Duration heartbeat(KubernetesClient hub) {
    ManagedCluster cluster;
    try {
      cluster = hub.resources(ManagedCluster.class).withName(config.clusterName()).get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 401 || e.getCode() == 403) {
        // Denial keeps read access to the ManagedCluster; losing even that means the hub removed
        // the cluster (its RBAC is gone) or no longer trusts this identity.
        phase = "lost-access";
        String message =
            "the hub refuses this agent's identity ("
                + e.getCode()
                + "): the cluster was removed from the hub, or its certificate is no longer trusted";
        klusterlet.hubConnectionDegraded(Klusterlet.REASON_HUB_KUBECONFIG_UNAUTHORIZED, message);
        waitingFor("access: " + message);
        return config.retry();
      }
      throw e;
    }
    var accepted =
        cluster == null || cluster.getStatus() == null
            ? java.util.Optional.<Condition>empty()
            : Conditions.find(
                cluster.getStatus().getConditions(), ManagedCluster.CONDITION_HUB_ACCEPTED);
    if (accepted.isPresent() && Conditions.FALSE.equals(accepted.get().getStatus())) {
      phase = "denied";
      waitingFor(
          "the hub to accept cluster "
              + config.clusterName()
              + " again: a hub admin denied it ("
              + accepted.get().getReason()
              + "), its access is revoked");
      return config.retry();
    }
    if (accepted.isEmpty() || !Conditions.TRUE.equals(accepted.get().getStatus())) {
      phase = "waiting-for-acceptance";
      waitingFor("the hub to accept cluster " + config.clusterName());
      return config.retry();
    }
    ensureClaimWatch();
    // The lease first: the hub looks at it when the status changes.
    lease.renew(hub, config);
    SharedIndexInformer<ClusterClaim> claims = claimWatch;
    Heartbeats.report(
        hub,
        managed,
        config,
        cluster,
        ClusterClaims.read(
            managed,
            FIELD_MANAGER,
            claims != null && claims.isRunning() && claims.hasSynced()
                ? claims.getStore().list()
                : null),
        FIELD_MANAGER);
    joinedHub = hub;
    ensureAddonWatch(hub);
    if (!"joined".equals(phase)) {
      LOG.info("cluster {}: joined the hub", config.clusterName());
    }
    phase = "joined";
    if (bootstrapProblem == null) {
      klusterlet.hubConnectionFunctional();
    }
    lastWait = "";
    int leaseSeconds =
        cluster.getSpec().getLeaseDurationSeconds() == null
                || cluster.getSpec().getLeaseDurationSeconds() == 0
            ? 60
            : cluster.getSpec().getLeaseDurationSeconds();
    return Duration.ofSeconds(leaseSeconds);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private void waitingFor(String what) {
    if (!what.equals(lastWait)) {
      LOG.info("cluster {}: waiting for {}", config.clusterName(), what);
      lastWait = what;
    }
  }

  private String describe(KubernetesClientException e) {
    return "hub request failed (" + e.getCode() + "): " + e.getMessage();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    loop.shutdownNow();
    if (claimWatch != null) {
      claimWatch.close();
    }
    SharedIndexInformer<ManagedClusterAddOn> w = addonWatch;
    if (w != null) {
      w.close();
    }
    hubClients.close();
  }
}
