package io.ocmj.hub.registration;

import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import io.ocmj.api.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's view of a cluster's health, as OCM computes it: the agent renews its lease every {@code
 * leaseDurationSeconds}; when it has not done so for five of those, the cluster's Available
 * condition becomes Unknown. The system taints follow Available: Unknown (or missing) gives {@code
 * unreachable}, False gives {@code unavailable}, True gives neither. Pure: no client.
 */
public final class ClusterHealth {
  public static final String REASON_LEASE_STOPPED = "ManagedClusterLeaseUpdateStopped";
  public static final String MESSAGE_LEASE_STOPPED =
      "Registration agent stopped updating its lease.";
  static final int GRACE_MULTIPLIER = 5;

  private ClusterHealth() {}

  /**
   * Whether the agent's clock agrees with the hub's: the lease's renew time, stamped with the
   * agent's clock, is less than the grace period (5 x leaseDurationSeconds) away from now.
   */
  public static boolean clockSynced(Instant renewTime, Integer leaseDurationSeconds, Instant now) {
    Duration skew = Duration.between(renewTime, now).abs();
    return skew.compareTo(grace(leaseDurationSeconds)) < 0;
  }

  private static Duration grace(Integer leaseDurationSeconds) {
    int seconds =
        leaseDurationSeconds == null || leaseDurationSeconds <= 0 ? 60 : leaseDurationSeconds;
    return Duration.ofSeconds((long) seconds * GRACE_MULTIPLIER);
  }

  /** Whether the lease is stale now, and when to look again if it is not. */
  public record LeaseVerdict(boolean stale, Instant recheckAt) {}

  public static LeaseVerdict lease(Instant renewTime, Integer leaseDurationSeconds, Instant now) {
    int seconds =
        leaseDurationSeconds == null || leaseDurationSeconds <= 0 ? 60 : leaseDurationSeconds;
    Instant expiry = renewTime.plus(Duration.ofSeconds((long) seconds * GRACE_MULTIPLIER));
    return now.isBefore(expiry)
        ? new LeaseVerdict(false, expiry)
        : new LeaseVerdict(true, now.plusSeconds(seconds));
  }

  /**
   * The taints a cluster should carry: the user's ones (given the time they were first seen when
   * they have none, as OCM's mutating webhook does), plus the system taint for its Available status
   * (keeping the time an existing one was added).
   */
  public static List<Taint> taints(
      List<Taint> current, Optional<String> availableStatus, Instant now) {
    String wanted =
        availableStatus.isEmpty() || Conditions.UNKNOWN.equals(availableStatus.get())
            ? Taint.UNREACHABLE
            : Conditions.FALSE.equals(availableStatus.get()) ? Taint.UNAVAILABLE : null;
    List<Taint> result = new ArrayList<>();
    for (Taint taint : stamped(current, now)) {
      boolean system =
          Taint.UNREACHABLE.equals(taint.getKey()) || Taint.UNAVAILABLE.equals(taint.getKey());
      if (!system || Objects.equals(taint.getKey(), wanted)) {
        result.add(taint);
      }
    }
    if (wanted != null && result.stream().noneMatch(t -> wanted.equals(t.getKey()))) {
      Taint taint = new Taint();
      taint.setKey(wanted);
      taint.setEffect(TaintEffect.NoSelect);
      result.add(stamped(taint, now));
    }
    return result;
  }

  /** The taints with {@code now} as the timeAdded of those that have none. */
  public static List<Taint> stamped(List<Taint> current, Instant now) {
    return current == null
        ? List.of()
        : current.stream().map(t -> t.getTimeAdded() == null ? stamped(t, now) : t).toList();
  }

  /** A copy of {@code taint} added at {@code now} (the input is never modified). */
  private static Taint stamped(Taint taint, Instant now) {
    Taint copy = new Taint();
    copy.setKey(taint.getKey());
    copy.setValue(taint.getValue());
    copy.setEffect(taint.getEffect());
    copy.unknownFields().putAll(taint.unknownFields());
    copy.setTimeAdded(now.truncatedTo(ChronoUnit.SECONDS).toString());
    return copy;
  }
}
