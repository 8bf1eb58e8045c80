package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyDependency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Policy dependencies on the managed cluster: each names an object (a Policy replica, a
 * ConfigurationPolicy, …) and the compliance it must have; OCM's Pending message lists the unmet.
 */
final class Dependencies {
  private Dependencies() {}

  /** OCM's message for the unmet dependencies, or null when all are met. */
  static String pending(KubernetesClient managed, String clusterName, List<PolicyDependency> deps) {
    TreeSet<String> unmet = new TreeSet<>();
    for (PolicyDependency d : deps) {
      if (!Objects.equals(d.getCompliance(), compliance(managed, clusterName, d))) {
        unmet.add(d.getKind() + " " + d.getName());
      }
    }
    if (unmet.isEmpty()) {
      return null;
    }
    String verb = unmet.size() == 1 ? " is" : " are";
    return "Dependencies were not satisfied: "
        + unmet.size()
        + verb
        + " still pending ("
        + String.join(", ", unmet)
        + ")";
  }

  private static String compliance(
      KubernetesClient managed, String clusterName, PolicyDependency d) {
    String apiVersion = d.getApiVersion() == null ? Policy.API_VERSION : d.getApiVersion();
    String kind = d.getKind() == null ? Policy.KIND : d.getKind();
    String ns =
        d.getNamespace() == null || d.getNamespace().isEmpty() ? clusterName : d.getNamespace();
    if (new KubeClusterView(managed).kind(apiVersion, kind).isEmpty()) {
      return null; // a kind the cluster does not serve is a dependency not met
    }
    try {
      GenericKubernetesResource object =
          managed
              .genericKubernetesResources(apiVersion, kind)
              .inNamespace(ns)
              .withName(d.getName())
              .get();
      if (object == null
          || !(object.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
        return null;
      }
      return status.get("compliant") instanceof String s ? s : null;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null; // a kind the cluster does not serve is a dependency not met
      }
      throw e; // transient: retried, and nothing is removed meanwhile
    }
  }
}
