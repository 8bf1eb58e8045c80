package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.HealthCheckMode;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lease health of the cluster's add-ons (health check mode {@code Lease}, OCM's default): the
 * add-on's agent renews a Lease named after the add-on in its install namespace on the managed
 * cluster; each heartbeat the registration agent sets the ManagedClusterAddOn's {@code Available}:
 * True {@code ManagedClusterAddOnLeaseUpdated} while renewed within the grace period, False {@code
 * ManagedClusterAddOnLeaseUpdateStopped} once it is older, Unknown {@code
 * ManagedClusterAddOnLeaseNotFound} without a lease. Written only when it changes.
 */
final class AddonLeases {
  /** OCM's grace: five lease durations of 60 s. */
  static final Duration GRACE = Duration.ofMinutes(5);

  /**
   * How often add-on leases are checked at most (OCM's add-on lease controller resyncs at 30 s).
   */
  static final Duration CHECK = Duration.ofSeconds(30);

  private AddonLeases() {}

  /** Checks the add-ons' leases; returns whether any add-on of the cluster uses Lease health. */
  static boolean report(
      KubernetesClient hub,
      KubernetesClient managed,
      List<ManagedClusterAddOn> addons,
      Duration grace,
      Instant now,
      String fieldManager) {
    boolean any = false;
    for (ManagedClusterAddOn addon : addons) {
      if (addon.getStatus() == null
          || addon.getStatus().getHealthCheck() == null
          || addon.getStatus().getHealthCheck().getMode() != HealthCheckMode.Lease) {
        continue;
      }
      any = true;
      try {
        String ns =
            addon.getStatus().getNamespace() == null || addon.getStatus().getNamespace().isEmpty()
                ? ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE
                : addon.getStatus().getNamespace();
        String name = addon.getMetadata().getName();
        Lease lease = managed.leases().inNamespace(ns).withName(name).get();
        List<Condition> conditions = new ArrayList<>(addon.getStatus().getConditions());
        boolean changed;
        if (lease == null || lease.getSpec() == null || lease.getSpec().getRenewTime() == null) {
          changed =
              set(
                  conditions,
                  addon,
                  Conditions.UNKNOWN,
                  ManagedClusterAddOn.REASON_LEASE_NOT_FOUND,
                  "The status of " + name + " add-on is unknown.",
                  now);
        } else {
          Instant renewed = lease.getSpec().getRenewTime().toInstant();
          boolean fresh = !renewed.plus(grace).isBefore(now);
          changed =
              fresh
                  ? set(
                      conditions,
                      addon,
                      Conditions.TRUE,
                      ManagedClusterAddOn.REASON_LEASE_UPDATED,
                      name + " add-on is available.",
                      now)
                  : set(
                      conditions,
                      addon,
                      Conditions.FALSE,
                      ManagedClusterAddOn.REASON_LEASE_UPDATE_STOPPED,
                      name + " add-on is not available.",
                      now);
        }
        if (changed) {
          Condition available =
              Conditions.find(conditions, ManagedClusterAddOn.CONDITION_AVAILABLE).orElseThrow();
          io.ocmj.klusterlet.status.StatusApply.apply(
              hub, addon, Map.of("conditions", List.of(available)), fieldManager);
        }
      } catch (RuntimeException e) { // this add-on's lease only; the others are still checked
        org.slf4j.LoggerFactory.getLogger(AddonLeases.class)
            .warn("add-on {}: lease not checked: {}", addon.getMetadata().getName(), e.toString());
      }
    }
    return any;
  }

  private static boolean set(
      List<Condition> conditions,
      ManagedClusterAddOn addon,
      String status,
      String reason,
      String message,
      Instant now) {
    return Conditions.set(
        conditions,
        ManagedClusterAddOn.CONDITION_AVAILABLE,
        status,
        reason,
        message,
        addon.getMetadata().getGeneration(),
        now);
  }
}
