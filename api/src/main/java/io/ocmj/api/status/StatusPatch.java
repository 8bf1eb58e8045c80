package io.ocmj.api.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * The body of a server-side apply to a status subresource that names only the given status fields.
 * It is a generic object on purpose: a typed one would also claim the empty fields its classes
 * initialise, taking them from other writers (the hub and the agent share a ManagedCluster's
 * status, each with its own field manager).
 */
public final class StatusPatch {
  private StatusPatch() {}

  /**
   * A patch for {@code target} (its apiVersion, kind, name and namespace) setting {@code status}.
   */
  public static GenericKubernetesResource of(HasMetadata target, Map<String, Object> status) {
    return of(
        target.getApiVersion(),
        target.getKind(),
        target.getMetadata().getName(),
        target.getMetadata().getNamespace(),
        status);
  }

  /**
   * A patch for the named object setting {@code status}; {@code namespace} null when
   * cluster-scoped.
   */
  public static GenericKubernetesResource of(
      String apiVersion, String kind, String name, String namespace, Map<String, Object> status) {
    GenericKubernetesResource patch =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(apiVersion)
            .withKind(kind)
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .build();
    patch.setAdditionalProperty("status", status);
    return patch;
  }
}
