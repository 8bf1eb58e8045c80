package io.ocmj.gitops.reports;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.DetailsPerTemplate;
import io.ocmj.api.policy.v1.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet's compliance with the Policies a GitSync applied (the root policies carrying its sync
 * label): per policy its aggregate and each cluster's state from the root's status, each cluster's
 * latest messages from its replica, and the Git revision the root was applied at.
 */
public final class FleetCompliance {
  private FleetCompliance() {}

  /** By policy ({@code <namespace>/<name>}); two LISTs whatever the fleet's size. */
  public static Map<String, PolicyCompliance> of(KubernetesClient hub, GitSync sync) {
    List<Policy> roots =
        hub.resources(Policy.class)
            .inAnyNamespace()
            .withLabel(GitSync.LABEL_SYNC, sync.syncLabel())
            .list()
            .getItems();
    Map<String, Policy> replicas = new HashMap<>();
    if (!roots.isEmpty()) {
      for (Policy r :
          hub.resources(Policy.class)
              .inAnyNamespace()
              .withLabel(Policy.LABEL_ROOT_POLICY)
              .list()
              .getItems()) {
        replicas.put(r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), r);
      }
    }
    Map<String, PolicyCompliance> fleet = new TreeMap<>();
    for (Policy root : roots) {
      String ns = root.getMetadata().getNamespace();
      String name = root.getMetadata().getName();
      Map<String, String> annotations = root.getMetadata().getAnnotations();
      String revision = annotations == null ? "" : annotations.get(GitSync.ANNOTATION_REVISION);
      List<PolicyCompliance.ClusterState> clusters = new ArrayList<>();
      String compliant = null;
      if (root.getStatus() != null) {
        compliant = root.getStatus().getCompliant();
        for (CompliancePerClusterStatus c : root.getStatus().getStatus()) {
          Policy replica = replicas.get(c.getClustername() + "/" + Policy.replicaName(ns, name));
          clusters.add(
              new PolicyCompliance.ClusterState(
                  c.getClustername(), c.getCompliant(), message(replica)));
        }
      }
      fleet.put(
          ns + "/" + name, new PolicyCompliance(ns + "/" + name, revision, compliant, clusters));
    }
    return fleet;
  }

  /**
   * The replica's latest message per template: the message, or one "template: message" line each.
   */
  static String message(Policy replica) {
    if (replica == null || replica.getStatus() == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    List<DetailsPerTemplate> details = replica.getStatus().getDetails();
    for (DetailsPerTemplate d : details) {
      if (d.getHistory().isEmpty()) {
        continue;
      }
      String message = d.getHistory().get(0).getMessage();
      String template = d.getTemplateMeta() == null ? null : d.getTemplateMeta().getName();
      lines.add(details.size() == 1 || template == null ? message : template + ": " + message);
    }
    return String.join("\n", lines);
  }
}
