package io.ocmj.policy.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine may read from, and (when enforcing) write to, a managed cluster. The klusterlet
 * backs it with the managed cluster's API server; the dry-run with objects read from files. Objects
 * are JSON-shaped maps; the engine never mutates what it is given.
 */
public interface ClusterView {
  /** The kind served for this apiVersion and kind, if any. */
  Optional<KindInfo> kind(String apiVersion, String kind);

  /** Objects of a kind in a namespace (null: cluster-scoped kinds, or every namespace). */
  List<Map<String, Object>> list(KindInfo kind, String namespace);

  /** One object, if it exists. */
  Optional<Map<String, Object>> get(KindInfo kind, String namespace, String name);

  /** Every namespace, with its labels. */
  List<NamespaceInfo> namespaces();

  /** Creates an object; returns it as stored. */
  Map<String, Object> create(KindInfo kind, Map<String, Object> object)
      throws ClusterWriteException;

  /** Replaces an object (the given one carries the resourceVersion read); returns it as stored. */
  Map<String, Object> update(KindInfo kind, Map<String, Object> object)
      throws ClusterWriteException;

  /** Deletes an object. */
  void delete(KindInfo kind, String namespace, String name) throws ClusterWriteException;
}
