package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.FeedbackValue;
import io.ocmj.api.work.v1.ManifestCondition;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The works dev up shows: those the example repository's ManifestWorkReplicaSets made in the
 * namespaces of the clusters their placements chose, once the work agents applied them, with their
 * status.
 */
final class ExampleWorks {
  private ExampleWorks() {}

  /**
   * Whether every ManifestWorkReplicaSet of {@code namespace} has a work for each cluster its
   * placements chose, all Applied, with feedback where the set asks for it.
   */
  static boolean allApplied(KubernetesClient hub, String namespace) {
    List<ManifestWorkReplicaSet> sets = sets(hub, namespace);
    for (ManifestWorkReplicaSet set : sets) {
      var summary = set.getStatus() == null ? null : set.getStatus().getSummary();
      if (summary == null
          || summary.getDesiredTotal() == 0
          || summary.getTotal() != summary.getDesiredTotal()
          || summary.getApplied() != summary.getTotal()) {
        return false;
      }
      boolean wantsFeedback =
          set.getSpec().getManifestWorkTemplate().getManifestConfigs().stream()
              .anyMatch(c -> !c.getFeedbackRules().isEmpty());
      for (ManifestWork live : generated(hub, set)) {
        if (live.getStatus() == null
            || !Conditions.isTrue(live.getStatus().getConditions(), ManifestWork.CONDITION_APPLIED)
            || (wantsFeedback
                && live.getStatus().getResourceStatus().getManifests().stream()
                    .noneMatch(m -> m.getStatusFeedback() != null))) {
          return false;
        }
      }
    }
    return true;
  }

  static void print(PrintWriter out, KubernetesClient hub, String namespace) {
    String format = "  %-14s %-10s %-8s %-10s %s%n";
    out.printf(format, "WORK", "CLUSTER", "APPLIED", "AVAILABLE", "FEEDBACK");
    for (ManifestWorkReplicaSet set : sets(hub, namespace)) {
      for (ManifestWork live : generated(hub, set)) {
        var conditions =
            live.getStatus() == null
                ? List.<io.fabric8.kubernetes.api.model.Condition>of()
                : live.getStatus().getConditions();
        out.printf(
            format,
            live.getMetadata().getName(),
            live.getMetadata().getNamespace(),
            status(conditions, ManifestWork.CONDITION_APPLIED),
            status(conditions, ManifestWork.CONDITION_AVAILABLE),
            live.getStatus() == null ? "" : feedback(live));
      }
    }
  }

  private static List<ManifestWorkReplicaSet> sets(KubernetesClient hub, String namespace) {
    return hub
        .resources(ManifestWorkReplicaSet.class)
        .inNamespace(namespace)
        .list()
        .getItems()
        .stream()
        .filter(s -> s.getSpec() != null && s.getSpec().getManifestWorkTemplate() != null)
        .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
        .toList();
  }

  private static List<ManifestWork> generated(KubernetesClient hub, ManifestWorkReplicaSet set) {
    return hub
        .resources(ManifestWork.class)
        .inAnyNamespace()
        .withLabel(
            ManifestWorkReplicaSet.LABEL_REPLICA_SET,
            set.getMetadata().getNamespace() + "." + set.getMetadata().getName())
        .list()
        .getItems()
        .stream()
        .sorted(Comparator.comparing(w -> w.getMetadata().getNamespace()))
        .toList();
  }

  private static String status(
      List<io.fabric8.kubernetes.api.model.Condition> conditions, String type) {
    return Conditions.find(conditions, type).map(c -> c.getStatus()).orElse("");
  }

  private static String feedback(ManifestWork live) {
    List<String> parts = new ArrayList<>();
    for (ManifestCondition manifest : live.getStatus().getResourceStatus().getManifests()) {
      if (manifest.getStatusFeedback() == null) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (FeedbackValue v : manifest.getStatusFeedback().getValues()) {
        var f = v.getFieldValue();
        Object value =
            f.getInteger() != null
                ? f.getInteger()
                : f.getString() != null
                    ? f.getString()
                    : f.getBool() != null ? f.getBool() : f.getJsonRaw();
        values.add(v.getName() + "=" + value);
      }
      parts.add(
          manifest.getResourceMeta().getResource()
              + "/"
              + manifest.getResourceMeta().getName()
              + ": "
              + String.join(" ", values));
    }
    return String.join("; ", parts);
  }
}
