package io.ocmj.hub.policy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyDependency;
import io.ocmj.api.policy.v1beta1.PolicySet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes replicated policies with server-side apply, only when the desired replica differs from the
 * one in the cache, and deletes the replicas of clusters no longer selected.
 */
final class ReplicaWriter {
  /** On replicas: the stamp of the inputs they were made from (see {@link #stamp}). */
  static final String ANNOTATION_SOURCE = "policy.ocmj.io/source-hash";

  /** Bumped when the way replicas are built changes, so that existing ones are rebuilt. */
  static final String STAMP_FORMAT = "1";

  private final KubernetesClient client;
  private final HubReads reads;
  private final String fieldManager;
  private final Map<String, Long> written;
  private final RegoArtifacts rego;

  /**
   * @param written replica uid → the generation this controller last wrote or confirmed; shared
   *     across passes
   */
  ReplicaWriter(
      KubernetesClient client,
      HubReads reads,
      String fieldManager,
      Map<String, Long> written,
      RegoArtifacts rego) {
    this.client = client;
    this.reads = reads;
    this.fieldManager = fieldManager;
    this.written = written;
    this.rego = rego;
  }

  /** Whether it wrote, and the hub template errors of the desired replica. */
  record Outcome(boolean written, List<String> templateErrors) {}

  Outcome write(
      Policy root, ManagedCluster cluster, boolean enforce, Policy existing, List<PolicySet> sets) {
    String stamp = stamp(root, enforce, sets);
    if (unchanged(root, cluster, existing, stamp)) {
      return new Outcome(false, List.of());
    }
    HubTemplates templates = new HubTemplates(root, ClientHubReads.asMap(cluster), reads);
    ReplicatedPolicies.Replica replica =
        ReplicatedPolicies.desired(root, cluster.getMetadata().getName(), enforce, templates, sets);
    rego.prepare(client, replica.policy(), cluster.getMetadata().getName());
    Map<String, String> annotations =
        new LinkedHashMap<>(replica.policy().getMetadata().getAnnotations());
    annotations.put(ANNOTATION_SOURCE, stamp);
    replica.policy().getMetadata().setAnnotations(annotations);
    if (existing != null && same(replica.policy(), existing)) {
      written.put(existing.getMetadata().getUid(), existing.getMetadata().getGeneration());
      return new Outcome(false, replica.templateErrors());
    }
    Policy applied =
        client
            .resource(replica.policy())
            .fieldManager(fieldManager)
            .forceConflicts()
            .serverSideApply();
    written.put(applied.getMetadata().getUid(), applied.getMetadata().getGeneration());
    return new Outcome(true, replica.templateErrors());
  }

  /**
   * Whether the replica is known to be what this root would write, without building it: made from
   * the same inputs (the stamp), its spec untouched since this controller last saw it right (same
   * generation), its labels and annotations as wanted. A root's replicas report one by one, and
   * each report is a pass over every replica: on a large fleet this keeps those passes cheap.
   * Replicas with hub templates are always rebuilt (their inputs are on the hub, not in the stamp).
   */
  private boolean unchanged(Policy root, ManagedCluster cluster, Policy existing, String stamp) {
    if (existing == null || PolicyPropagatorReconciler.hasHubTemplates(root)) {
      return false;
    }
    Map<String, String> annotations = existing.getMetadata().getAnnotations();
    if (annotations == null
        || !stamp.equals(annotations.get(ANNOTATION_SOURCE))
        || !Objects.equals(
            written.get(existing.getMetadata().getUid()), existing.getMetadata().getGeneration())) {
      return false;
    }
    Map<String, String> wantedAnnotations =
        new LinkedHashMap<>(ReplicatedPolicies.annotations(root));
    wantedAnnotations.put(ANNOTATION_SOURCE, stamp);
    String clusterName = cluster.getMetadata().getName();
    String rootId =
        Policy.replicaName(root.getMetadata().getNamespace(), root.getMetadata().getName());
    return wantedAnnotations.equals(annotations)
        && ReplicatedPolicies.labels(root, clusterName, rootId)
            .equals(existing.getMetadata().getLabels());
  }

  /**
   * A digest of everything a replica without hub templates is made from: the root's spec, labels
   * and annotations, the enforce override, the PolicySets its dependencies name, and this format.
   */
  static String stamp(Policy root, boolean enforce, List<PolicySet> sets) {
    Set<String> named = new TreeSet<>();
    List<PolicyDependency> deps = new ArrayList<>(root.getSpec().getDependencies());
    root.getSpec().getPolicyTemplates().forEach(t -> deps.addAll(t.getExtraDependencies()));
    deps.stream().filter(d -> "PolicySet".equals(d.getKind())).forEach(d -> named.add(d.getName()));
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("format", STAMP_FORMAT);
    inputs.put("spec", root.getSpec());
    inputs.put("labels", new TreeMap<>(orEmpty(root.getMetadata().getLabels())));
    inputs.put("annotations", new TreeMap<>(orEmpty(root.getMetadata().getAnnotations())));
    inputs.put("enforce", enforce);
    inputs.put(
        "sets",
        sets.stream()
            .filter(s -> named.contains(s.getMetadata().getName()))
            .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
            .map(
                s ->
                    List.of(
                        s.getMetadata().getName(),
                        s.getSpec() == null ? List.of() : s.getSpec().getPolicies()))
            .toList());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Serialization.asJson(inputs).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
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
        written.remove(e.getValue().getMetadata().getUid());
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
