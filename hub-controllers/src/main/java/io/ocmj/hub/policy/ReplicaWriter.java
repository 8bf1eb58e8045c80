package io.ocmj.hub.policy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1beta1.PolicySet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes replicated policies with server-side apply, only when the desired replica differs from the
 * one in the cache, and deletes the replicas of clusters no longer selected.
 */
final class ReplicaWriter {
  /** On replicas: the stamp of the inputs they were made from (see {@link #stamp}). */
  static final String ANNOTATION_SOURCE = "policy.ocmj.io/source-hash";

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
    // Without hub templates a replica depends only on the root, the override and the sets: when
    // the stamp on the replica says it was made from exactly these, nothing is computed again.
    // This keeps the many passes a root gets while its replicas report (one per status change)
    // cheap on a large fleet.
    boolean templated = PolicyPropagatorReconciler.hasHubTemplates(root);
    String stamp = stamp(root, enforce, sets);
    if (!templated
        && existing != null
        && existing.getMetadata().getAnnotations() != null
        && stamp.equals(existing.getMetadata().getAnnotations().get(ANNOTATION_SOURCE))) {
      return new Outcome(false, List.of());
    }
    HubTemplates templates = new HubTemplates(root, ClientHubReads.asMap(cluster), reads);
    ReplicatedPolicies.Replica replica =
        ReplicatedPolicies.desired(root, cluster.getMetadata().getName(), enforce, templates, sets);
    Map<String, String> annotations =
        new LinkedHashMap<>(replica.policy().getMetadata().getAnnotations());
    annotations.put(ANNOTATION_SOURCE, stamp);
    replica.policy().getMetadata().setAnnotations(annotations);
    if (existing != null && same(replica.policy(), existing)) {
      return new Outcome(false, replica.templateErrors());
    }
    client.resource(replica.policy()).fieldManager(fieldManager).forceConflicts().serverSideApply();
    return new Outcome(true, replica.templateErrors());
  }

  /** A digest of everything a replica without hub templates is made from. */
  static String stamp(Policy root, boolean enforce, List<PolicySet> sets) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("spec", root.getSpec());
    inputs.put("labels", root.getMetadata().getLabels());
    inputs.put("annotations", root.getMetadata().getAnnotations());
    inputs.put("enforce", enforce);
    inputs.put("sets", sets.stream().map(PolicySet::getSpec).toList());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Serialization.asJson(inputs).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
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
