package io.ocmj.gitops;

import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import java.util.Map;
import java.util.Objects;

/**
 * A GitSync update worth a reconcile: a new generation (spec) or a new {@code
 * reconcile.fluxcd.io/requestedAt} (CLI, webhook); not the controller's own status writes.
 */
public final class SpecOrRequestChanged implements OnUpdateFilter<GitSync> {
  @Override
  public boolean accept(GitSync now, GitSync before) {
    return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
        || !Objects.equals(requested(now), requested(before))
        || now.getMetadata().getDeletionTimestamp() != null;
  }

  private static String requested(GitSync sync) {
    Map<String, String> annotations = sync.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(GitSync.ANNOTATION_REQUESTED_AT);
  }
}
