package io.ocmj.hub.work;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import io.ocmj.hub.work.RolloutPlan.Target;
import io.ocmj.hub.work.RolloutPlan.WorkState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ManifestWorks a replica set generates: one per cluster, named like the replica set, labelled
 * with OCM's labels, annotated with the template hash and when it was last written.
 */
final class GeneratedWorks {
  /** The hash of the template a generated work carries. */
  static final String ANNOTATION_TEMPLATE_HASH = "work.ocmj.io/template-hash";

  /** When the current template was written to the work (the start of its progress deadline). */
  static final String ANNOTATION_UPDATED_AT = "work.ocmj.io/template-updated-at";

  private static final Logger LOG = LoggerFactory.getLogger(GeneratedWorks.class);

  private GeneratedWorks() {}

  static String owner(ManifestWorkReplicaSet mwrs) {
    return mwrs.getMetadata().getNamespace() + "." + mwrs.getMetadata().getName();
  }

  static String templateHash(ManifestWorkSpec template) {
    return io.ocmj.hub.status.Stamps.shortHash(template);
  }

  /** Why the template cannot become a ManifestWork: its manifests are over {@code limit} bytes. */
  static java.util.Optional<String> tooLarge(ManifestWorkSpec template, long limit) {
    long size =
        Serialization.asJson(template.getWorkload().getManifests())
            .getBytes(StandardCharsets.UTF_8)
            .length;
    if (size <= limit) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "spec.manifestWorkTemplate.workload.manifests: "
            + size / 1024
            + " KiB of manifests, over the "
            + limit / 1024
            + " KiB a ManifestWork may hold; split the template into several"
            + " ManifestWorkReplicaSets");
  }

  /** The replica set's works, by cluster. */
  static Map<String, ManifestWork> list(KubernetesClient client, ManifestWorkReplicaSet mwrs) {
    Map<String, ManifestWork> works = new HashMap<>();
    client
        .resources(ManifestWork.class)
        .inAnyNamespace()
        .withLabel(ManifestWorkReplicaSet.LABEL_REPLICA_SET, owner(mwrs))
        .list()
        .getItems()
        .forEach(w -> works.put(w.getMetadata().getNamespace(), w));
    return works;
  }

  /** The decided clusters in decision-group order, each once. */
  static List<Target> targets(List<PlacementDecision> decisions) {
    List<PlacementDecision> sorted = new ArrayList<>(decisions);
    sorted.sort(
        Comparator.comparingInt(GeneratedWorks::groupIndex)
            .thenComparing(d -> d.getMetadata().getName()));
    List<Target> targets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (PlacementDecision decision : sorted) {
      if (decision.getStatus() == null) {
        continue;
      }
      String groupName = label(decision, PlacementDecision.LABEL_GROUP_NAME);
      for (ClusterDecision d : decision.getStatus().getDecisions()) {
        if (seen.add(d.getClusterName())) {
          targets.add(
              new Target(
                  d.getClusterName(), groupIndex(decision), groupName == null ? "" : groupName));
        }
      }
    }
    return targets;
  }

  private static int groupIndex(PlacementDecision decision) {
    String index = label(decision, PlacementDecision.LABEL_GROUP_INDEX);
    try {
      return index == null ? 0 : Integer.parseInt(index);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String label(PlacementDecision decision, String key) {
    Map<String, String> labels = decision.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  /** What a generated work says for the rollout; conditions count only for its generation. */
  static WorkState state(ManifestWork work) {
    Map<String, String> annotations = work.getMetadata().getAnnotations();
    String hash = annotations == null ? null : annotations.get(ANNOTATION_TEMPLATE_HASH);
    String updated = annotations == null ? null : annotations.get(ANNOTATION_UPDATED_AT);
    List<Condition> conditions =
        work.getStatus() == null ? List.of() : work.getStatus().getConditions();
    Long generation = work.getMetadata().getGeneration();
    Condition available = current(conditions, ManifestWork.CONDITION_AVAILABLE, generation);
    Instant updatedAt = updated == null ? null : Instant.parse(updated);
    Instant availableSince =
        available == null ? null : Instant.parse(available.getLastTransitionTime());
    if (availableSince != null && updatedAt != null && updatedAt.isAfter(availableSince)) {
      availableSince = updatedAt; // available before the update: the soak starts with the update
    }
    return new WorkState(
        hash,
        isTrue(current(conditions, ManifestWork.CONDITION_APPLIED, generation)),
        isTrue(available),
        isTrue(current(conditions, ManifestWork.CONDITION_PROGRESSING, generation)),
        isTrue(current(conditions, ManifestWork.CONDITION_DEGRADED, generation)),
        availableSince,
        updatedAt);
  }

  private static Condition current(List<Condition> conditions, String type, Long generation) {
    return Conditions.find(conditions, type)
        .filter(c -> generation == null || generation.equals(c.getObservedGeneration()))
        .orElse(null);
  }

  private static boolean isTrue(Condition c) {
    return c != null && Conditions.TRUE.equals(c.getStatus());
  }

  /**
   * Creates or updates the cluster's work with the current template; false when the cluster's
   * namespace does not exist (not accepted yet), which the next pass tries again.
   */
  static boolean write(
      KubernetesClient client,
      ManifestWorkReplicaSet mwrs,
      String placement,
      String cluster,
      String hash,
      Instant now) {
    ManifestWork work = new ManifestWork();
    work.getMetadata().setName(mwrs.getMetadata().getName());
    work.getMetadata().setNamespace(cluster);
    Map<String, String> labels = new HashMap<>();
    if (mwrs.getMetadata().getLabels() != null) {
      labels.putAll(mwrs.getMetadata().getLabels());
    }
    labels.put(ManifestWorkReplicaSet.LABEL_REPLICA_SET, owner(mwrs));
    labels.put(ManifestWorkReplicaSet.LABEL_PLACEMENT, placement);
    work.getMetadata().setLabels(labels);
    work.getMetadata()
        .setAnnotations(
            Map.of(ANNOTATION_TEMPLATE_HASH, hash, ANNOTATION_UPDATED_AT, now.toString()));
    work.setSpec(Serialization.clone(mwrs.getSpec().getManifestWorkTemplate()));
    work.setStatus(null);
    try {
      client
          .resource(work)
          .fieldManager(ManifestWorkReplicaSetReconciler.FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        LOG.info(
            "manifestworkreplicaset={} cluster={}: no cluster namespace yet; retried later",
            owner(mwrs),
            cluster);
        return false;
      }
      throw e;
    }
  }
}
