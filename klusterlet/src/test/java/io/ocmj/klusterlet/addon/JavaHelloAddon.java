package io.ocmj.klusterlet.addon;

import io.ocmj.hub.addon.AddonAgent;
import io.ocmj.hub.addon.AddonContext;
import java.util.List;
import java.util.Map;

/**
 * The smallest add-on written in Java, as docs/addons.md shows it: one ConfigMap per cluster naming
 * the cluster and the configured greeting. Found by the hub through META-INF/services.
 */
public final class JavaHelloAddon implements AddonAgent {
  @Override
  public String name() {
    return "java-hello";
  }

  @Override
  public List<Map<String, Object>> manifests(AddonContext context) {
    String greeting = context.variables().getOrDefault("GREETING", "hello");
    if (greeting.isBlank()) {
      throw new IllegalArgumentException("customizedVariables GREETING: must not be blank");
    }
    return List.of(
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "ConfigMap",
            "metadata",
            Map.of("name", "java-hello", "namespace", "default"),
            "data",
            Map.of("cluster", context.clusterName(), "greeting", greeting)));
  }
}
