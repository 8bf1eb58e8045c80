package io.ocmj.klusterlet.work;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.work.v1.AppliedManifestResourceMeta;
import io.ocmj.api.work.v1.AppliedManifestWork;
import io.ocmj.api.work.v1.AppliedManifestWorkSpec;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.klusterlet.status.StatusApply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AppliedManifestWorks of one hub on the managed cluster: named {@code <hubHash>-<work>} as OCM
 * names them, created before anything is applied (applied resources point at them), with the list
 * of applied resources in their status.
 */
final class AppliedWorks {
  private final KubernetesClient managed;
  private final String hubHash;
  private final String fieldManager;

  AppliedWorks(KubernetesClient managed, String hubUrl, String fieldManager) {
    this.managed = managed;
    this.hubHash = hubHash(hubUrl);
    this.fieldManager = fieldManager;
  }

  /** Lowercase hex SHA-256 of the hub URL, as OCM computes it. */
  static String hubHash(String hubUrl) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(hubUrl.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  String name(String workName) {
    return hubHash + "-" + workName;
  }

  AppliedManifestWork get(String workName) {
    return managed.resources(AppliedManifestWork.class).withName(name(workName)).get();
  }

  /** The work's AppliedManifestWork, created (with the work's labels) when missing. */
  AppliedManifestWork ensure(ManifestWork work) {
    AppliedManifestWork existing = get(work.getMetadata().getName());
    if (existing != null) {
      return existing;
    }
    AppliedManifestWork applied = new AppliedManifestWork();
    applied.getMetadata().setName(name(work.getMetadata().getName()));
    if (work.getMetadata().getLabels() != null) {
      applied.getMetadata().setLabels(new LinkedHashMap<>(work.getMetadata().getLabels()));
    }
    AppliedManifestWorkSpec spec = new AppliedManifestWorkSpec();
    spec.setHubHash(hubHash);
    spec.setAgentID(hubHash);
    spec.setManifestWorkName(work.getMetadata().getName());
    applied.setSpec(spec);
    return managed.resource(applied).create();
  }

  /** An owner reference to {@code applied}, as a manifest's metadata carries it. */
  static Map<String, Object> ownerReference(AppliedManifestWork applied) {
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("apiVersion", ManifestWork.GROUP + "/" + ManifestWork.VERSION);
    owner.put("kind", "AppliedManifestWork");
    owner.put("name", applied.getMetadata().getName());
    owner.put("uid", applied.getMetadata().getUid());
    return owner;
  }

  /** Records {@code resources} as the applied ones, writing only when they changed. */
  void record(AppliedManifestWork applied, List<AppliedManifestResourceMeta> resources) {
    List<AppliedManifestResourceMeta> before =
        applied.getStatus() == null ? List.of() : applied.getStatus().getAppliedResources();
    if (before.equals(resources)) {
      return;
    }
    StatusApply.apply(managed, applied, Map.of("appliedResources", resources), fieldManager);
  }

  void delete(String workName) {
    managed.resources(AppliedManifestWork.class).withName(name(workName)).delete();
  }
}
