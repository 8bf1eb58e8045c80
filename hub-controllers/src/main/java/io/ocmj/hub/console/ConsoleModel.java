package io.ocmj.hub.console;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.cluster.v1beta1.DecisionGroupStatus;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.SyncFailure;
import io.ocmj.api.policy.v1.ComplianceHistory;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.DetailsPerTemplate;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSetSummary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the console's pages show, computed from the hub's objects (as the informers hold them) for
 * one {@link Viewer}: pure functions, no API calls. Each page is a record that Jackson writes as
 * the JSON the page's script renders. Nothing here carries a Secret or a manifest's content.
 */
public final class ConsoleModel {
  /** A cell of the compliance matrix whose cluster has no status for the policy yet. */
  public static final String UNKNOWN = "Unknown";

  static final String POLICY_GROUP = Policy.GROUP;
  static final String CLUSTER_GROUP = ManagedCluster.GROUP;
  static final String WORK_GROUP = ManifestWorkReplicaSet.GROUP;

  private ConsoleModel() {}

  // ---------------------------------------------------------------- fleet

  /** One row of the Fleet page. */
  public record ClusterRow(
      String name,
      boolean accepted,
      String joined,
      String available,
      String clusterSet,
      Map<String, String> labels,
      Map<String, String> claims,
      String lastLease,
      String kubernetesVersion,
      String agentVersion) {}

  /** The Fleet page: every cluster the viewer may list, with the filter's choices. */
  public record Fleet(List<ClusterRow> clusters, List<String> clusterSets, boolean forbidden) {}

  static Fleet fleet(
      Viewer viewer, Collection<ManagedCluster> clusters, Map<String, Lease> leases) {
    if (!viewer.mayList(CLUSTER_GROUP, "managedclusters", null)) {
      return new Fleet(List.of(), List.of(), true);
    }
    List<ClusterRow> rows = new ArrayList<>();
    TreeSet<String> sets = new TreeSet<>();
    for (ManagedCluster mc : sorted(clusters)) {
      ClusterRow row = clusterRow(mc, leases.get(mc.getMetadata().getName()));
      if (row.clusterSet() != null) {
        sets.add(row.clusterSet());
      }
      rows.add(row);
    }
    return new Fleet(rows, List.copyOf(sets), false);
  }

  static ClusterRow clusterRow(ManagedCluster mc, Lease lease) {
    Map<String, String> labels =
        new TreeMap<>(Optional.ofNullable(mc.getMetadata().getLabels()).orElse(Map.of()));
    Map<String, String> claims = new TreeMap<>();
    List<Condition> conditions = List.of();
    String version = null;
    if (mc.getStatus() != null) {
      conditions = mc.getStatus().getConditions();
      for (ClusterClaimStatus c : mc.getStatus().getClusterClaims()) {
        if (c.getName() != null) {
          claims.put(c.getName(), Objects.toString(c.getValue(), ""));
        }
      }
      if (mc.getStatus().getVersion() != null) {
        version = mc.getStatus().getVersion().getKubernetes();
      }
    }
    String renewed =
        lease == null || lease.getSpec() == null || lease.getSpec().getRenewTime() == null
            ? null
            : lease.getSpec().getRenewTime().toInstant().toString();
    return new ClusterRow(
        mc.getMetadata().getName(),
        mc.getSpec() != null && mc.getSpec().isAccepted(),
        status(conditions, ManagedCluster.CONDITION_JOINED),
        status(conditions, ManagedCluster.CONDITION_AVAILABLE),
        labels.get(ManagedClusterSet.LABEL_CLUSTER_SET),
        labels,
        claims,
        renewed,
        version,
        claims.get(ClusterClaim.AGENT_VERSION));
  }

  private static String status(List<Condition> conditions, String type) {
    return Conditions.find(conditions, type).map(Condition::getStatus).orElse(Conditions.UNKNOWN);
  }

  /**
   * A cluster's page: its row, the works and policies in its namespace, and its events (those in
   * its namespace and those about the ManagedCluster itself), newest first.
   */
  public record ClusterPage(
      ClusterRow cluster,
      List<WorkRow> works,
      List<PolicyCell> policies,
      List<EventRow> events,
      boolean forbidden) {}

  /** At most this many events on a cluster's page (the newest). */
  static final int MAX_EVENTS = 50;

  /** A core/v1 Event on a cluster's page. */
  public record EventRow(
      String time, String type, String reason, String object, String message, int count) {}

  /** A ManifestWork on a cluster's page. */
  public record WorkRow(String name, String applied, String available, String degraded) {}

  /** A policy on a cluster's page (the replicated policy in the cluster's namespace). */
  public record PolicyCell(String policy, String state) {}

  static ClusterPage clusterPage(
      Viewer viewer,
      ManagedCluster mc,
      Lease lease,
      Collection<ManifestWork> works,
      Collection<Policy> replicated,
      Collection<Event> events) {
    String ns = mc.getMetadata().getName();
    if (!viewer.mayList(CLUSTER_GROUP, "managedclusters", null)) {
      return new ClusterPage(null, List.of(), List.of(), List.of(), true);
    }
    List<WorkRow> workRows = new ArrayList<>();
    if (viewer.mayList(WORK_GROUP, "manifestworks", ns)) {
      for (ManifestWork w : sorted(works)) {
        List<Condition> c = w.getStatus() == null ? List.of() : w.getStatus().getConditions();
        workRows.add(
            new WorkRow(
                w.getMetadata().getName(),
                status(c, "Applied"),
                status(c, "Available"),
                status(c, "Degraded")));
      }
    }
    List<PolicyCell> cells = new ArrayList<>();
    if (viewer.mayList(POLICY_GROUP, "policies", ns)) {
      for (Policy p : sorted(replicated)) {
        cells.add(new PolicyCell(p.getMetadata().getName(), state(p)));
      }
    }
    return new ClusterPage(
        clusterRow(mc, lease), workRows, cells, eventRows(viewer, events), false);
  }

  /** The events the viewer may list (per namespace, as kubectl would), newest first. */
  static List<EventRow> eventRows(Viewer viewer, Collection<Event> events) {
    Map<String, Boolean> mayList = new HashMap<>();
    record Timed(Instant at, EventRow row) {}
    return events.stream()
        .filter(
            e ->
                mayList.computeIfAbsent(
                    e.getMetadata().getNamespace(), n -> viewer.mayList("", "events", n)))
        .map(
            e -> {
              Instant at = lastSeen(e);
              return new Timed(at, eventRow(e, at));
            })
        .sorted(Comparator.comparing(Timed::at, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(MAX_EVENTS)
        .map(Timed::row)
        .toList();
  }

  /**
   * When the event last happened: an events.k8s.io series' last observation, a recurring core
   * event's last time, an events.k8s.io event's time, its first time, its creation; null when none
   * is a time.
   */
  static Instant lastSeen(Event e) {
    List<String> candidates = new ArrayList<>();
    if (e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
      candidates.add(e.getSeries().getLastObservedTime().getTime());
    }
    candidates.add(e.getLastTimestamp());
    candidates.add(e.getEventTime() == null ? null : e.getEventTime().getTime());
    candidates.add(e.getFirstTimestamp());
    candidates.add(e.getMetadata().getCreationTimestamp());
    for (String time : candidates) {
      if (time != null && !time.isEmpty()) {
        try {
          return Instant.parse(time);
        } catch (DateTimeParseException ignored) {
          // the next one, then
        }
      }
    }
    return null;
  }

  private static EventRow eventRow(Event e, Instant at) {
    ObjectReference about = e.getInvolvedObject();
    String object =
        about == null
            ? ""
            : Objects.toString(about.getKind(), "") + "/" + Objects.toString(about.getName(), "");
    int count =
        e.getSeries() != null && e.getSeries().getCount() != null
            ? e.getSeries().getCount()
            : e.getCount() == null ? 1 : e.getCount();
    return new EventRow(
        at == null ? null : at.toString(),
        e.getType(),
        e.getReason(),
        object,
        e.getMessage(),
        count);
  }

  // ------------------------------------------------------------ compliance

  /** One policy (a row of the matrix): its cells by cluster name and its counts. */
  public record PolicyRow(
      String namespace,
      String name,
      String remediationAction,
      boolean disabled,
      String standards,
      String categories,
      String controls,
      String revision,
      Map<String, String> cells,
      Map<String, Integer> counts) {}

  /**
   * The compliance matrix: policies (rows) by clusters (columns), with each cluster's counts. Only
   * root policies of namespaces where the viewer may list policies.
   */
  public record Matrix(
      List<String> clusters,
      List<PolicyRow> policies,
      Map<String, Map<String, Integer>> clusterCounts,
      List<String> namespaces) {}

  static Matrix matrix(Viewer viewer, Collection<Policy> policies) {
    // First the visible root policies and every cluster their statuses name (the columns): a
    // cluster a policy has no status for is an Unknown cell of that row, and counts as one.
    List<Map.Entry<Policy, Map<String, String>>> visible = new ArrayList<>();
    TreeSet<String> clusters = new TreeSet<>();
    TreeSet<String> namespaces = new TreeSet<>();
    for (Policy p : sorted(policies)) {
      if (!isReplicated(p)
          && viewer.mayList(POLICY_GROUP, "policies", p.getMetadata().getNamespace())) {
        Map<String, String> cells = cells(p);
        visible.add(Map.entry(p, cells));
        clusters.addAll(cells.keySet());
        namespaces.add(p.getMetadata().getNamespace());
      }
    }
    List<PolicyRow> rows = new ArrayList<>();
    Map<String, Map<String, Integer>> perCluster = new TreeMap<>();
    for (Map.Entry<Policy, Map<String, String>> v : visible) {
      Policy p = v.getKey();
      Map<String, String> cells = v.getValue();
      List<String> states = new ArrayList<>();
      for (String cluster : clusters) {
        String state = cells.getOrDefault(cluster, UNKNOWN);
        states.add(state);
        perCluster
            .computeIfAbsent(cluster, c -> new LinkedHashMap<>())
            .merge(state, 1, Integer::sum);
      }
      Map<String, String> annotations =
          Optional.ofNullable(p.getMetadata().getAnnotations()).orElse(Map.of());
      rows.add(
          new PolicyRow(
              p.getMetadata().getNamespace(),
              p.getMetadata().getName(),
              p.getSpec() == null ? null : p.getSpec().getRemediationAction(),
              p.getSpec() != null && p.getSpec().isDisabled(),
              annotations.get(Policy.ANNOTATION_STANDARDS),
              annotations.get(Policy.ANNOTATION_CATEGORIES),
              annotations.get(Policy.ANNOTATION_CONTROLS),
              annotations.get(GitSync.ANNOTATION_REVISION),
              cells,
              counts(states)));
    }
    return new Matrix(List.copyOf(clusters), rows, perCluster, List.copyOf(namespaces));
  }

  /** A root policy's state on each cluster its status names (sorted by cluster). */
  static Map<String, String> cells(Policy root) {
    Map<String, String> cells = new TreeMap<>();
    if (root.getStatus() != null) {
      for (CompliancePerClusterStatus s : root.getStatus().getStatus()) {
        if (s.getClustername() != null) {
          cells.put(s.getClustername(), cellState(s.getCompliant()));
        }
      }
    }
    return cells;
  }

  /** A matrix cell's state: Compliant, NonCompliant, Pending, or {@value #UNKNOWN}. */
  static String cellState(String compliant) {
    if (Policy.COMPLIANT.equals(compliant)
        || Policy.NON_COMPLIANT.equals(compliant)
        || Policy.PENDING.equals(compliant)) {
      return compliant;
    }
    return UNKNOWN;
  }

  private static String state(Policy p) {
    return cellState(p.getStatus() == null ? null : p.getStatus().getCompliant());
  }

  private static Map<String, Integer> counts(Collection<String> states) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : List.of(Policy.COMPLIANT, Policy.NON_COMPLIANT, Policy.PENDING, UNKNOWN)) {
      counts.put(s, 0);
    }
    states.forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }

  static boolean isReplicated(Policy p) {
    Map<String, String> labels = p.getMetadata().getLabels();
    return labels != null && labels.containsKey(Policy.LABEL_ROOT_POLICY);
  }

  /** One template's history in a cell's detail. */
  public record TemplateHistory(String template, String state, List<HistoryLine> history) {}

  /** One compliance event: when, and the message the agent sent. */
  public record HistoryLine(String time, String message) {}

  /** A matrix cell's detail: the replicated policy's per-template state and history. */
  public record CellDetail(
      String namespace,
      String policy,
      String cluster,
      String state,
      String revision,
      List<TemplateHistory> templates,
      boolean forbidden) {}

  static CellDetail cell(Viewer viewer, Policy root, Policy replicated, String cluster) {
    String ns = root.getMetadata().getNamespace();
    if (isReplicated(root) || !viewer.mayList(POLICY_GROUP, "policies", ns)) {
      return new CellDetail(ns, root.getMetadata().getName(), cluster, null, null, List.of(), true);
    }
    String state = cells(root).getOrDefault(cluster, UNKNOWN);
    List<TemplateHistory> templates = new ArrayList<>();
    String rootKey = ns + "." + root.getMetadata().getName();
    // The history lives in the replicated policy, in the cluster's namespace: shown to those who
    // may list policies there too, and only from the replica of this root policy.
    if (replicated != null
        && replicated.getStatus() != null
        && isReplicated(replicated)
        && rootKey.equals(replicated.getMetadata().getLabels().get(Policy.LABEL_ROOT_POLICY))
        && viewer.mayList(POLICY_GROUP, "policies", replicated.getMetadata().getNamespace())) {
      for (DetailsPerTemplate d : replicated.getStatus().getDetails()) {
        List<HistoryLine> lines = new ArrayList<>();
        for (ComplianceHistory h : d.getHistory()) {
          lines.add(new HistoryLine(h.getLastTimestamp(), h.getMessage()));
        }
        templates.add(
            new TemplateHistory(
                d.getTemplateMeta() == null ? null : d.getTemplateMeta().getName(),
                cellState(d.getCompliant()),
                lines));
      }
    }
    Map<String, String> annotations =
        Optional.ofNullable(root.getMetadata().getAnnotations()).orElse(Map.of());
    return new CellDetail(
        ns,
        root.getMetadata().getName(),
        cluster,
        state,
        annotations.get(GitSync.ANNOTATION_REVISION),
        templates,
        false);
  }

  // -------------------------------------------------------------- rollouts

  /** A decision group of a placement: its index and name, and the clusters in it. */
  public record GroupRow(int index, String name, List<String> clusters) {}

  /** A Placement with its decisions. */
  public record PlacementRow(
      String namespace,
      String name,
      int selected,
      String satisfied,
      String message,
      List<GroupRow> groups,
      List<String> clusters) {}

  /** A ManifestWorkReplicaSet's progress, now per cluster and over time. */
  public record ReplicaSetRow(
      String namespace,
      String name,
      List<String> placements,
      Summary summary,
      Map<String, String> clusters,
      List<Progress> history) {}

  /** The summary counts OCM keeps in a ManifestWorkReplicaSet's status. */
  public record Summary(int total, int applied, int available, int progressing, int degraded) {
    static Summary of(ManifestWorkReplicaSetSummary s) {
      return s == null
          ? new Summary(0, 0, 0, 0, 0)
          : new Summary(
              s.getTotal(), s.getApplied(), s.getAvailable(), s.getProgressing(), s.getDegraded());
    }
  }

  /** The summary at a moment (the console keeps the last ones it saw). */
  public record Progress(String time, Summary summary) {}

  /** The Rollouts page. */
  public record Rollouts(List<PlacementRow> placements, List<ReplicaSetRow> replicaSets) {}

  static Rollouts rollouts(
      Viewer viewer,
      Collection<Placement> placements,
      Collection<PlacementDecision> decisions,
      Collection<ManifestWorkReplicaSet> replicaSets,
      Collection<ManifestWork> works,
      Map<String, List<Progress>> history) {
    Map<String, List<String>> decided = new TreeMap<>();
    for (PlacementDecision d : decisions) {
      if (!viewer.mayList(CLUSTER_GROUP, "placementdecisions", d.getMetadata().getNamespace())) {
        continue;
      }
      String placement =
          Optional.ofNullable(d.getMetadata().getLabels())
              .map(l -> l.get(PlacementDecision.LABEL_PLACEMENT))
              .orElse(null);
      if (placement != null && d.getStatus() != null) {
        List<String> clusters =
            decided.computeIfAbsent(
                d.getMetadata().getNamespace() + "/" + placement, k -> new ArrayList<>());
        d.getStatus().getDecisions().forEach(c -> clusters.add(c.getClusterName()));
      }
    }
    List<PlacementRow> rows = new ArrayList<>();
    for (Placement p : sorted(placements)) {
      String ns = p.getMetadata().getNamespace();
      if (!viewer.mayList(CLUSTER_GROUP, "placements", ns)) {
        continue;
      }
      List<GroupRow> groups = new ArrayList<>();
      Map<String, List<String>> byDecision = new TreeMap<>();
      for (PlacementDecision d : decisions) {
        if (ns.equals(d.getMetadata().getNamespace())
            && d.getStatus() != null
            && viewer.mayList(CLUSTER_GROUP, "placementdecisions", ns)) {
          byDecision.put(
              d.getMetadata().getName(),
              d.getStatus().getDecisions().stream().map(c -> c.getClusterName()).toList());
        }
      }
      List<Condition> conditions = List.of();
      int selected = 0;
      if (p.getStatus() != null) {
        selected = p.getStatus().getNumberOfSelectedClusters();
        conditions = p.getStatus().getConditions();
        for (DecisionGroupStatus g : p.getStatus().getDecisionGroups()) {
          List<String> clusters = new ArrayList<>();
          g.getDecisions().forEach(d -> clusters.addAll(byDecision.getOrDefault(d, List.of())));
          groups.add(new GroupRow(g.getDecisionGroupIndex(), g.getDecisionGroupName(), clusters));
        }
      }
      Optional<Condition> satisfied = Conditions.find(conditions, Placement.CONDITION_SATISFIED);
      List<String> clusters =
          new ArrayList<>(decided.getOrDefault(ns + "/" + p.getMetadata().getName(), List.of()));
      clusters.sort(Comparator.naturalOrder());
      rows.add(
          new PlacementRow(
              ns,
              p.getMetadata().getName(),
              selected,
              satisfied.map(Condition::getStatus).orElse(Conditions.UNKNOWN),
              satisfied.map(Condition::getMessage).orElse(null),
              groups,
              clusters));
    }
    List<ReplicaSetRow> sets = new ArrayList<>();
    for (ManifestWorkReplicaSet s : sorted(replicaSets)) {
      String ns = s.getMetadata().getNamespace();
      if (!viewer.mayList(WORK_GROUP, "manifestworkreplicasets", ns)) {
        continue;
      }
      String key = ns + "." + s.getMetadata().getName();
      Map<String, String> perCluster = new TreeMap<>();
      for (ManifestWork w : works) {
        Map<String, String> labels = w.getMetadata().getLabels();
        if (labels != null
            && key.equals(labels.get(ManifestWorkReplicaSet.LABEL_REPLICA_SET))
            && viewer.mayList(WORK_GROUP, "manifestworks", w.getMetadata().getNamespace())) {
          perCluster.put(w.getMetadata().getNamespace(), workState(w));
        }
      }
      List<String> placementNames =
          s.getSpec() == null
              ? List.of()
              : s.getSpec().getPlacementRefs().stream().map(r -> r.getName()).toList();
      sets.add(
          new ReplicaSetRow(
              ns,
              s.getMetadata().getName(),
              placementNames,
              Summary.of(s.getStatus() == null ? null : s.getStatus().getSummary()),
              perCluster,
              history.getOrDefault(key, List.of())));
    }
    return new Rollouts(rows, sets);
  }

  /** A work's state in one word: Failed (Degraded, or not Applied), Available, Applied, Pending. */
  static String workState(ManifestWork w) {
    List<Condition> c = w.getStatus() == null ? List.of() : w.getStatus().getConditions();
    if (Conditions.isTrue(c, "Degraded")
        || Conditions.find(c, "Applied")
            .map(x -> Conditions.FALSE.equals(x.getStatus()))
            .orElse(false)) {
      return "Failed";
    }
    if (Conditions.isTrue(c, "Available")) {
      return "Available";
    }
    if (Conditions.isTrue(c, "Applied")) {
      return "Applied";
    }
    return "Pending";
  }

  // ------------------------------------------------------------------- git

  /** A failure of the last attempt: the file (and document) and the field or object at fault. */
  public record Failure(String file, Integer document, String object, String message) {}

  /**
   * What one applied revision changed in the matrix: the cells' counts when it was applied, and
   * after (until the next one), over the policies the viewer may see.
   */
  public record Commit(
      String revision, String appliedAt, Map<String, Integer> before, Map<String, Integer> after) {}

  /** A commit as recorded: counts per policy namespace, summed per viewer when shown. */
  record RecordedCommit(
      String revision,
      String appliedAt,
      Map<String, Map<String, Integer>> before,
      Map<String, Map<String, Integer>> after) {
    Commit visibleTo(Viewer viewer) {
      return new Commit(revision, appliedAt, sum(viewer, before), sum(viewer, after));
    }

    private static Map<String, Integer> sum(
        Viewer viewer, Map<String, Map<String, Integer>> byNamespace) {
      List<String> states = new ArrayList<>();
      byNamespace.forEach(
          (ns, counts) -> {
            if (viewer.mayList(POLICY_GROUP, "policies", ns)) {
              counts.forEach((state, n) -> states.addAll(java.util.Collections.nCopies(n, state)));
            }
          });
      return counts(states);
    }
  }

  /** One GitSync. */
  public record SyncRow(
      String namespace,
      String name,
      String url,
      String ref,
      String lastAppliedRevision,
      String lastAttemptedRevision,
      String ready,
      String stalled,
      String message,
      List<Failure> failures,
      int inventory,
      List<Commit> commits) {}

  /** The Git page. */
  public record Git(List<SyncRow> syncs) {}

  static Git git(
      Viewer viewer, Collection<GitSync> syncs, Map<String, List<RecordedCommit>> commits) {
    List<SyncRow> rows = new ArrayList<>();
    for (GitSync s : sorted(syncs)) {
      String ns = s.getMetadata().getNamespace();
      if (!viewer.mayList(GitSync.GROUP, "gitsyncs", ns)) {
        continue;
      }
      List<Condition> conditions =
          s.getStatus() == null ? List.of() : s.getStatus().getConditions();
      Optional<Condition> ready = Conditions.find(conditions, GitSync.CONDITION_READY);
      Optional<Condition> stalled = Conditions.find(conditions, "Stalled");
      List<Failure> failures = new ArrayList<>();
      if (s.getStatus() != null) {
        for (SyncFailure f : s.getStatus().getFailures()) {
          failures.add(new Failure(f.getFile(), f.getDocument(), f.getObject(), f.getMessage()));
        }
      }
      String ref = null;
      if (s.getSpec() != null && s.getSpec().getRef() != null) {
        var r = s.getSpec().getRef();
        ref =
            r.getCommit() != null
                ? r.getCommit()
                : r.getTag() != null
                    ? "tag " + r.getTag()
                    : r.getSemver() != null ? "semver " + r.getSemver() : r.getBranch();
      }
      rows.add(
          new SyncRow(
              ns,
              s.getMetadata().getName(),
              s.getSpec() == null ? null : withoutUserInfo(s.getSpec().getUrl()),
              ref,
              s.getStatus() == null ? null : s.getStatus().getLastAppliedRevision(),
              s.getStatus() == null ? null : s.getStatus().getLastAttemptedRevision(),
              ready.map(Condition::getStatus).orElse(Conditions.UNKNOWN),
              stalled.map(Condition::getStatus).orElse(Conditions.FALSE),
              stalled
                  .filter(c -> Conditions.TRUE.equals(c.getStatus()))
                  .or(() -> ready)
                  .map(Condition::getMessage)
                  .orElse(null),
              failures,
              s.getStatus() == null || s.getStatus().getInventory() == null
                  ? 0
                  : s.getStatus().getInventory().getEntries().size(),
              commits.getOrDefault(ns + "/" + s.getMetadata().getName(), List.of()).stream()
                  .map(c -> c.visibleTo(viewer))
                  .toList()));
    }
    return new Git(rows);
  }

  /** The matrix's cells counted per root policy namespace (for a commit's before/after). */
  static Map<String, Map<String, Integer>> totals(Collection<Policy> policies) {
    Map<String, List<String>> states = new TreeMap<>();
    for (Policy p : policies) {
      if (!isReplicated(p) && p.getStatus() != null) {
        List<String> ns =
            states.computeIfAbsent(p.getMetadata().getNamespace(), k -> new ArrayList<>());
        p.getStatus().getStatus().forEach(s -> ns.add(cellState(s.getCompliant())));
      }
    }
    Map<String, Map<String, Integer>> byNamespace = new TreeMap<>();
    states.forEach((ns, list) -> byNamespace.put(ns, counts(list)));
    return byNamespace;
  }

  /** A URL as shown: without a user:password part, should one have been written into it. */
  static String withoutUserInfo(String url) {
    if (url == null) {
      return null;
    }
    try {
      java.net.URI u = new java.net.URI(url);
      if (u.getRawUserInfo() == null) {
        return url;
      }
      return new java.net.URI(
              u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), null)
          .toString();
    } catch (java.net.URISyntaxException e) {
      // scp-like git@host:path has no password; anything else unparsable is shown cut at '@'
      int at = url.lastIndexOf('@');
      return url.startsWith("git@") || at < 0 ? url : url.substring(at + 1);
    }
  }

  private static <T extends HasMetadata> List<T> sorted(Collection<T> objects) {
    List<T> list = new ArrayList<>(objects);
    list.sort(
        Comparator.comparing((T o) -> Objects.toString(o.getMetadata().getNamespace(), ""))
            .thenComparing(o -> o.getMetadata().getName()));
    return list;
  }
}
