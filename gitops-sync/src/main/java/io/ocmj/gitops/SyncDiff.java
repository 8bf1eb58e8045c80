package io.ocmj.gitops;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.InventoryEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What syncing a GitSync now would change on the hub, written nowhere: the ref's current commit is
 * fetched (into {@code cacheDir}), read and checked like the controller does, every object is
 * server-side dry-run, and the inventory objects Git no longer has are listed as deletions.
 */
public final class SyncDiff {
  private SyncDiff() {}

  /** The revision, the would-be changes, and the errors that would stop the sync. */
  public record Diff(String revision, List<String> changes, List<SyncError> errors) {}

  public static Diff diff(KubernetesClient hub, GitSync sync, Path cacheDir) throws GitFailure {
    GitFetcher fetcher = new GitFetcher(cacheDir);
    GitFetcher.Resolved resolved;
    GitFetcher.Snapshot snapshot;
    try (GitAuth auth = GitCredentials.from(hub, sync)) {
      resolved = fetcher.resolve(sync, auth);
      snapshot = fetcher.fetch(sync, resolved, auth);
    }
    ManifestParser.Parsed parsed = ManifestParser.parse(snapshot.files());
    DesiredSet.Result built =
        DesiredSet.build(parsed.objects(), sync, snapshot.commit(), new Discovery(hub));
    List<SyncError> errors = new ArrayList<>(parsed.errors());
    errors.addAll(built.errors());
    if (!errors.isEmpty()) {
      return new Diff(resolved.revision(), List.of(), errors);
    }
    SyncApplier.Outcome dry = SyncApplier.dryRun(hub, built.objects(), sync.getSpec().isForce());
    List<String> changes = new ArrayList<>(dry.changes());
    Set<String> next = new HashSet<>();
    built.objects().forEach(d -> next.add(d.id().id()));
    if (sync.getStatus() != null
        && sync.getStatus().getInventory() != null
        && !Boolean.FALSE.equals(sync.getSpec().getPrune())) {
      for (InventoryEntry e : sync.getStatus().getInventory().getEntries()) {
        if (!next.contains(e.getId())) {
          ObjectId.parse(e.getId(), e.getV()).ifPresent(id -> changes.add(id + " deleted"));
        }
      }
    }
    return new Diff(resolved.revision(), changes, dry.errors());
  }

  /** Whether a GitSync's label marks an object as its own (for tools that list them). */
  public static String label(GitSync sync) {
    return GitSync.LABEL_SYNC + "=" + sync.syncLabel();
  }
}
