package io.ocmj.hub.addon;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.ocmj.api.addon.v1alpha1.HealthCheckMode;
import io.ocmj.api.policy.v1.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy agent as an add-on, under OCM's name for it ({@value Policy#ADDON_NAME}): a Deployment
 * running {@code ocmj policy agent} with a ServiceAccount that may act on its own cluster, and hub
 * credentials of its own that reach the replicated policies of its cluster's namespace and nothing
 * else. Health is its Lease. Enabled like any add-on (a ManagedClusterAddOn, or the
 * ClusterManagementAddOn's install strategy).
 */
public final class GovernanceAddon implements AddonAgent {
  static final String MANIFESTS = "/io/ocmj/hub/addon/governance-policy-framework.yaml";

  /** The agent's image; an AddOnDeploymentConfig's {@code registries} can point it elsewhere. */
  public static final String IMAGE = "ghcr.io/ocmj/ocmj:" + version();

  @Override
  public String name() {
    return Policy.ADDON_NAME;
  }

  @Override
  public List<Map<String, Object>> manifests(AddonContext context) {
    Map<String, String> variables = new HashMap<>(context.variables());
    variables.putIfAbsent("IMAGE", IMAGE);
    AddonContext withImage =
        new AddonContext(
            context.clusterName(),
            context.cluster(),
            context.installNamespace(),
            variables,
            context.deploymentConfig());
    List<Map<String, Object>> manifests = new ArrayList<>();
    List<Object> documents = documents();
    for (int i = 0; i < documents.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> manifest =
          (Map<String, Object>)
              TemplateAgent.render(documents.get(i), withImage, MANIFESTS + " document " + i);
      manifests.add(manifest);
    }
    return manifests;
  }

  @Override
  public HealthCheckMode healthCheck() {
    return HealthCheckMode.Lease;
  }

  /**
   * On the hub, in its cluster's namespace: read the replicated policies and write their status,
   * read the compiled ConstraintTemplates ({@code ocmj-rego-<hash>} ConfigMaps), record events.
   */
  @Override
  public List<PolicyRule> hubPermissions() {
    return List.of(
        rule(Policy.GROUP, "policies", "get", "list", "watch"),
        rule(Policy.GROUP, "policies/status", "get", "patch", "update"),
        rule("", "configmaps", "get"),
        rule("", "events", "create", "patch", "update"),
        rule("events.k8s.io", "events", "create", "patch", "update"));
  }

  private static PolicyRule rule(String group, String resource, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withVerbs(verbs)
        .build();
  }

  private static List<Object> documents() {
    try (InputStream in = GovernanceAddon.class.getResourceAsStream(MANIFESTS)) {
      if (in == null) {
        throw new IllegalStateException(MANIFESTS + " is missing from the hub jar");
      }
      List<Object> documents = new ArrayList<>();
      try (MappingIterator<Map<String, Object>> it =
          new YAMLMapper().readerForMapOf(Object.class).readValues(in)) {
        it.forEachRemaining(documents::add);
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String version() {
    String version = GovernanceAddon.class.getPackage().getImplementationVersion();
    return version == null ? "latest" : version;
  }
}
