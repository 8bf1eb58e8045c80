package io.ocmj.policy.dryrun;

import io.ocmj.policy.config.ClusterView;
import io.ocmj.policy.config.ClusterWriteException;
import io.ocmj.policy.config.KindInfo;
import io.ocmj.policy.config.NamespaceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A cluster made of given objects: the dry-run's {@link ClusterView}. Kinds are the built-in ones
 * plus every kind among the objects; namespaces are the Namespace objects, the namespaces objects
 * live in, and {@code default}. Writes change the in-memory objects.
 */
public final class InMemoryCluster implements ClusterView {
  private final Map<String, KindInfo> kinds = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> objects = new TreeMap<>();

  public InMemoryCluster(List<Map<String, Object>> initial) {
    KnownKinds.ALL.forEach(k -> kinds.put(key(k.apiVersion(), k.kind()), k));
    for (Map<String, Object> object : initial) {
      String apiVersion = String.valueOf(object.get("apiVersion"));
      String kind = String.valueOf(object.get("kind"));
      kinds.computeIfAbsent(
          key(apiVersion, kind),
          k -> new KindInfo(apiVersion, kind, KnownKinds.plural(kind), namespace(object) != null));
      objects.put(id(kinds.get(key(apiVersion, kind)), namespace(object), name(object)), object);
    }
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + "|" + kind;
  }

  private static String id(KindInfo kind, String namespace, String name) {
    return key(kind.apiVersion(), kind.kind()) + "|" + Objects.toString(namespace, "") + "|" + name;
  }

  @Override
  public Optional<KindInfo> kind(String apiVersion, String kind) {
    return Optional.ofNullable(kinds.get(key(apiVersion, kind)));
  }

  @Override
  public List<Map<String, Object>> list(KindInfo kind, String namespace) {
    String prefix = key(kind.apiVersion(), kind.kind()) + "|";
    List<Map<String, Object>> found = new ArrayList<>();
    objects.forEach(
        (id, object) -> {
          if (id.startsWith(prefix) && (namespace == null || namespace.equals(namespace(object)))) {
            found.add(object);
          }
        });
    return found;
  }

  @Override
  public Optional<Map<String, Object>> get(KindInfo kind, String namespace, String name) {
    return Optional.ofNullable(objects.get(id(kind, kind.namespaced() ? namespace : null, name)));
  }

  @Override
  public List<NamespaceInfo> namespaces() {
    TreeSet<String> names = new TreeSet<>(List.of("default"));
    Map<String, Map<String, String>> labels = new TreeMap<>();
    for (Map<String, Object> object : objects.values()) {
      if ("Namespace".equals(object.get("kind")) && "v1".equals(object.get("apiVersion"))) {
        names.add(name(object));
        labels.put(name(object), labels(object));
      } else if (namespace(object) != null) {
        names.add(namespace(object));
      }
    }
    return names.stream()
        .map(n -> new NamespaceInfo(n, labels.getOrDefault(n, Map.of()), false))
        .toList();
  }

  @Override
  public Map<String, Object> create(KindInfo kind, Map<String, Object> object)
      throws ClusterWriteException {
    String id = id(kind, kind.namespaced() ? namespace(object) : null, name(object));
    if (objects.containsKey(id)) {
      throw new ClusterWriteException("already exists");
    }
    Map<String, Object> stored = new LinkedHashMap<>(object);
    Map<String, Object> meta = new LinkedHashMap<>();
    metadata(object).forEach((k, v) -> meta.put(String.valueOf(k), v));
    meta.put("uid", UUID.randomUUID().toString());
    stored.put("metadata", meta);
    objects.put(id, stored);
    return stored;
  }

  @Override
  public Map<String, Object> update(KindInfo kind, Map<String, Object> object)
      throws ClusterWriteException {
    String id = id(kind, kind.namespaced() ? namespace(object) : null, name(object));
    if (!objects.containsKey(id)) {
      throw new ClusterWriteException("not found");
    }
    objects.put(id, object);
    return object;
  }

  @Override
  public void delete(KindInfo kind, String namespace, String name) throws ClusterWriteException {
    if (objects.remove(id(kind, kind.namespaced() ? namespace : null, name)) == null) {
      throw new ClusterWriteException("not found");
    }
  }

  private static Map<?, ?> metadata(Map<String, Object> object) {
    return object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String name(Map<String, Object> object) {
    return metadata(object).get("name") instanceof String s ? s : "";
  }

  private static String namespace(Map<String, Object> object) {
    return metadata(object).get("namespace") instanceof String s && !s.isEmpty() ? s : null;
  }

  private static Map<String, String> labels(Map<String, Object> object) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (metadata(object).get("labels") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
    }
    return labels;
  }
}
