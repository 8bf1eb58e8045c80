package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Deletes what a GitSync applied before and Git no longer has, only while the live object still
 * carries this GitSync's label (an object another sync adopted is left alone) and is not opted out:
 * {@code gitops.ocmj.io/prune: disabled}, Flux's {@code kustomize.toolkit.fluxcd.io/prune:
 * disabled} or Argo CD's {@code argocd.argoproj.io/sync-options: Prune=false}. Background
 * propagation; does not wait for the objects to go.
 */
final class Pruner {
  private Pruner() {}

  /** What was deleted, kept (with why), and could not be deleted (to try again next time). */
  record Outcome(
      List<String> deleted, List<String> kept, List<SyncError> errors, List<ObjectId> failed) {}

  static Outcome prune(KubernetesClient client, Collection<ObjectId> stale, String syncLabel) {
    List<String> deleted = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<SyncError> errors = new ArrayList<>();
    List<ObjectId> failed = new ArrayList<>();
    for (ObjectId id : stale) {
      try {
        var kind = client.genericKubernetesResources(id.apiVersion(), id.kind());
        var resource =
            id.namespace().isEmpty()
                ? kind.withName(id.name())
                : kind.inNamespace(id.namespace()).withName(id.name());
        GenericKubernetesResource live = resource.get();
        if (live == null) {
          continue;
        }
        Map<String, String> labels = live.getMetadata().getLabels();
        if (labels == null || !syncLabel.equals(labels.get(GitSync.LABEL_SYNC))) {
          kept.add(id + " (no longer this GitSync's)");
          continue;
        }
        if (optedOut(live.getMetadata().getAnnotations())) {
          kept.add(id + " (prune disabled)");
          continue;
        }
        resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        deleted.add(id + " deleted");
      } catch (KubernetesClientException e) {
        errors.add(
            new SyncError(null, null, id.toString(), "prune: " + SyncApplier.message(e, true)));
      }
    }
    return new Outcome(deleted, kept, errors, failed);
  }

  static boolean optedOut(Map<String, String> annotations) {
    if (annotations == null) {
      return false;
    }
    return "disabled".equalsIgnoreCase(annotations.get(GitSync.ANNOTATION_PRUNE))
        || "disabled".equalsIgnoreCase(annotations.get("kustomize.toolkit.fluxcd.io/prune"))
        || String.valueOf(annotations.get("argocd.argoproj.io/sync-options"))
            .contains("Prune=false");
  }
}
