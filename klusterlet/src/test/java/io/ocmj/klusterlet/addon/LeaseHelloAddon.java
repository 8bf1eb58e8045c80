package io.ocmj.klusterlet.addon;

import io.ocmj.api.addon.v1alpha1.HealthCheckMode;
import io.ocmj.hub.addon.AddonAgent;
import io.ocmj.hub.addon.AddonContext;
import java.util.List;
import java.util.Map;

/** An add-on whose health is its Lease: the agent (here, the test) renews it. */
public final class LeaseHelloAddon implements AddonAgent {
  @Override
  public String name() {
    return "lease-hello";
  }

  @Override
  public List<Map<String, Object>> manifests(AddonContext context) {
    return List.of(
        Map.of(
            "apiVersion", "v1",
            "kind", "Namespace",
            "metadata", Map.of("name", context.installNamespace())));
  }

  @Override
  public HealthCheckMode healthCheck() {
    return HealthCheckMode.Lease;
  }
}
