package io.ocmj.gitops;

import java.util.Optional;

/**
 * An object's identity as Flux's inventory writes it: {@code <namespace>_<name>_<group>_<kind>}
 * (empty namespace for cluster-scoped objects, empty group for the core group), plus the version.
 */
public record ObjectId(String namespace, String name, String group, String kind, String version) {
  public static ObjectId of(String apiVersion, String kind, String namespace, String name) {
    int slash = apiVersion.indexOf('/');
    return new ObjectId(
        namespace == null ? "" : namespace,
        name,
        slash < 0 ? "" : apiVersion.substring(0, slash),
        kind,
        slash < 0 ? apiVersion : apiVersion.substring(slash + 1));
  }

  /** Parses an inventory entry; empty when the id is not in Flux's format. */
  public static Optional<ObjectId> parse(String id, String version) {
    String[] parts = id.split("_", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    return Optional.of(new ObjectId(parts[0], parts[1], parts[2], parts[3], version));
  }

  public String id() {
    return namespace + "_" + name + "_" + group + "_" + kind;
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code Kind/namespace/name} or {@code Kind/name}. */
  @Override
  public String toString() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
