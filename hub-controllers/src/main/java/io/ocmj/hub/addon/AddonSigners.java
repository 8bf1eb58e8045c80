package io.ocmj.hub.addon;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom signers an enabled add-on has on a cluster, worked out from the hub's own objects
 * (ClusterManagementAddOn, resolved configs, AddOnTemplate or Java add-on) the way the deployer
 * does, never from anything on the ManagedClusterAddOn that users or the cluster's agent may write:
 * what the hub signs certificates for.
 */
public final class AddonSigners {
  private final Map<String, AddonAgent> agents = new LinkedHashMap<>();

  public AddonSigners(List<AddonAgent> agents) {
    agents.forEach(a -> this.agents.put(a.name(), a));
  }

  /**
   * The add-on's signers on its cluster (resolved subjects); none when it has none or is broken.
   */
  public List<CustomSigner> of(KubernetesClient client, ManagedClusterAddOn mca) {
    if (mca.getMetadata().getDeletionTimestamp() != null) {
      return List.of();
    }
    String addon = mca.getMetadata().getName();
    String cluster = mca.getMetadata().getNamespace();
    ClusterManagementAddOn cma =
        client.resources(ClusterManagementAddOn.class).withName(addon).get();
    if (cma == null) {
      return List.of();
    }
    AddonConfigs.Resolved configs =
        AddonConfigs.read(
            client,
            cma,
            AddonConfigs.desired(cma, AddonPlacements.configsFor(client, cma, cluster), mca));
    if (configs.problem().isPresent()) {
      return List.of();
    }
    AddonAgent agent = AddonDeployer.agentFor(configs, addon, agents);
    try {
      return agent == null
          ? List.of()
          : agent.customSigners().stream().map(s -> s.on(cluster, addon)).toList();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }
}
