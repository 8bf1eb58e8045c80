package io.ocmj.klusterlet.addon;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.ocmj.hub.addon.AddonAgent;
import io.ocmj.hub.addon.AddonContext;
import java.util.List;
import java.util.Map;

/** An add-on whose agent reads ConfigMaps of its cluster's namespace on the hub, and no more. */
public final class RegHelloAddon implements AddonAgent {
  @Override
  public String name() {
    return "reg-hello";
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
  public List<PolicyRule> hubPermissions() {
    return List.of(
        new PolicyRuleBuilder()
            .withApiGroups("")
            .withResources("configmaps")
            .withVerbs("get", "list")
            .build());
  }
}
