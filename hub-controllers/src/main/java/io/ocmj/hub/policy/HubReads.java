package io.ocmj.hub.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What hub templates may read from the hub, as JSON-shaped objects. */
public interface HubReads {
  Optional<Map<String, Object>> get(String apiVersion, String kind, String namespace, String name);

  List<Map<String, Object>> list(String apiVersion, String kind, String namespace);

  /** Whether the hub serves the kind namespaced (true), cluster-scoped (false), or not at all. */
  Optional<Boolean> namespaced(String apiVersion, String kind);
}
