package io.ocmj.klusterlet.work;

import io.ocmj.api.work.v1.AppliedManifestResourceMeta;
import io.ocmj.api.work.v1.ManifestResourceMeta;

/**
 * Where one manifest lives on the managed cluster: its API (group, version, kind, resource) and its
 * namespace and name. {@code namespace} is null for cluster-scoped resources.
 */
record ResourceKey(
    String group,
    String version,
    String kind,
    String resource,
    boolean namespaced,
    String namespace,
    String name) {

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Same object, whatever the version it is read at. */
  boolean sameObject(AppliedManifestResourceMeta applied) {
    return group.equals(nullToEmpty(applied.getGroup()))
        && resource.equals(applied.getResource())
        && nullToEmpty(namespace).equals(nullToEmpty(applied.getNamespace()))
        && name.equals(applied.getName());
  }

  AppliedManifestResourceMeta applied(String uid) {
    return new AppliedManifestResourceMeta(group, version, resource, namespace, name, uid);
  }

  ManifestResourceMeta meta(int ordinal) {
    ManifestResourceMeta meta = new ManifestResourceMeta();
    meta.setOrdinal(ordinal);
    meta.setGroup(group);
    meta.setVersion(version);
    meta.setKind(kind);
    meta.setResource(resource);
    meta.setName(name);
    meta.setNamespace(namespace);
    return meta;
  }

  String describe() {
    return kind + " " + (namespace == null ? name : namespace + "/" + name);
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
