package io.ocmj.klusterlet.work;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.ocmj.api.work.v1.AppliedManifestResourceMeta;
import io.ocmj.api.work.v1.DeleteOption;
import io.ocmj.api.work.v1.PropagationPolicy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets go of a resource a work applied: deletes it when this work is its only owner, or only drops
 * this work's owner reference when it is orphaned or another work still applies it. A resource this
 * work never owned (created by someone else, CreateOnly) is left alone.
 */
final class Releases {
  private static final Logger LOG = LoggerFactory.getLogger(Releases.class);
  private static final String OWNER_KIND = "AppliedManifestWork";

  private final KubernetesClient managed;

  Releases(KubernetesClient managed) {
    this.managed = managed;
  }

  /**
   * Whether {@code resource} is orphaned by {@code option} (Orphan, or a SelectivelyOrphan rule).
   */
  static boolean orphaned(DeleteOption option, AppliedManifestResourceMeta resource) {
    if (option == null || option.getPropagationPolicy() == null) {
      return false;
    }
    if (option.getPropagationPolicy() == PropagationPolicy.Orphan) {
      return true;
    }
    return option.getPropagationPolicy() == PropagationPolicy.SelectivelyOrphan
        && option.getSelectivelyOrphans() != null
        && option.getSelectivelyOrphans().getOrphaningRules().stream()
            .anyMatch(
                rule ->
                    ManifestConfigs.matches(
                        rule,
                        resource.getGroup(),
                        resource.getResource(),
                        resource.getNamespace(),
                        resource.getName()));
  }

  /**
   * Releases {@code resource} from the AppliedManifestWork with {@code ownerUid}; true once it is
   * released or gone, false while its deletion is still in progress.
   */
  boolean release(AppliedManifestResourceMeta resource, String ownerUid, boolean orphan) {
    Resource<GenericKubernetesResource> handle = handle(resource);
    GenericKubernetesResource live = handle.get();
    if (live == null
        || (resource.getUid() != null && !resource.getUid().equals(live.getMetadata().getUid()))) {
      return true; // gone, or replaced by an object this work did not apply
    }
    List<OwnerReference> owners = live.getMetadata().getOwnerReferences();
    boolean ours = owners.stream().anyMatch(o -> ownerUid.equals(o.getUid()));
    if (!ours) {
      return true;
    }
    boolean shared =
        owners.stream()
            .anyMatch(o -> OWNER_KIND.equals(o.getKind()) && !ownerUid.equals(o.getUid()));
    if (orphan || shared) {
      live.getMetadata()
          .setOwnerReferences(owners.stream().filter(o -> !ownerUid.equals(o.getUid())).toList());
      writer(resource).resource(live).update();
      LOG.info(
          "released {} {}/{} ({})",
          resource.getResource(),
          resource.getNamespace() == null ? "" : resource.getNamespace(),
          resource.getName(),
          orphan ? "orphaned" : "still applied by another work");
      return true;
    }
    if (live.getMetadata().getDeletionTimestamp() == null) {
      handle.delete();
      LOG.info(
          "deleted {} {}/{}",
          resource.getResource(),
          resource.getNamespace() == null ? "" : resource.getNamespace(),
          resource.getName());
    }
    return false;
  }

  private Resource<GenericKubernetesResource> handle(AppliedManifestResourceMeta resource) {
    return writer(resource).withName(resource.getName());
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      writer(AppliedManifestResourceMeta resource) {
    boolean namespaced = resource.getNamespace() != null && !resource.getNamespace().isEmpty();
    var resources =
        managed.genericKubernetesResources(
            ResourceMapping.context(
                resource.getGroup(), resource.getVersion(), resource.getResource(), namespaced));
    return namespaced ? resources.inNamespace(resource.getNamespace()) : resources;
  }
}
