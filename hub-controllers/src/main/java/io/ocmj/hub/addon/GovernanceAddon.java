package io.ocmj.hub.addon;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.addon.v1alpha1.AddOnMeta;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOnSpec;
import io.ocmj.api.addon.v1alpha1.HealthCheckMode;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.hub.registration.ClusterRbac;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The policy agent as an add-on, under OCM's name for it ({@value Policy#ADDON_NAME}): a Deployment
 * running {@code ocmj policy agent} with a ServiceAccount that may act on its own cluster, and hub
 * credentials of its own that reach the replicated policies of its cluster's namespace and nothing
 * else. Health is its Lease. Enabled like any add-on (a ManagedClusterAddOn, or the
 * ClusterManagementAddOn's install strategy).
 */
public final class GovernanceAddon implements AddonAgent {
  static final String MANIFESTS = "/io/ocmj/hub/addon/governance-policy-framework.yaml";
  private static final String VERSION = "/io/ocmj/hub/version.properties";

  /** The agent's image; an AddOnDeploymentConfig's {@code registries} can point it elsewhere. */
  public static final String IMAGE = "ghcr.io/ocmj/ocmj:" + version();

  /**
   * Makes the add-on known to the hub, as OCM's policy add-on controller does: its
   * ClusterManagementAddOn ({@code installStrategy: Manual}, so it goes nowhere until enabled),
   * created only when there is none, so that a user's or Git's version is never overwritten.
   */
  public static void define(KubernetesClient client) {
    if (client.resources(ClusterManagementAddOn.class).withName(Policy.ADDON_NAME).get() != null) {
      return;
    }
    ClusterManagementAddOn cma = new ClusterManagementAddOn();
    cma.getMetadata().setName(Policy.ADDON_NAME);
    ClusterManagementAddOnSpec spec = new ClusterManagementAddOnSpec();
    AddOnMeta meta = new AddOnMeta();
    meta.setDisplayName("Governance policy framework");
    meta.setDescription(
        "Syncs policies to the managed cluster, evaluates them and reports compliance.");
    spec.setAddOnMeta(meta);
    cma.setSpec(spec);
    try {
      client.resource(cma).fieldManager(GitSync.DEFAULTS_FIELD_MANAGER).serverSideApply();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) { // created meanwhile by someone else (a conflict): theirs stays
        throw e;
      }
    }
  }

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
    if (!ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE.equals(context.installNamespace())) {
      // The default namespace is the klusterlet's, shared by add-ons; one of its own comes and
      // goes with the add-on.
      manifests.add(
          Map.of(
              "apiVersion",
              "v1",
              "kind",
              "Namespace",
              "metadata",
              Map.of("name", context.installNamespace())));
    }
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
        ClusterRbac.rule(Policy.GROUP, "policies", "get", "list", "watch"),
        ClusterRbac.rule(Policy.GROUP, "policies/status", "get", "patch", "update"),
        ClusterRbac.rule("", "configmaps", "get"),
        ClusterRbac.rule("", "events", "create", "patch", "update"),
        ClusterRbac.rule("events.k8s.io", "events", "create", "patch", "update"));
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

  /** The project version the hub jar was built as (its image tag). */
  private static String version() {
    try (InputStream in = GovernanceAddon.class.getResourceAsStream(VERSION)) {
      if (in == null) {
        throw new IllegalStateException(VERSION + " is missing from the hub jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      // Not filtered (run from an IDE's classes): no version to name an image by.
      return version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "latest";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
