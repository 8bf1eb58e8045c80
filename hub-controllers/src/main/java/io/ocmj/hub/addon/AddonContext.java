package io.ocmj.hub.addon;

import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfigSpec;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.util.Map;

/**
 * What an add-on agent is rendered from.
 *
 * @param clusterName the managed cluster (and its namespace on the hub)
 * @param cluster the ManagedCluster (labels, claims in status)
 * @param installNamespace where the agent goes on the managed cluster: the AddOnDeploymentConfig's
 *     agentInstallNamespace, else the ManagedClusterAddOn's installNamespace, else OCM's default
 * @param variables {@code CLUSTER_NAME}, {@code INSTALL_NAMESPACE} and the config's
 *     customizedVariables
 * @param deploymentConfig the resolved AddOnDeploymentConfig's spec, or null when none applies
 */
public record AddonContext(
    String clusterName,
    ManagedCluster cluster,
    String installNamespace,
    Map<String, String> variables,
    AddOnDeploymentConfigSpec deploymentConfig) {}
