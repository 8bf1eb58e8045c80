package io.ocmj.gitops.reports;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.ReportsSpec;
import io.ocmj.api.gitops.v1alpha1.ReportsStatus;
import io.ocmj.gitops.GitAuth;
import io.ocmj.gitops.GitCredentials;
import io.ocmj.gitops.GitFailure;
import io.ocmj.gitops.GitFetcher;
import io.ocmj.gitops.GitSyncReconciler;
import io.ocmj.gitops.SpecOrRequestChanged;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compliance in Git, for each GitSync with {@code spec.reports}: every interval (default 30s) the
 * fleet's compliance with the GitSync's Policies is compared with the snapshot on the reports
 * branch and committed when it changed. {@code status.reports} says the last commit, or why it
 * failed (a bad spec, an unreachable or refusing remote); the sync itself is not affected.
 */
@ControllerConfiguration(
    name = "gitsync-reports",
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = SpecOrRequestChanged.class))
public final class ComplianceReporter implements Reconciler<GitSync> {
  static final String STATUS_MANAGER = "ocmj-gitsync-reports";
  private static final Logger LOG = LoggerFactory.getLogger(ComplianceReporter.class);
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  private final Path cacheRoot;
  private final Clock clock;
  private final boolean allowFileUrls;

  /** Per GitSync: the revision each policy's current generation was first seen at. */
  private final Map<String, Map<String, FleetCompliance.FirstSeen>> firstSeen =
      new ConcurrentHashMap<>();

  public ComplianceReporter(Path cacheRoot, Clock clock) {
    this(cacheRoot, clock, true);
  }

  /** Unless {@code allowFileUrls}, refuses to push to {@code file://} URLs (see GitFetcher). */
  public ComplianceReporter(Path cacheRoot, Clock clock, boolean allowFileUrls) {
    this.cacheRoot = cacheRoot;
    this.clock = clock;
    this.allowFileUrls = allowFileUrls;
  }

  @Override
  public UpdateControl<GitSync> reconcile(GitSync sync, Context<GitSync> context) {
    ReportsSpec spec = sync.getSpec().getReports();
    String owner = sync.getMetadata().getNamespace() + "/" + sync.getMetadata().getName();
    if (spec == null) {
      firstSeen.remove(owner);
      return UpdateControl.noUpdate();
    }
    Duration interval =
        max(GitSyncReconciler.goDuration(spec.getInterval(), DEFAULT_INTERVAL), MIN_INTERVAL);
    KubernetesClient client = context.getClient();
    ReportsStatus previous =
        sync.getStatus() == null || sync.getStatus().getReports() == null
            ? new ReportsStatus()
            : sync.getStatus().getReports();
    ReportsStatus next = new ReportsStatus();
    next.setLastCommit(previous.getLastCommit());
    next.setLastPublished(previous.getLastPublished());
    Optional<String> problem =
        GitFetcher.refused(sync.getSpec().getUrl(), allowFileUrls).or(() -> problem(sync, spec));
    if (problem.isPresent()) {
      next.setError(problem.get());
    } else {
      try (GitAuth auth = GitCredentials.from(client, sync)) {
        Map<String, FleetCompliance.FirstSeen> seen =
            firstSeen.computeIfAbsent(owner, k -> new ConcurrentHashMap<>());
        ReportsBranch branch =
            new ReportsBranch(
                // ".reports": no namespace starts with a dot, so no GitSync's fetch cache is here.
                cacheRoot
                    .resolve(".reports")
                    .resolve(sync.getMetadata().getNamespace())
                    .resolve(sync.getMetadata().getName() + ".git"),
                sync.getSpec().getUrl(),
                spec.branchOrDefault(),
                spec.pathOrDefault(),
                auth,
                owner);
        Instant now = clock.instant();
        Optional<ReportsBranch.Published> published =
            branch.publish(FleetCompliance.of(client, sync, seen), now);
        if (published.isPresent()) {
          next.setLastCommit(published.get().commit());
          next.setLastPublished(now.truncatedTo(ChronoUnit.SECONDS).toString());
          LOG.info(
              "gitsync {}/{}: compliance committed to {} as {}: {}",
              sync.getMetadata().getNamespace(),
              sync.getMetadata().getName(),
              spec.branchOrDefault(),
              published.get().commit(),
              published.get().lines());
        }
      } catch (GitFailure e) {
        next.setError(e.getMessage());
      } catch (RuntimeException e) {
        // The hub's API (a list, the Secret) or anything unforeseen: say so, and try next interval.
        next.setError("reports: " + e.getMessage());
        LOG.warn("gitsync {}: compliance reports failed", owner, e);
      }
    }
    try {
      if (!same(previous, next)) {
        writeStatus(client, sync, next);
      }
    } catch (RuntimeException e) {
      LOG.warn("gitsync {}: status.reports not written: {}", owner, e.getMessage());
    }
    return UpdateControl.<GitSync>noUpdate().rescheduleAfter(interval);
  }

  /** A spec the writer cannot use, in words naming the field; empty when it is fine. */
  static Optional<String> problem(GitSync sync, ReportsSpec spec) {
    GitRef ref = sync.getSpec().getRef();
    String synced =
        ref == null || ref.getBranch() == null || ref.getBranch().isEmpty()
            ? "main"
            : ref.getBranch();
    boolean followsBranch =
        ref == null
            || ((ref.getTag() == null || ref.getTag().isEmpty())
                && (ref.getSemver() == null || ref.getSemver().isEmpty()));
    if (!org.eclipse.jgit.lib.Repository.isValidRefName("refs/heads/" + spec.branchOrDefault())) {
      return Optional.of(
          "spec.reports.branch: " + spec.branchOrDefault() + " is not a valid Git branch name");
    }
    if (followsBranch && synced.equals(spec.branchOrDefault())) {
      return Optional.of(
          "spec.reports.branch: "
              + spec.branchOrDefault()
              + " is the branch this GitSync syncs; reports need a branch of their own");
    }
    String path = spec.pathOrDefault();
    if (path.equals("..")
        || path.startsWith("../")
        || path.contains("/../")
        || path.endsWith("/..")) {
      return Optional.of("spec.reports.path: " + path + " must stay inside the branch");
    }
    return Optional.empty();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static boolean same(ReportsStatus a, ReportsStatus b) {
    return Objects.equals(a.getLastCommit(), b.getLastCommit())
        && Objects.equals(a.getLastPublished(), b.getLastPublished())
        && Objects.equals(a.getError(), b.getError());
  }

  @SuppressWarnings("unchecked")
  private static void writeStatus(KubernetesClient client, GitSync sync, ReportsStatus reports) {
    GitSyncReconciler.applyStatus(
        client,
        sync,
        Map.of("reports", Serialization.jsonMapper().convertValue(reports, Map.class)),
        STATUS_MANAGER);
  }
}
