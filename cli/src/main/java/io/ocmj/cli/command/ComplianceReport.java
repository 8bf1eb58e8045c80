package io.ocmj.cli.command;

import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.ComplianceHistory;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.DetailsPerTemplate;
import io.ocmj.api.policy.v1.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet compliance report (pure): one row per root policy and placed cluster, with the
 * cluster's state, its latest message and the Git revision its replica came from; and, for one
 * cluster, each template's history.
 */
final class ComplianceReport {
  private ComplianceReport() {}

  /** One policy on one cluster. */
  record Row(
      String namespace,
      String policy,
      String remediationAction,
      String cluster,
      String compliant,
      String revision,
      String message) {}

  /** One template of one replicated policy, with its history (newest first). */
  record TemplateRow(
      String policy, String template, String compliant, List<ComplianceHistory> history) {}

  static List<Row> fleet(List<Policy> roots, List<Policy> replicas) {
    Map<String, Policy> byId = new HashMap<>();
    for (Policy r : replicas) {
      byId.put(r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), r);
    }
    List<Row> rows = new ArrayList<>();
    for (Policy root : sorted(roots)) {
      String id =
          Policy.replicaName(root.getMetadata().getNamespace(), root.getMetadata().getName());
      List<CompliancePerClusterStatus> clusters =
          root.getStatus() == null ? List.of() : root.getStatus().getStatus();
      if (clusters.isEmpty()) {
        rows.add(row(root, root, "", "", revision(root), ""));
      }
      for (CompliancePerClusterStatus c : clusters) {
        Policy replica = byId.get(c.getClustername() + "/" + id);
        rows.add(
            row(
                root,
                replica == null ? root : replica,
                c.getClustername(),
                c.getCompliant() == null ? "" : c.getCompliant(),
                replica == null ? revision(root) : revision(replica),
                replica == null ? "" : latestMessage(replica)));
      }
    }
    return rows;
  }

  static List<TemplateRow> cluster(List<Policy> replicas) {
    List<TemplateRow> rows = new ArrayList<>();
    for (Policy replica : sorted(replicas)) {
      if (replica.getStatus() == null) {
        continue;
      }
      for (DetailsPerTemplate d : replica.getStatus().getDetails()) {
        rows.add(
            new TemplateRow(
                replica.getMetadata().getName(),
                d.getTemplateMeta() == null ? "" : d.getTemplateMeta().getName(),
                d.getCompliant() == null ? "" : d.getCompliant(),
                d.getHistory()));
      }
    }
    return rows;
  }

  private static Row row(
      Policy root,
      Policy effective,
      String cluster,
      String compliant,
      String revision,
      String message) {
    String action =
        effective.getSpec() == null || effective.getSpec().getRemediationAction() == null
            ? ""
            : effective.getSpec().getRemediationAction();
    return new Row(
        root.getMetadata().getNamespace(),
        root.getMetadata().getName(),
        action,
        cluster,
        compliant,
        revision,
        message);
  }

  private static String revision(Policy p) {
    Map<String, String> annotations = p.getMetadata().getAnnotations();
    String sha = annotations == null ? null : annotations.get(GitSync.ANNOTATION_REVISION);
    return sha == null ? "" : sha;
  }

  /** The newest message over the replica's templates. */
  private static String latestMessage(Policy replica) {
    if (replica.getStatus() == null) {
      return "";
    }
    return replica.getStatus().getDetails().stream()
        .flatMap(d -> d.getHistory().stream().limit(1))
        .max(Comparator.comparing(h -> h.getLastTimestamp() == null ? "" : h.getLastTimestamp()))
        .map(ComplianceHistory::getMessage)
        .orElse("");
  }

  private static List<Policy> sorted(List<Policy> policies) {
    return policies.stream()
        .sorted(
            Comparator.comparing((Policy p) -> p.getMetadata().getNamespace())
                .thenComparing(p -> p.getMetadata().getName()))
        .toList();
  }
}
