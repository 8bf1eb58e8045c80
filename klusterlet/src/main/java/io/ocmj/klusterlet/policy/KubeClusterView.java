package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.policy.config.ClusterView;
import io.ocmj.policy.config.ClusterWriteException;
import io.ocmj.policy.config.KindInfo;
import io.ocmj.policy.config.NamespaceInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy engine's view of the managed cluster, through the agent's client. Discovery answers
 * are kept for the life of the view (one evaluation), so each group/version is asked once.
 */
final class KubeClusterView implements ClusterView {
  private final KubernetesClient client;
  private final Map<String, Optional<APIResourceList>> discovery = new ConcurrentHashMap<>();

  KubeClusterView(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<KindInfo> kind(String apiVersion, String kind) {
    Optional<APIResourceList> resources =
        discovery.computeIfAbsent(apiVersion, v -> Optional.ofNullable(resources(v)));
    return resources.flatMap(
        list ->
            list.getResources().stream()
                .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
                .findFirst()
                .map(r -> info(apiVersion, r)));
  }

  private APIResourceList resources(String apiVersion) {
    try {
      return client.getApiResources(apiVersion);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static KindInfo info(String apiVersion, APIResource r) {
    return new KindInfo(
        apiVersion, r.getKind(), r.getName(), Boolean.TRUE.equals(r.getNamespaced()));
  }

  @Override
  public List<Map<String, Object>> list(KindInfo kind, String namespace) {
    var resources = client.genericKubernetesResources(kind.apiVersion(), kind.kind());
    List<GenericKubernetesResource> items =
        kind.namespaced() && namespace != null
            ? resources.inNamespace(namespace).list().getItems()
            : resources.inAnyNamespace().list().getItems();
    return items.stream().map(KubeClusterView::asMap).toList();
  }

  @Override
  public Optional<Map<String, Object>> get(KindInfo kind, String namespace, String name) {
    if (name == null
        || name.isEmpty()
        || (kind.namespaced() && (namespace == null || namespace.isEmpty()))) {
      return Optional.empty(); // no such object can exist
    }
    var resources = client.genericKubernetesResources(kind.apiVersion(), kind.kind());
    GenericKubernetesResource found =
        kind.namespaced()
            ? resources.inNamespace(namespace).withName(name).get()
            : resources.withName(name).get();
    return Optional.ofNullable(found).map(KubeClusterView::asMap);
  }

  @Override
  public List<NamespaceInfo> namespaces() {
    return client.namespaces().list().getItems().stream().map(KubeClusterView::info).toList();
  }

  private static NamespaceInfo info(Namespace ns) {
    boolean terminating = ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase());
    return new NamespaceInfo(ns.getMetadata().getName(), ns.getMetadata().getLabels(), terminating);
  }

  @Override
  public Map<String, Object> create(KindInfo kind, Map<String, Object> object)
      throws ClusterWriteException {
    try {
      return asMap(client.resource(generic(object)).create());
    } catch (KubernetesClientException e) {
      throw new ClusterWriteException(reason(e));
    }
  }

  @Override
  public Map<String, Object> update(KindInfo kind, Map<String, Object> object)
      throws ClusterWriteException {
    try {
      return asMap(client.resource(generic(object)).update());
    } catch (KubernetesClientException e) {
      throw new ClusterWriteException(reason(e));
    }
  }

  @Override
  public void delete(KindInfo kind, String namespace, String name) throws ClusterWriteException {
    try {
      var resources = client.genericKubernetesResources(kind.apiVersion(), kind.kind());
      (kind.namespaced() ? resources.inNamespace(namespace) : resources).withName(name).delete();
    } catch (KubernetesClientException e) {
      throw new ClusterWriteException(reason(e));
    }
  }

  private static String reason(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }

  private static GenericKubernetesResource generic(Map<String, Object> object) {
    return Serialization.jsonMapper().convertValue(object, GenericKubernetesResource.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object object) {
    return Serialization.jsonMapper().convertValue(object, LinkedHashMap.class);
  }
}
