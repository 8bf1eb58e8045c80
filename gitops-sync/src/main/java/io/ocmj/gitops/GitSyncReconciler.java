package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncStatus;
import io.ocmj.api.gitops.v1alpha1.Inventory;
import io.ocmj.api.gitops.v1alpha1.InventoryEntry;
import io.ocmj.api.gitops.v1alpha1.SyncFailure;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.status.StatusPatch;
import io.ocmj.gitops.DesiredSet.Desired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a GitSync as Flux's kustomize-controller does a Kustomization: resolve the ref, fetch
 * a new commit, read and check its objects, apply them all or nothing, prune what Git dropped, and
 * record it all in status (kstatus conditions, revisions, inventory, failures). A commit already
 * applied is not fetched or parsed again: every interval its objects are re-applied from memory,
 * which writes only what drifted. A lost remote or a bad commit leaves the last good one applied.
 */
@ControllerConfiguration(
    name = "gitsync",
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = SpecOrRequestChanged.class))
public final class GitSyncReconciler implements Reconciler<GitSync> {
  private static final Logger LOG = LoggerFactory.getLogger(GitSyncReconciler.class);
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  static final String STATUS_MANAGER = "ocmj-gitsync-status";

  private final GitFetcher fetcher;
  private final GitSyncMetrics metrics = GitSyncMetrics.global();
  private final Clock clock;
  private final WebhookRoutes routes;

  /** The last commit's checked objects per GitSync, so an unchanged commit is not parsed again. */
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  private record Parsed(String commit, long generation, String revision, List<Desired> objects) {}

  public GitSyncReconciler(GitFetcher fetcher, Clock clock, WebhookRoutes routes) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.routes = routes;
  }

  @Override
  public UpdateControl<GitSync> reconcile(GitSync sync, Context<GitSync> context) {
    KubernetesClient client = context.getClient();
    if (sync.getSpec() == null || sync.getSpec().isSuspend()) {
      return UpdateControl.noUpdate();
    }
    Duration interval = interval(sync);
    GitSyncStatus status =
        sync.getStatus() == null ? new GitSyncStatus() : Serialization.clone(sync.getStatus());
    String webhookProblem = webhook(client, sync, status);
    String revisionBefore = status.getLastAppliedRevision();
    try {
      sync(client, sync, status);
    } catch (GitFailure e) {
      failed(sync, status, e.reason(), e.getMessage(), false);
    } catch (KubernetesClientException e) {
      failed(
          sync,
          status,
          GitSync.REASON_RECONCILIATION_FAILED,
          SyncApplier.message(e, sync.getSpec().isForce()),
          false);
    } catch (RuntimeException e) {
      // Whatever else goes wrong is said on the GitSync, and the next interval tries again.
      LOG.error(
          "gitsync={}/{}", sync.getMetadata().getNamespace(), sync.getMetadata().getName(), e);
      failed(
          sync,
          status,
          GitSync.REASON_RECONCILIATION_FAILED,
          Redact.url(e.getClass().getSimpleName() + ": " + e.getMessage()),
          false);
    }
    metrics.passed(revisionBefore, status, clock.instant());
    if (webhookProblem != null) {
      Conditions.find(status.getConditions(), GitSync.CONDITION_READY)
          .ifPresent(c -> c.setMessage(c.getMessage() + " (" + webhookProblem + ")"));
    }
    // Only with the outcome: a reader waiting for its request must not see an earlier write.
    String requestedAt = annotation(sync, GitSync.ANNOTATION_REQUESTED_AT);
    if (requestedAt != null) {
      status.setLastHandledReconcileAt(requestedAt);
    }
    writeStatus(client, sync, status);
    return UpdateControl.<GitSync>noUpdate().rescheduleAfter(interval);
  }

  private void sync(KubernetesClient client, GitSync sync, GitSyncStatus status) throws GitFailure {
    // By uid: a GitSync deleted and made again under the same name starts afresh.
    String key = sync.getMetadata().getUid();
    long generation =
        sync.getMetadata().getGeneration() == null ? 0 : sync.getMetadata().getGeneration();
    try (GitAuth auth = GitCredentials.from(client, sync);
        KubernetesClient applier = applier(client, sync)) {
      sync(client, applier, sync, status, auth, key, generation);
    }
  }

  /**
   * One pass; {@code client} is the controller's (status, events), {@code applier} reads and writes
   * the synced objects (the service account's identity, if one is named).
   */
  private void sync(
      KubernetesClient client,
      KubernetesClient applier,
      GitSync sync,
      GitSyncStatus status,
      GitAuth credentials,
      String key,
      long generation)
      throws GitFailure {
    GitFetcher.Resolved resolved = fetcher.resolve(sync, credentials);
    status.setLastAttemptedRevision(resolved.revision());
    Parsed last = parsed.get(key);
    List<Desired> objects;
    if (last != null
        && last.commit().equals(resolved.commit())
        && last.generation() == generation) {
      objects = last.objects();
    } else {
      long fetchStarted = System.nanoTime();
      GitFetcher.Snapshot snapshot = fetcher.fetch(sync, resolved, credentials);
      metrics.fetched(fetchStarted);
      ManifestParser.Parsed read = ManifestParser.parse(snapshot.files());
      DesiredSet.Result built =
          DesiredSet.build(read.objects(), sync, snapshot.commit(), new Discovery(applier));
      List<SyncError> errors = new ArrayList<>(read.errors());
      errors.addAll(built.errors());
      if (!errors.isEmpty()) {
        stalled(sync, status, GitSync.REASON_BUILD_FAILED, resolved.revision(), errors, 0);
        return;
      }
      objects = built.objects();
      parsed.put(key, new Parsed(resolved.commit(), generation, resolved.revision(), objects));
    }
    Inventory next = inventory(objects);
    // Computed before the pending inventory is replaced: an interrupted earlier attempt's objects
    // are stale too.
    List<ObjectId> stale = stale(status, next);
    Inventory pendingBefore = status.getPendingInventory();
    if (!same(status.getInventory(), next)) {
      // What this attempt may apply is on record before anything is written (with what earlier
      // unfinished attempts may have applied), so that a crash in the middle cannot leave objects
      // that no inventory knows of.
      status.setPendingInventory(union(status.getPendingInventory(), next));
      writeStatus(client, sync, status);
    }
    SyncApplier.Outcome outcome = SyncApplier.apply(applier, objects, sync.getSpec().isForce());
    if (!outcome.succeeded()) {
      parsed.remove(key);
      if (outcome.changes().isEmpty()) {
        // Nothing of this attempt was written: it leaves nothing to prune later.
        status.setPendingInventory(pendingBefore);
      } else {
        ChangeEvents.record(client, sync, resolved.revision(), outcome.changes(), clock.instant());
      }
      stalled(
          sync,
          status,
          GitSync.REASON_RECONCILIATION_FAILED,
          resolved.revision(),
          outcome.errors(),
          outcome.changes().size());
      return;
    }
    List<String> changes = new ArrayList<>(outcome.changes());
    List<SyncError> pruneErrors = new ArrayList<>();
    Inventory unpruned = new Inventory();
    if (!Boolean.FALSE.equals(sync.getSpec().getPrune())) {
      Pruner.Outcome pruned = Pruner.prune(applier, stale, sync.syncLabel());
      changes.addAll(pruned.deleted());
      pruneErrors.addAll(pruned.errors());
      for (ObjectId id : pruned.failed()) {
        InventoryEntry entry = new InventoryEntry();
        entry.setId(id.id());
        entry.setV(id.version());
        unpruned.getEntries().add(entry);
      }
    }
    status.setInventory(next);
    // What could not be pruned stays on record, so that the next pass tries again.
    status.setPendingInventory(unpruned.getEntries().isEmpty() ? null : unpruned);
    status.setLastAppliedRevision(resolved.revision());
    status.setObservedGeneration(generation);
    status.setFailures(failures(pruneErrors));
    List<Condition> conditions = status.getConditions();
    Instant now = clock.instant();
    if (!pruneErrors.isEmpty()) {
      Conditions.set(
          conditions,
          GitSync.CONDITION_READY,
          Conditions.FALSE,
          GitSync.REASON_PRUNE_FAILED,
          pruneErrors.get(0).toString(),
          generation,
          now);
    } else {
      Conditions.set(
          conditions,
          GitSync.CONDITION_READY,
          Conditions.TRUE,
          GitSync.REASON_SUCCEEDED,
          "Applied revision: " + resolved.revision(),
          generation,
          now);
    }
    Conditions.remove(conditions, GitSync.CONDITION_RECONCILING);
    Conditions.remove(conditions, GitSync.CONDITION_STALLED);
    if (!changes.isEmpty()) {
      ChangeEvents.record(client, sync, resolved.revision(), changes, clock.instant());
      LOG.info(
          "gitsync={}/{} revision={} changes:\n  {}",
          sync.getMetadata().getNamespace(),
          sync.getMetadata().getName(),
          resolved.revision(),
          String.join("\n  ", changes));
    }
  }

  /** Registers the GitSync's webhook route; what is wrong with its Secret, if anything. */
  private String webhook(KubernetesClient client, GitSync sync, GitSyncStatus status) {
    String namespace = sync.getMetadata().getNamespace();
    String name = sync.getMetadata().getName();
    if (sync.getSpec().getWebhook() == null || sync.getSpec().getWebhook().getSecretRef() == null) {
      routes.remove(namespace, name);
      status.setWebhookPath(null);
      return null;
    }
    String secretName = sync.getSpec().getWebhook().getSecretRef().getName();
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    String token = secret == null ? null : GitCredentials.data(secret, "token");
    if (token == null || token.isEmpty()) {
      routes.remove(namespace, name);
      status.setWebhookPath(null);
      return "webhook.secretRef: Secret "
          + secretName
          + (secret == null ? " not found" : " has no key 'token'")
          + "; no webhook";
    }
    status.setWebhookPath(routes.put(namespace, name, token));
    return null;
  }

  /** Old inventory and an unfinished attempt's, minus the new set. */
  private static List<ObjectId> stale(GitSyncStatus status, Inventory next) {
    Map<String, ObjectId> old = new LinkedHashMap<>();
    for (Inventory inventory :
        List.of(orEmpty(status.getInventory()), orEmpty(status.getPendingInventory()))) {
      for (InventoryEntry e : inventory.getEntries()) {
        ObjectId.parse(e.getId(), e.getV()).ifPresent(id -> old.put(id.id(), id));
      }
    }
    next.getEntries().forEach(e -> old.remove(e.getId()));
    return List.copyOf(old.values());
  }

  private static Inventory union(Inventory earlier, Inventory next) {
    Map<String, InventoryEntry> all = new LinkedHashMap<>();
    orEmpty(earlier).getEntries().forEach(e -> all.put(e.getId(), e));
    next.getEntries().forEach(e -> all.put(e.getId(), e));
    Inventory union = new Inventory();
    union.setEntries(new ArrayList<>(all.values()));
    return union;
  }

  private static Inventory orEmpty(Inventory inventory) {
    return inventory == null ? new Inventory() : inventory;
  }

  private static Inventory inventory(List<Desired> objects) {
    Inventory inventory = new Inventory();
    for (Desired d : SyncApplier.sorted(objects)) {
      InventoryEntry entry = new InventoryEntry();
      entry.setId(d.id().id());
      entry.setV(d.id().version());
      inventory.getEntries().add(entry);
    }
    return inventory;
  }

  private static boolean same(Inventory a, Inventory b) {
    return Serialization.asJson(orEmpty(a)).equals(Serialization.asJson(orEmpty(b)));
  }

  /**
   * A commit that cannot be applied as it is: nothing of it was written; Stalled until Git changes.
   */
  private void stalled(
      GitSync sync,
      GitSyncStatus status,
      String reason,
      String revision,
      List<SyncError> errors,
      int written) {
    status.setFailures(failures(errors));
    String message =
        (errors.size() == 1 ? "" : errors.size() + " errors; first: ")
            + errors.get(0)
            + " (revision "
            + revision
            + "; "
            + (written > 0
                ? "partly applied: "
                    + written
                    + " object(s) written before the failure (Events list them)"
                : status.getLastAppliedRevision() == null
                    ? "nothing applied"
                    : status.getLastAppliedRevision() + " stays applied")
            + ")";
    failed(sync, status, reason, message, true);
  }

  private void failed(
      GitSync sync, GitSyncStatus status, String reason, String message, boolean terminal) {
    long generation =
        sync.getMetadata().getGeneration() == null ? 0 : sync.getMetadata().getGeneration();
    Instant now = clock.instant();
    List<Condition> conditions = status.getConditions();
    Conditions.set(
        conditions, GitSync.CONDITION_READY, Conditions.FALSE, reason, message, generation, now);
    if (terminal) {
      Conditions.set(
          conditions, GitSync.CONDITION_STALLED, Conditions.TRUE, reason, message, generation, now);
      Conditions.remove(conditions, GitSync.CONDITION_RECONCILING);
      status.setObservedGeneration(generation);
    } else {
      Conditions.set(
          conditions,
          GitSync.CONDITION_RECONCILING,
          Conditions.TRUE,
          GitSync.REASON_PROGRESSING_WITH_RETRY,
          message,
          generation,
          now);
    }
    LOG.warn(
        "gitsync={}/{} {}: {}",
        sync.getMetadata().getNamespace(),
        sync.getMetadata().getName(),
        reason,
        message);
  }

  private static List<SyncFailure> failures(List<SyncError> errors) {
    List<SyncFailure> failures = new ArrayList<>();
    for (SyncError e : errors.subList(0, Math.min(errors.size(), 50))) {
      SyncFailure f = new SyncFailure();
      f.setFile(e.file());
      f.setDocument(e.document());
      f.setObject(e.object());
      f.setMessage(e.message());
      failures.add(f);
    }
    return failures;
  }

  @SuppressWarnings("unchecked")
  private static void writeStatus(KubernetesClient client, GitSync sync, GitSyncStatus status) {
    Map<String, Object> body = Serialization.jsonMapper().convertValue(status, Map.class);
    body.remove("reports"); // the reports writer's field, under its own field manager
    applyStatus(client, sync, body, STATUS_MANAGER);
  }

  /**
   * Server-side applies these status fields of the GitSync as {@code fieldManager} (the sync and
   * the reports writer each own their fields).
   */
  public static void applyStatus(
      KubernetesClient client, GitSync sync, Map<String, Object> fields, String fieldManager) {
    client
        .resource(StatusPatch.of(sync, fields))
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(fieldManager)
                .withForce(true)
                .build());
  }

  /**
   * The client that reads and writes the synced objects: the service account's, if one is named.
   */
  private static KubernetesClient applier(KubernetesClient client, GitSync sync) {
    String account = sync.getSpec().getServiceAccountName();
    Config config =
        account == null || account.isEmpty()
            ? new ConfigBuilder(client.getConfiguration()).build()
            : new ConfigBuilder(client.getConfiguration())
                .withImpersonateUsername(
                    "system:serviceaccount:" + sync.getMetadata().getNamespace() + ":" + account)
                // Not system:serviceaccounts:<namespace>: impersonating a group is granted by its
                // name, and a ClusterRole cannot name every namespace's group (RBAC bound to that
                // group does not apply to a GitSync's service account).
                .withImpersonateGroups("system:serviceaccounts", "system:authenticated")
                .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String annotation(GitSync sync, String key) {
    Map<String, String> annotations = sync.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  /** spec.interval as a Go duration (e.g. 1m30s); 5m when unset. */
  static Duration interval(GitSync sync) {
    return goDuration(sync.getSpec().getInterval(), DEFAULT_INTERVAL);
  }

  /** A Go duration (e.g. 1m30s, as the CRD's pattern allows); {@code fallback} when unset or 0. */
  public static Duration goDuration(String text, Duration fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    Duration total = Duration.ZERO;
    var m = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)").matcher(text);
    while (m.find()) {
      double value = Double.parseDouble(m.group(1));
      long millis =
          (long)
              (value
                  * switch (m.group(2)) {
                    case "ms" -> 1;
                    case "s" -> 1000;
                    case "m" -> 60_000;
                    default -> 3_600_000;
                  });
      total = total.plusMillis(millis);
    }
    return total.isZero() ? fallback : total;
  }
}
