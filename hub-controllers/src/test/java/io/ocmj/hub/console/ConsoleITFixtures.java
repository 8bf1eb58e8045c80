package io.ocmj.hub.console;

import io.ocmj.api.policy.v1.ObjectDefinition;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicySpec;
import io.ocmj.api.policy.v1.PolicyTemplate;
import java.util.List;
import java.util.Map;

/** Objects the console's tests and its benchmark put on a hub. */
final class ConsoleITFixtures {
  private ConsoleITFixtures() {}

  /** An inform policy's spec with one ConfigurationPolicy (the default namespace must exist). */
  static PolicySpec informSpec(String name) {
    PolicySpec spec = new PolicySpec();
    spec.setRemediationAction("inform");
    PolicyTemplate template = new PolicyTemplate();
    template.setObjectDefinition(
        ObjectDefinition.of(
            Map.of(
                "apiVersion",
                Policy.API_VERSION,
                "kind",
                "ConfigurationPolicy",
                "metadata",
                Map.of("name", name),
                "spec",
                Map.of(
                    "remediationAction", "inform",
                    "severity", "low",
                    "object-templates",
                        List.of(
                            Map.of(
                                "complianceType",
                                "musthave",
                                "objectDefinition",
                                Map.of(
                                    "apiVersion", "v1",
                                    "kind", "Namespace",
                                    "metadata", Map.of("name", "default"))))))));
    spec.setPolicyTemplates(List.of(template));
    return spec;
  }
}
