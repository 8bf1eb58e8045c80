package io.ocmj.klusterlet.work;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resource serves a kind on the managed cluster, from API discovery, cached per group version
 * and looked up again on a miss (a CRD applied by the same work is served moments later).
 */
final class ResourceMapping {
  private final KubernetesClient managed;
  private final Map<String, APIResourceList> cache = new ConcurrentHashMap<>();

  ResourceMapping(KubernetesClient managed) {
    this.managed = managed;
  }

  /** The served resource for {@code apiVersion}/{@code kind}, or empty when it is not served. */
  Optional<APIResource> resourceFor(String apiVersion, String kind) {
    Optional<APIResource> cached = find(cache.get(apiVersion), kind);
    if (cached.isPresent()) {
      return cached;
    }
    APIResourceList fresh;
    try {
      fresh = managed.getApiResources(apiVersion);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    if (fresh == null) {
      return Optional.empty();
    }
    cache.put(apiVersion, fresh);
    return find(fresh, kind);
  }

  private static Optional<APIResource> find(APIResourceList list, String kind) {
    if (list == null) {
      return Optional.empty();
    }
    return list.getResources().stream()
        .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
        .findFirst();
  }

  static ResourceDefinitionContext context(ResourceKey key) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(key.group())
        .withVersion(key.version())
        .withKind(key.kind())
        .withPlural(key.resource())
        .withNamespaced(key.namespaced())
        .build();
  }

  static ResourceDefinitionContext context(
      String group, String version, String resource, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group == null ? "" : group)
        .withVersion(version)
        .withPlural(resource)
        .withNamespaced(namespaced)
        .build();
  }
}
