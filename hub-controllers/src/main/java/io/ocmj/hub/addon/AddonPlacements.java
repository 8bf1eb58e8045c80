package io.ocmj.hub.addon;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.AddOnConfig;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.InstallStrategyType;
import io.ocmj.api.addon.v1alpha1.PlacementStrategy;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The clusters an add-on's install placements decided, and the placement configs per cluster. */
final class AddonPlacements {
  private AddonPlacements() {}

  /** Whether the add-on manager installs this add-on by its placements. */
  static boolean byPlacements(ClusterManagementAddOn cma) {
    String lifecycle =
        cma.getMetadata().getAnnotations() == null
            ? null
            : cma.getMetadata().getAnnotations().get(ClusterManagementAddOn.ANNOTATION_LIFECYCLE);
    return !ClusterManagementAddOn.LIFECYCLE_SELF.equals(lifecycle)
        && cma.getSpec().getInstallStrategy() != null
        && cma.getSpec().getInstallStrategy().getType() == InstallStrategyType.Placements;
  }

  /** The clusters a placement decided (all its PlacementDecisions). */
  static Set<String> clusters(KubernetesClient client, String namespace, String placement) {
    Set<String> clusters = new TreeSet<>();
    for (PlacementDecision d :
        client
            .resources(PlacementDecision.class)
            .inNamespace(namespace)
            .withLabel(PlacementDecision.LABEL_PLACEMENT, placement)
            .list()
            .getItems()) {
      if (d.getStatus() != null) {
        d.getStatus().getDecisions().stream()
            .map(ClusterDecision::getClusterName)
            .forEach(clusters::add);
      }
    }
    return clusters;
  }

  /** For each decided cluster, the install placement that selected it (the later entry wins). */
  static Map<String, PlacementStrategy> byCluster(
      KubernetesClient client, ClusterManagementAddOn cma) {
    Map<String, PlacementStrategy> selected = new LinkedHashMap<>();
    if (!byPlacements(cma)) {
      return selected;
    }
    for (PlacementStrategy p : cma.getSpec().getInstallStrategy().getPlacements()) {
      clusters(client, p.getNamespace(), p.getName()).forEach(c -> selected.put(c, p));
    }
    return selected;
  }

  /** The configs of the install placement that selected the cluster; none if none did. */
  static List<AddOnConfig> configsFor(
      KubernetesClient client, ClusterManagementAddOn cma, String cluster) {
    PlacementStrategy p = byCluster(client, cma).get(cluster);
    return p == null ? List.of() : p.getConfigs();
  }
}
