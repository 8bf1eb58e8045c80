package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.FeedbackValue;
import io.ocmj.api.work.v1.ManifestCondition;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The works dev up shows: those the example repository's ManifestWorkReplicaSets make in every
 * managed cluster's namespace, once the work agents applied them, with their status.
 */
final class ExampleWorks {
  private ExampleWorks() {}

  /**
   * The works the ManifestWorkReplicaSets of {@code namespace} make: one per replica set, named
   * after it, with its template (what every placed cluster gets).
   */
  static List<ManifestWork> fromReplicaSets(KubernetesClient hub, String namespace) {
    List<ManifestWork> works = new ArrayList<>();
    for (ManifestWorkReplicaSet set :
        hub.resources(ManifestWorkReplicaSet.class).inNamespace(namespace).list().getItems()) {
      if (set.getSpec() == null || set.getSpec().getManifestWorkTemplate() == null) {
        continue;
      }
      ManifestWork work = new ManifestWork();
      work.getMetadata().setName(set.getMetadata().getName());
      work.setSpec(set.getSpec().getManifestWorkTemplate());
      works.add(work);
    }
    return works;
  }

  static boolean allApplied(KubernetesClient hub, List<ManifestWork> works, List<String> clusters) {
    for (ManifestWork work : works) {
      for (String cluster : clusters) {
        ManifestWork live =
            hub.resources(ManifestWork.class)
                .inNamespace(cluster)
                .withName(work.getMetadata().getName())
                .get();
        if (live == null
            || live.getStatus() == null
            || !Conditions.isTrue(
                live.getStatus().getConditions(), ManifestWork.CONDITION_APPLIED)) {
          return false;
        }
        boolean wantsFeedback =
            work.getSpec().getManifestConfigs().stream()
                .anyMatch(c -> !c.getFeedbackRules().isEmpty());
        boolean hasFeedback =
            live.getStatus().getResourceStatus().getManifests().stream()
                .anyMatch(m -> m.getStatusFeedback() != null);
        if (wantsFeedback && !hasFeedback) {
          return false;
        }
      }
    }
    return true;
  }

  static void print(
      PrintWriter out, KubernetesClient hub, List<ManifestWork> works, List<String> clusters) {
    out.printf(
        "  %-14s %-10s %-8s %-10s %s%n", "WORK", "CLUSTER", "APPLIED", "AVAILABLE", "FEEDBACK");
    for (ManifestWork work : works) {
      for (String cluster : clusters) {
        ManifestWork live =
            hub.resources(ManifestWork.class)
                .inNamespace(cluster)
                .withName(work.getMetadata().getName())
                .get();
        var conditions = live.getStatus().getConditions();
        out.printf(
            "  %-14s %-10s %-8s %-10s %s%n",
            work.getMetadata().getName(),
            cluster,
            status(conditions, ManifestWork.CONDITION_APPLIED),
            status(conditions, ManifestWork.CONDITION_AVAILABLE),
            feedback(live));
      }
    }
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
