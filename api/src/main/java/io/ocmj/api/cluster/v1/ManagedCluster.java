package io.ocmj.api.cluster.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.ocmj.api.status.Conditions;

/**
 * A cluster registered with the hub (cluster-scoped; its name is also the name of its namespace on
 * the hub).
 */
@Group(ManagedCluster.GROUP)
@Version(ManagedCluster.VERSION)
@Plural("managedclusters")
@Singular("managedcluster")
@ShortNames({"mcl", "mcls"})
@AdditionalPrinterColumn(
    name = "Hub Accepted",
    jsonPath = ".spec.hubAcceptsClient",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Managed Cluster URLs",
    jsonPath = ".spec.managedClusterClientConfigs[*].url",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Joined",
    jsonPath = ".status.conditions[?(@.type==\"ManagedClusterJoined\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Available",
    jsonPath = ".status.conditions[?(@.type==\"ManagedClusterConditionAvailable\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ManagedCluster extends CustomResource<ManagedClusterSpec, ManagedClusterStatus> {
  public static final String GROUP = "cluster.open-cluster-management.io";
  public static final String VERSION = "v1";

  /** Condition set by the hub once an admin accepted (or denied) the cluster. */
  public static final String CONDITION_HUB_ACCEPTED = "HubAcceptedManagedCluster";

  /** Condition set by the agent once it joined with an accepted identity. */
  public static final String CONDITION_JOINED = "ManagedClusterJoined";

  /** Condition for the cluster's health (agent probe, hub lease check). */
  public static final String CONDITION_AVAILABLE = "ManagedClusterConditionAvailable";

  /** Condition for the clock skew between hub and agent, from the lease. */
  public static final String CONDITION_CLOCK_SYNCED = "ManagedClusterConditionClockSynced";

  /** Finalizer with which the hub cleans up a deleted cluster's namespace and RBAC. */
  public static final String FINALIZER_CLEANUP =
      "cluster.open-cluster-management.io/api-resource-cleanup";

  /**
   * Event reason when a deleted cluster's agent did not clean up within the grace period and the
   * hub removed the finalizers of its ManifestWorks itself.
   */
  public static final String EVENT_FORCED_CLEANUP = "ForcedCleanup";

  /** Label that names the cluster a hub object belongs to. */
  public static final String LABEL_CLUSTER_NAME = "open-cluster-management.io/cluster-name";

  /**
   * Whether {@code cluster} has condition {@code type} True (false without a status). Static, so
   * that it is no property of the resource.
   */
  public static boolean isTrue(ManagedCluster cluster, String type) {
    return cluster.getStatus() != null
        && Conditions.isTrue(cluster.getStatus().getConditions(), type);
  }
}
