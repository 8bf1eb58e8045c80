package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What the hub serves, from API discovery, asked once per group/version per sync. */
final class Discovery implements DesiredSet.ApiScopes {
  private final KubernetesClient client;
  private final Map<String, Optional<APIResourceList>> lists = new HashMap<>();

  Discovery(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<Boolean> namespaced(String apiVersion, String kind) {
    Optional<APIResourceList> list =
        lists.computeIfAbsent(
            apiVersion,
            v -> {
              try {
                return Optional.ofNullable(client.getApiResources(v));
              } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                  return Optional.empty();
                }
                throw e;
              }
            });
    return list.flatMap(
        l ->
            l.getResources().stream()
                .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
                .findFirst()
                .map(APIResource::getNamespaced));
  }
}
