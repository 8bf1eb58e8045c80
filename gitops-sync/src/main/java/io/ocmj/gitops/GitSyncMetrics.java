package io.ocmj.gitops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncStatus;
import io.ocmj.api.status.Conditions;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What GitSync passes did, process-wide, in Micrometer's global registry: passes by result,
 * revisions applied, fetch durations and the time of the last successful pass. Labels never name a
 * GitSync; {@code ocmj_gitsyncs{ready}} on the hub says how many are not Ready.
 */
final class GitSyncMetrics {
  static final String PASSES = "ocmj_gitsync_passes_total";
  static final String REVISIONS = "ocmj_gitsync_revisions_applied_total";
  static final String FETCH = "ocmj_gitsync_fetch_duration_seconds";
  static final String LAST_SUCCESS = "ocmj_gitsync_last_success_timestamp_seconds";

  private static final AtomicLong LAST_SUCCESS_SECONDS = new AtomicLong();

  private final MeterRegistry registry;

  private GitSyncMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(LAST_SUCCESS, LAST_SUCCESS_SECONDS, AtomicLong::get)
        .description("When a GitSync pass of this process last applied its revision (Unix time)")
        .strongReference(true)
        .register(registry);
    for (String result : new String[] {"applied", "failed", "stalled"}) {
      passes(result);
    }
    revisions();
  }

  static GitSyncMetrics global() {
    return new GitSyncMetrics(Metrics.globalRegistry);
  }

  /** Records a fetch that began at {@code startedNanos} ({@link System#nanoTime()}). */
  void fetched(long startedNanos) {
    Timer.builder(FETCH)
        .description("How long fetching a GitSync's revision from Git takes")
        .publishPercentileHistogram()
        .register(registry)
        .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  /** One pass's outcome, from the status it leaves, and whether it applied a new revision. */
  void passed(String revisionBefore, GitSyncStatus after, Instant now) {
    boolean ready = Conditions.isTrue(after.getConditions(), GitSync.CONDITION_READY);
    boolean stalled = Conditions.isTrue(after.getConditions(), GitSync.CONDITION_STALLED);
    passes(ready ? "applied" : stalled ? "stalled" : "failed").increment();
    if (ready) {
      LAST_SUCCESS_SECONDS.accumulateAndGet(now.getEpochSecond(), Math::max);
      if (!Objects.equals(revisionBefore, after.getLastAppliedRevision())) {
        revisions().increment();
      }
    }
  }

  private Counter passes(String result) {
    return Counter.builder(PASSES)
        .description("GitSync passes by result (applied, failed and retrying, stalled)")
        .tag("result", result)
        .register(registry);
  }

  private Counter revisions() {
    return Counter.builder(REVISIONS)
        .description("New revisions GitSyncs applied")
        .register(registry);
  }
}
