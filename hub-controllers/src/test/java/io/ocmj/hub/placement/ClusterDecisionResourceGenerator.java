package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads decision resources the way Argo CD's ApplicationSet {@code clusterDecisionResource}
 * generator does: the ConfigMap the ApplicationSet names (apiVersion, {@code kind} used as the
 * plural, statusListKey, matchKey), a label-selected list through the dynamic client in the
 * ApplicationSet's namespace, {@code .status[statusListKey]} of every object concatenated, one set
 * of parameters per element whose {@code matchKey} names a known Argo CD cluster.
 */
final class ClusterDecisionResourceGenerator {
  private ClusterDecisionResourceGenerator() {}

  /**
   * The argocd namespace with what ocmj ships for Argo CD, the example Placement
   * (examples-repo/argocd) and what Argo CD's own install grants its ApplicationSet controller.
   */
  static void installExamples(KubernetesClient hub) throws IOException {
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("argocd").endMetadata().build())
        .serverSideApply();
    for (Path file :
        List.of(
            Path.of("..", "examples-repo", "argocd", "ocm-placement-generator.yaml"),
            Path.of("..", "examples-repo", "argocd", "placement.yaml"))) {
      try (InputStream in = Files.newInputStream(file)) {
        hub.load(in).serverSideApply();
      }
    }
    grantWhatArgoCdInstallGrants(hub);
  }

  /** {@link #params} for an ApplicationSet file, as Argo CD's ApplicationSet service account. */
  static List<Map<String, Object>> paramsAsArgoCd(
      KubernetesClient hub, Path applicationSetFile, Set<String> argoClusters) throws IOException {
    GenericKubernetesResource applicationSet =
        Serialization.unmarshal(
            Files.readString(applicationSetFile), GenericKubernetesResource.class);
    try (KubernetesClient argo =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(hub.getConfiguration())
                    .withImpersonateUsername(
                        "system:serviceaccount:argocd:argocd-applicationset-controller")
                    .build())
            .build()) {
      return params(argo, applicationSet, argoClusters);
    }
  }

  /**
   * What Argo CD's own install grants its ApplicationSet controller in its namespace (it reads its
   * ConfigMaps and cluster Secrets); ocmj ships only the PlacementDecision reader role.
   */
  private static void grantWhatArgoCdInstallGrants(KubernetesClient hub) {
    hub.rbac()
        .roles()
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("argocd-applicationset-controller")
                .withNamespace("argocd")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps", "secrets")
                .withVerbs("get", "list", "watch")
                .endRule()
                .build())
        .serverSideApply();
    hub.rbac()
        .roleBindings()
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("argocd-applicationset-controller")
                .withNamespace("argocd")
                .endMetadata()
                .withNewRoleRef(
                    "rbac.authorization.k8s.io", "Role", "argocd-applicationset-controller")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("argocd-applicationset-controller")
                .withNamespace("argocd")
                .endSubject()
                .build())
        .serverSideApply();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> params(
      KubernetesClient client, GenericKubernetesResource applicationSet, Set<String> argoClusters) {
    String namespace = applicationSet.getMetadata().getNamespace();
    Map<String, Object> spec =
        (Map<String, Object>) applicationSet.getAdditionalProperties().get("spec");
    Map<String, Object> generator =
        (Map<String, Object>)
            ((List<Map<String, Object>>) spec.get("generators"))
                .get(0)
                .get("clusterDecisionResource");
    ConfigMap config =
        client
            .configMaps()
            .inNamespace(namespace)
            .withName((String) generator.get("configMapRef"))
            .require();
    Map<String, String> data = config.getData();
    String apiVersion = data.get("apiVersion");
    if (apiVersion == null || !apiVersion.contains("/")) {
      throw new IllegalStateException("apiVersion must be group/version: " + apiVersion);
    }
    String statusListKey = data.getOrDefault("statusListKey", "clusters");
    String matchKey = data.get("matchKey");
    ResourceDefinitionContext resource =
        new ResourceDefinitionContext.Builder()
            .withGroup(apiVersion.substring(0, apiVersion.indexOf('/')))
            .withVersion(apiVersion.substring(apiVersion.indexOf('/') + 1))
            .withPlural(data.get("kind"))
            .withNamespaced(true)
            .build();
    Map<String, String> matchLabels =
        (Map<String, String>)
            ((Map<String, Object>) generator.get("labelSelector")).get("matchLabels");
    List<GenericKubernetesResource> found =
        client
            .genericKubernetesResources(resource)
            .inNamespace(namespace)
            .withLabels(matchLabels)
            .list()
            .getItems();
    if (found.isEmpty()) {
      throw new IllegalStateException("no clusterDecisionResources found");
    }
    List<Map<String, Object>> params = new ArrayList<>();
    for (GenericKubernetesResource decision : found) {
      Map<String, Object> status =
          (Map<String, Object>) decision.getAdditionalProperties().get("status");
      if (status == null) {
        continue;
      }
      for (Map<String, Object> element :
          (List<Map<String, Object>>) status.getOrDefault(statusListKey, List.of())) {
        Object match = element.get(matchKey);
        if (match == null
            || match.toString().isEmpty()
            || !argoClusters.contains(match.toString())) {
          continue;
        }
        Map<String, Object> p = new LinkedHashMap<>(element);
        p.put("name", match.toString());
        p.put("server", "https://" + match + ".clusters.example");
        params.add(p);
      }
    }
    return params;
  }
}
