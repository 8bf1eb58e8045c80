package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.FeedbackValue;
import io.ocmj.api.work.v1.ManifestCondition;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.cli.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example ManifestWorks of {@code examples-repo/manifestworks}: read and checked (the error
 * names the file and field), created in every managed cluster's namespace on the hub, and their
 * status printed once the agents applied them. Until GitOps sync exists this is how dev up shows
 * work distribution.
 */
final class ExampleWorks {
  private ExampleWorks() {}

  static List<ManifestWork> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UserError(dir + ": cannot be listed: " + e.getMessage());
    }
    List<ManifestWork> works = new ArrayList<>();
    for (Path file : files) {
      works.add(parse(file));
    }
    return works;
  }

  static ManifestWork parse(Path file) {
    Map<?, ?> fields;
    try {
      fields = Serialization.unmarshal(Files.readString(file), Map.class);
    } catch (IOException | RuntimeException e) {
      throw new UserError(
          file + ": not a ManifestWork: " + e.getMessage().lines().findFirst().orElse(""));
    }
    // Checked on the file's own fields: the ManifestWork class sets apiVersion and kind itself,
    // so a ConfigMap read into it would pass for a ManifestWork.
    Object apiVersion = fields == null ? null : fields.get("apiVersion");
    Object kind = fields == null ? null : fields.get("kind");
    if (!"ManifestWork".equals(kind)
        || !(ManifestWork.GROUP + "/" + ManifestWork.VERSION).equals(apiVersion)) {
      throw new UserError(
          file
              + ": apiVersion/kind must be "
              + ManifestWork.GROUP
              + "/"
              + ManifestWork.VERSION
              + " ManifestWork, was "
              + apiVersion
              + " "
              + kind);
    }
    ManifestWork work;
    try {
      work = Serialization.jsonMapper().convertValue(fields, ManifestWork.class);
    } catch (IllegalArgumentException e) {
      throw new UserError(
          file + ": not a ManifestWork: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (work.getMetadata().getName() == null || work.getMetadata().getName().isBlank()) {
      throw new UserError(file + ": metadata.name is missing");
    }
    if (work.getSpec() == null || work.getSpec().getWorkload().getManifests().isEmpty()) {
      throw new UserError(file + ": spec.workload.manifests is empty");
    }
    return work;
  }

  /** Creates or replaces each work in each cluster's namespace (the API server validates it). */
  static void apply(KubernetesClient hub, List<ManifestWork> works, List<String> clusters) {
    for (ManifestWork work : works) {
      for (String cluster : clusters) {
        ManifestWork copy = Serialization.clone(work);
        copy.getMetadata().setNamespace(cluster);
        copy.setStatus(null);
        hub.resource(copy).fieldManager("ocmj-dev").forceConflicts().serverSideApply();
      }
    }
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
