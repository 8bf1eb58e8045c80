package io.ocmj.bench;

/**
 * What the fleet benchmark and the fault suite roll out, as the YAML a user keeps in Git: namespace
 * {@code fleet}, Placement {@code all-clusters} over the global set, the governance add-on on it, a
 * ManifestWorkReplicaSet {@code fleet-config} (a ConfigMap with {@code version}), and a Policy
 * {@code fleet-config-present} that requires that ConfigMap with that version (so a commit that
 * bumps the version changes the work and the policy at once, and a cluster is Compliant with the
 * new version only once the new work is applied). The ConfigurationPolicy is named after the
 * version ({@code fleet-config-v<version>}), so the compliance a cluster reports names the version
 * it evaluated: an agent reports an unchanged compliance only once, so without a new name a
 * Compliant-to-Compliant change would leave no trace on the hub. Its {@code evaluationInterval}
 * (compliant 10m, noncompliant 10s) is what OCM advises for fleets: a compliant cluster is not
 * re-checked every 10 s, while one still waiting for the new ConfigMap is. It matters here because
 * all N simulated clusters' evaluations share the simulator's two cores, where a real fleet has a
 * cluster each; the hub's load does not depend on it (agents report changes only).
 */
public final class FleetManifests {
  public static final String NAMESPACE = "fleet";
  public static final String PLACEMENT = "all-clusters";
  public static final String REPLICA_SET = "fleet-config";
  public static final String POLICY = "fleet-config-present";
  public static final String CONFIG_MAP = "fleet-config";
  public static final String CONFIG_NAMESPACE = "default";

  /** The name of the policy template (a ConfigurationPolicy) at {@code version}. */
  public static String template(String version) {
    return "fleet-config-v" + version;
  }

  private FleetManifests() {}

  /** The base: namespace, set binding, placement and the governance add-on. */
  public static String base() {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: fleet
        ---
        apiVersion: cluster.open-cluster-management.io/v1beta2
        kind: ManagedClusterSetBinding
        metadata:
          name: global
          namespace: fleet
        spec:
          clusterSet: global
        ---
        apiVersion: cluster.open-cluster-management.io/v1beta1
        kind: Placement
        metadata:
          name: all-clusters
          namespace: fleet
        spec:
          clusterSets:
            - global
          tolerations:
            - key: cluster.open-cluster-management.io/unreachable
              operator: Exists
            - key: cluster.open-cluster-management.io/unavailable
              operator: Exists
        ---
        apiVersion: addon.open-cluster-management.io/v1alpha1
        kind: ClusterManagementAddOn
        metadata:
          name: governance-policy-framework
        spec:
          installStrategy:
            type: Placements
            placements:
              - namespace: fleet
                name: all-clusters
        """;
  }

  /** The ManifestWorkReplicaSet and the Policy (with its binding) at {@code version}. */
  public static String rollout(String version) {
    return """
        apiVersion: work.open-cluster-management.io/v1alpha1
        kind: ManifestWorkReplicaSet
        metadata:
          name: fleet-config
          namespace: fleet
        spec:
          placementRefs:
            - name: all-clusters
          manifestWorkTemplate:
            workload:
              manifests:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: fleet-config
                    namespace: default
                  data:
                    version: "%1$s"
        ---
        apiVersion: policy.open-cluster-management.io/v1
        kind: Policy
        metadata:
          name: fleet-config-present
          namespace: fleet
        spec:
          disabled: false
          remediationAction: inform
          policy-templates:
            - objectDefinition:
                apiVersion: policy.open-cluster-management.io/v1
                kind: ConfigurationPolicy
                metadata:
                  name: fleet-config-v%1$s
                spec:
                  evaluationInterval:
                    compliant: 10m
                    noncompliant: 10s
                  object-templates:
                    - complianceType: musthave
                      objectDefinition:
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: fleet-config
                          namespace: default
                        data:
                          version: "%1$s"
        ---
        apiVersion: policy.open-cluster-management.io/v1
        kind: PlacementBinding
        metadata:
          name: fleet-config-present
          namespace: fleet
        placementRef:
          apiGroup: cluster.open-cluster-management.io
          kind: Placement
          name: all-clusters
        subjects:
          - apiGroup: policy.open-cluster-management.io
            kind: Policy
            name: fleet-config-present
        """
        .formatted(version);
  }
}
