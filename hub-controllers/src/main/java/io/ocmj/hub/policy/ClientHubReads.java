package io.ocmj.hub.policy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link HubReads} through the hub controller's client. */
final class ClientHubReads implements HubReads {
  private final KubernetesClient client;

  ClientHubReads(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<Map<String, Object>> get(
      String apiVersion, String kind, String namespace, String name) {
    try {
      GenericKubernetesResource found =
          client
              .genericKubernetesResources(apiVersion, kind)
              .inNamespace(namespace)
              .withName(name)
              .get();
      return Optional.ofNullable(found).map(ClientHubReads::asMap);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty(); // the kind itself is not served
      }
      throw e;
    }
  }

  @Override
  public List<Map<String, Object>> list(String apiVersion, String kind, String namespace) {
    return client
        .genericKubernetesResources(apiVersion, kind)
        .inNamespace(namespace)
        .list()
        .getItems()
        .stream()
        .map(ClientHubReads::asMap)
        .toList();
  }

  @Override
  public Optional<Boolean> namespaced(String apiVersion, String kind) {
    try {
      var resources = client.getApiResources(apiVersion);
      return resources == null
          ? Optional.empty()
          : resources.getResources().stream()
              .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
              .findFirst()
              .map(r -> Boolean.TRUE.equals(r.getNamespaced()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object object) {
    return Serialization.jsonMapper().convertValue(object, LinkedHashMap.class);
  }
}
