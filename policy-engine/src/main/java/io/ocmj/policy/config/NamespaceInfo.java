package io.ocmj.policy.config;

import java.util.Map;

/** A namespace as the namespaceSelector sees it. */
public record NamespaceInfo(String name, Map<String, String> labels, boolean terminating) {
  public NamespaceInfo {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
