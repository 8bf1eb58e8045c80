package io.ocmj.hub.work;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates a replica set rolled out, kept as ControllerRevisions it owns (as Deployments and
 * StatefulSets keep theirs), so a failed rollout can go back: annotate the replica set with {@code
 * work.ocmj.io/rollback-to-revision: previous} (or a revision number) and the template is put back.
 */
final class TemplateRevisions {
  static final String ANNOTATION_ROLLBACK = "work.ocmj.io/rollback-to-revision";
  static final String LABEL_HASH = "work.ocmj.io/template-hash";
  static final int KEEP = 10;

  private TemplateRevisions() {}

  /** Records the current template as a new revision when it is not recorded yet. */
  static void record(
      KubernetesClient client, ManifestWorkReplicaSet mwrs, String hash, String fieldManager) {
    String name = mwrs.getMetadata().getName() + "-" + hash;
    // Most passes find the template recorded: one GET by its name, no LIST.
    if (client
            .apps()
            .controllerRevisions()
            .inNamespace(mwrs.getMetadata().getNamespace())
            .withName(name)
            .get()
        != null) {
      return;
    }
    List<ControllerRevision> revisions = list(client, mwrs);
    long next = revisions.stream().mapToLong(ControllerRevision::getRevision).max().orElse(0) + 1;
    ControllerRevision revision =
        new ControllerRevisionBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(mwrs.getMetadata().getNamespace())
            .addToLabels(ManifestWorkReplicaSet.LABEL_REPLICA_SET, GeneratedWorks.owner(mwrs))
            .addToLabels(LABEL_HASH, hash)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(mwrs.getApiVersion())
                    .withKind(mwrs.getKind())
                    .withName(mwrs.getMetadata().getName())
                    .withUid(mwrs.getMetadata().getUid())
                    .withController(true)
                    .build())
            .endMetadata()
            .withRevision(next)
            .withData(
                Serialization.jsonMapper()
                    .convertValue(mwrs.getSpec().getManifestWorkTemplate(), Map.class))
            .build();
    client.resource(revision).fieldManager(fieldManager).forceConflicts().serverSideApply();
    revisions.stream()
        .sorted(Comparator.comparingLong(ControllerRevision::getRevision).reversed())
        .skip(KEEP - 1L)
        .forEach(old -> client.resource(old).delete());
  }

  /**
   * Carries out a rollback annotation: puts the chosen revision's template back and removes the
   * annotation in one patch. Returns a problem to report when the revision does not exist (the
   * annotation is removed too, so it is not retried forever), empty when there was nothing to do or
   * it was done.
   */
  static Optional<String> rollBack(
      KubernetesClient client, ManifestWorkReplicaSet mwrs, String currentHash) {
    Map<String, String> annotations = mwrs.getMetadata().getAnnotations();
    String wanted = annotations == null ? null : annotations.get(ANNOTATION_ROLLBACK);
    if (wanted == null) {
      return Optional.empty();
    }
    List<ControllerRevision> revisions = list(client, mwrs);
    Optional<ControllerRevision> target =
        "previous".equals(wanted.strip())
            ? revisions.stream()
                .filter(r -> !currentHash.equals(r.getMetadata().getLabels().get(LABEL_HASH)))
                .max(Comparator.comparingLong(ControllerRevision::getRevision))
            : revisions.stream()
                .filter(r -> wanted.strip().equals(String.valueOf(r.getRevision())))
                .findFirst();
    Map<String, Object> metadata = new LinkedHashMap<>();
    Map<String, Object> removal = new LinkedHashMap<>();
    removal.put(ANNOTATION_ROLLBACK, null);
    metadata.put("annotations", removal);
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("metadata", metadata);
    if (target.isPresent()) {
      ManifestWorkSpec template =
          Serialization.jsonMapper().convertValue(target.get().getData(), ManifestWorkSpec.class);
      patch.put("spec", Map.of("manifestWorkTemplate", template));
    }
    client
        .resources(ManifestWorkReplicaSet.class)
        .inNamespace(mwrs.getMetadata().getNamespace())
        .withName(mwrs.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    return target.isPresent()
        ? Optional.empty()
        : Optional.of(
            "metadata.annotations["
                + ANNOTATION_ROLLBACK
                + "]: no revision "
                + wanted
                + " to roll back to (revisions: "
                + revisions.stream().map(r -> String.valueOf(r.getRevision())).toList()
                + ")");
  }

  private static List<ControllerRevision> list(
      KubernetesClient client, ManifestWorkReplicaSet mwrs) {
    return client
        .apps()
        .controllerRevisions()
        .inNamespace(mwrs.getMetadata().getNamespace())
        .withLabel(ManifestWorkReplicaSet.LABEL_REPLICA_SET, GeneratedWorks.owner(mwrs))
        .list()
        .getItems();
  }
}
