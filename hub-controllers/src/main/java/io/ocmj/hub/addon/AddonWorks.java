package io.ocmj.hub.addon;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestConfigOption;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An add-on's agent as ManifestWorks in the cluster namespace, named as OCM names them ({@code
 * addon-<name>-deploy-<n>}), split so that none holds more than {@link #WORK_LIMIT_BYTES} of
 * manifests (OCM's 50 KiB × 0.8), labelled with the add-on name, owned by the ManagedClusterAddOn,
 * and annotated with the config spec hashes they were rendered from.
 */
final class AddonWorks {
  static final long WORK_LIMIT_BYTES = 50 * 1024 * 8 / 10;
  static final String FIELD_MANAGER = "ocmj-addon-manager";

  private AddonWorks() {}

  static String name(String addon, int index) {
    return "addon-" + addon + "-deploy-" + index;
  }

  /**
   * The manifests in works of at most {@link #WORK_LIMIT_BYTES} each (one manifest may be more).
   */
  static List<List<Map<String, Object>>> split(List<Map<String, Object>> manifests) {
    List<List<Map<String, Object>>> works = new ArrayList<>();
    List<Map<String, Object>> current = new ArrayList<>();
    long size = 0;
    for (Map<String, Object> m : manifests) {
      long bytes = Serialization.asJson(m).getBytes(StandardCharsets.UTF_8).length;
      if (!current.isEmpty() && size + bytes > WORK_LIMIT_BYTES) {
        works.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(m);
      size += bytes;
    }
    if (!current.isEmpty()) {
      works.add(current);
    }
    return works;
  }

  /** Writes the works and deletes the add-on's works past their number. */
  static void apply(
      KubernetesClient client,
      ManagedClusterAddOn mca,
      List<Map<String, Object>> manifests,
      List<ManifestConfigOption> manifestConfigs,
      Map<String, String> configHashes) {
    String addon = mca.getMetadata().getName();
    String ns = mca.getMetadata().getNamespace();
    List<List<Map<String, Object>>> parts = split(manifests);
    for (int i = 0; i < parts.size(); i++) {
      ManifestWork work = new ManifestWork();
      work.getMetadata().setName(name(addon, i));
      work.getMetadata().setNamespace(ns);
      work.getMetadata().setLabels(Map.of(ManagedClusterAddOn.LABEL_ADDON_NAME, addon));
      work.getMetadata()
          .setAnnotations(
              Map.of(
                  ManagedClusterAddOn.ANNOTATION_CONFIG_SPEC_HASH,
                  Serialization.asJson(configHashes),
                  AddonRollout.ANNOTATION_CONFIG_HASH,
                  AddonRollout.hash(configHashes)));
      work.getMetadata()
          .setOwnerReferences(
              List.of(
                  new OwnerReferenceBuilder()
                      .withApiVersion(ManagedClusterAddOn.API_VERSION)
                      .withKind(ManagedClusterAddOn.KIND)
                      .withName(addon)
                      .withUid(mca.getMetadata().getUid())
                      .withController(true)
                      .withBlockOwnerDeletion(true)
                      .build()));
      ManifestWorkSpec spec = new ManifestWorkSpec();
      parts.get(i).forEach(m -> spec.getWorkload().getManifests().add(Manifest.of(m)));
      spec.setManifestConfigs(new ArrayList<>(manifestConfigs));
      work.setSpec(spec);
      client.resource(work).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
    for (ManifestWork stale : list(client, ns, addon)) {
      if (index(addon, stale.getMetadata().getName()) >= parts.size()) {
        client.resource(stale).delete();
      }
    }
  }

  /** The add-on's deploy works in a cluster namespace. */
  static List<ManifestWork> list(KubernetesClient client, String namespace, String addon) {
    return of(
        client
            .resources(ManifestWork.class)
            .inNamespace(namespace)
            .withLabel(ManagedClusterAddOn.LABEL_ADDON_NAME, addon)
            .list()
            .getItems(),
        addon);
  }

  /** The add-on's deploy works among {@code works} (one cluster namespace's). */
  static List<ManifestWork> of(List<ManifestWork> works, String addon) {
    return works.stream()
        .filter(
            w ->
                w.getMetadata().getLabels() != null
                    && addon.equals(
                        w.getMetadata().getLabels().get(ManagedClusterAddOn.LABEL_ADDON_NAME))
                    && index(addon, w.getMetadata().getName()) >= 0)
        .toList();
  }

  /** Deletes the add-on's deploy works in a cluster namespace. */
  static void delete(KubernetesClient client, String namespace, String addon) {
    list(client, namespace, addon).forEach(w -> client.resource(w).delete());
  }

  private static int index(String addon, String work) {
    String prefix = "addon-" + addon + "-deploy-";
    if (!work.startsWith(prefix)) {
      return -1;
    }
    try {
      return Integer.parseInt(work.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** ManifestApplied from the works' Applied conditions. */
  static Condition manifestApplied(List<ManifestWork> works) {
    Optional<String> failed = failure(works, ManifestWork.CONDITION_APPLIED);
    if (failed.isPresent()) {
      return condition(
          ManagedClusterAddOn.CONDITION_MANIFEST_APPLIED,
          Conditions.FALSE,
          ManagedClusterAddOn.REASON_MANIFEST_APPLY_FAILED,
          failed.get());
    }
    boolean applied =
        !works.isEmpty() && works.stream().allMatch(w -> isTrue(w, ManifestWork.CONDITION_APPLIED));
    return condition(
        ManagedClusterAddOn.CONDITION_MANIFEST_APPLIED,
        applied ? Conditions.TRUE : Conditions.FALSE,
        applied
            ? ManagedClusterAddOn.REASON_MANIFEST_APPLIED
            : ManagedClusterAddOn.REASON_WAITING_FOR_MANIFEST_APPLIED,
        applied
            ? "manifests of addon are applied successfully"
            : "waiting for the work agent to apply the add-on's manifests");
  }

  /** Available from the works (OCM's work-based health): their Available conditions. */
  static Condition available(List<ManifestWork> works) {
    if (works.isEmpty()) {
      return condition(
          ManagedClusterAddOn.CONDITION_AVAILABLE,
          Conditions.UNKNOWN,
          ManagedClusterAddOn.REASON_WORK_NOT_FOUND,
          "the add-on's ManifestWorks are not found");
    }
    Optional<String> failed = failure(works, ManifestWork.CONDITION_APPLIED);
    if (failed.isPresent()) {
      return condition(
          ManagedClusterAddOn.CONDITION_AVAILABLE,
          Conditions.FALSE,
          ManagedClusterAddOn.REASON_WORK_APPLY_FAILED,
          failed.get());
    }
    if (works.stream().allMatch(w -> isTrue(w, ManifestWork.CONDITION_AVAILABLE))) {
      return condition(
          ManagedClusterAddOn.CONDITION_AVAILABLE,
          Conditions.TRUE,
          ManagedClusterAddOn.REASON_WORK_APPLIED,
          "the add-on's ManifestWorks are applied and their resources exist");
    }
    return condition(
        ManagedClusterAddOn.CONDITION_AVAILABLE,
        Conditions.UNKNOWN,
        ManagedClusterAddOn.REASON_WORK_NOT_APPLIED,
        "the add-on's ManifestWorks are not applied yet");
  }

  private static Optional<String> failure(List<ManifestWork> works, String type) {
    for (ManifestWork w : works) {
      if (w.getStatus() == null) {
        continue;
      }
      Optional<Condition> c = Conditions.find(w.getStatus().getConditions(), type);
      if (c.isPresent() && Conditions.FALSE.equals(c.get().getStatus())) {
        return Optional.of(
            w.getMetadata().getName()
                + ": "
                + manifestFailure(w, type).orElse(c.get().getMessage()));
      }
    }
    return Optional.empty();
  }

  /** True for the work's current spec (a condition of an older generation does not count). */
  static boolean current(ManifestWork w, String type) {
    return isTrue(w, type);
  }

  /** The first manifest of the work whose condition is False: which object, and why. */
  private static Optional<String> manifestFailure(ManifestWork w, String type) {
    if (w.getStatus().getResourceStatus() == null) {
      return Optional.empty();
    }
    return w.getStatus().getResourceStatus().getManifests().stream()
        .flatMap(
            m ->
                Conditions.find(m.getConditions(), type)
                    .filter(c -> Conditions.FALSE.equals(c.getStatus()))
                    .map(
                        c ->
                            m.getResourceMeta().getKind()
                                + " "
                                + (m.getResourceMeta().getNamespace() == null
                                        || m.getResourceMeta().getNamespace().isEmpty()
                                    ? ""
                                    : m.getResourceMeta().getNamespace() + "/")
                                + m.getResourceMeta().getName()
                                + ": "
                                + c.getMessage())
                    .stream())
        .findFirst();
  }

  private static boolean isTrue(ManifestWork w, String type) {
    return w.getStatus() != null
        && Conditions.find(w.getStatus().getConditions(), type)
            .filter(c -> Conditions.TRUE.equals(c.getStatus()))
            .filter(
                c ->
                    c.getObservedGeneration() == null
                        || c.getObservedGeneration().equals(w.getMetadata().getGeneration()))
            .isPresent();
  }

  static Condition condition(String type, String status, String reason, String message) {
    Condition c = new Condition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    return c;
  }
}
