package io.ocmj.hub.addon;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Reconcile on a new generation (spec), changed annotations (the rollout's admission) or
 * finalizers, or a deletion, not on status-only updates (the deployer's own writes would wake it
 * again).
 */
public final class SpecOrAnnotationsChanged implements OnUpdateFilter<HasMetadata> {
  @Override
  public boolean accept(HasMetadata now, HasMetadata before) {
    return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
        || !Objects.equals(
            now.getMetadata().getAnnotations(), before.getMetadata().getAnnotations())
        // JOSDK adds its finalizer first and reconciles on the update that brings it.
        || !Objects.equals(now.getMetadata().getFinalizers(), before.getMetadata().getFinalizers())
        || now.getMetadata().getDeletionTimestamp() != null;
  }
}
