package io.ocmj.hub.policy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1beta1.PolicySet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes replicated policies with server-side apply, only when the desired replica differs from the
 * one in the cache, and deletes the replicas of clusters no longer selected.
 */
final class ReplicaWriter {
  private final KubernetesClient client;
  private final HubReads reads;
  private final String fieldManager;

  ReplicaWriter(KubernetesClient client, HubReads reads, String fieldManager) {
    this.client = client;
    this.reads = reads;
    this.fieldManager = fieldManager;
  }

  /** Whether it wrote, and the hub template errors of the desired replica. */
  record Outcome(boolean written, List<String> templateErrors) {}

  Outcome write(
      Policy root, ManagedCluster cluster, boolean enforce, Policy existing, List<PolicySet> sets) {
    HubTemplates templates = new HubTemplates(root, ClientHubReads.asMap(cluster), reads);
    ReplicatedPolicies.Replica replica =
        ReplicatedPolicies.desired(root, cluster.getMetadata().getName(), enforce, templates, sets);
    if (existing != null && same(replica.policy(), existing)) {
      return new Outcome(false, replica.templateErrors());
    }
    client.resource(replica.policy()).fieldManager(fieldManager).forceConflicts().serverSideApply();
    return new Outcome(true, replica.templateErrors());
  }

  private static boolean same(Policy desired, Policy existing) {
    Map<String, String> labels = existing.getMetadata().getLabels();
    Map<String, String> annotations = existing.getMetadata().getAnnotations();
    return Objects.equals(
            ClientHubReads.asMap(desired.getSpec()), ClientHubReads.asMap(existing.getSpec()))
        && Objects.equals(desired.getMetadata().getLabels(), labels)
        && Objects.equals(desired.getMetadata().getAnnotations(), annotations);
  }

  /** Deletes every replica whose cluster is not in {@code keep}; returns how many. */
  int deleteOthers(Map<String, Policy> existing, Set<String> keep) {
    int deleted = 0;
    for (Map.Entry<String, Policy> e : existing.entrySet()) {
      if (keep.contains(e.getKey())) {
        continue;
      }
      try {
        client.resource(e.getValue()).delete();
        deleted++;
      } catch (KubernetesClientException ex) {
        if (ex.getCode() != 404) {
          throw ex;
        }
      }
    }
    return deleted;
  }
}
