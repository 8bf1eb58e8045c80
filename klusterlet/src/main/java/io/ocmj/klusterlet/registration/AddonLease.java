package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The add-on side of Lease health: an add-on agent renews the Lease named after its add-on in its
 * install namespace while it runs; the registration agent turns its age into the
 * ManagedClusterAddOn's {@code Available} (see {@link AddonLeases}).
 */
public final class AddonLease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AddonLease.class);

  /** OCM's add-on lease duration; the registration agent allows five of them. */
  public static final Duration DURATION = Duration.ofSeconds(60);

  /**
   * How often it is renewed: once per duration, as OCM's add-on framework does; the registration
   * agent calls it stale only after five (the grace).
   */
  public static final Duration RENEW = DURATION;

  private final KubernetesClient managed;
  private final String namespace;
  private final String addon;
  private final String fieldManager;
  private final Clock clock;
  private final ScheduledExecutorService loop;

  private AddonLease(
      KubernetesClient managed, String namespace, String addon, String fieldManager, Clock clock) {
    this.managed = managed;
    this.namespace = namespace;
    this.addon = addon;
    this.fieldManager = fieldManager;
    this.clock = clock;
    this.loop = HubSession.daemonLoop("addon-lease-" + addon);
  }

  /** Renews the lease now and every {@link #RENEW} until closed. */
  public static AddonLease start(
      KubernetesClient managed, String namespace, String addon, String fieldManager, Clock clock) {
    AddonLease lease = new AddonLease(managed, namespace, addon, fieldManager, clock);
    lease.loop.scheduleWithFixedDelay(lease::renew, 0, RENEW.toMillis(), TimeUnit.MILLISECONDS);
    return lease;
  }

  private void renew() {
    try {
      Lease lease =
          new LeaseBuilder()
              .withNewMetadata()
              .withName(addon)
              .withNamespace(namespace)
              .endMetadata()
              .withNewSpec()
              .withHolderIdentity(addon)
              .withLeaseDurationSeconds((int) DURATION.toSeconds())
              .withRenewTime(clock.instant().truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC))
              .endSpec()
              .build();
      managed.resource(lease).fieldManager(fieldManager).forceConflicts().serverSideApply();
    } catch (RuntimeException e) { // the next renewal tries again; five misses make it stale
      LOG.warn("add-on {}: lease {}/{} not renewed: {}", addon, namespace, addon, e.toString());
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
