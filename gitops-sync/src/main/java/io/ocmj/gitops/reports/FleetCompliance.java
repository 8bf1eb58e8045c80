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
 * latest messages from its replica, the root's generation (its policy version) and the Git revision
 * that version was first seen at.
 */
public final class FleetCompliance {
  private FleetCompliance() {}

  /** The revision a policy version (generation) was first seen at. */
  public record FirstSeen(long generation, String revision) {}

  /**
   * By policy ({@code <namespace>/<name>}); two LISTs whatever the fleet's size. Every object of a
   * GitSync carries the revision of the last commit applied, which moves on commits that did not
   * touch the policy; {@code firstSeen} (kept by the caller between calls) remembers the revision
   * at which each policy's current generation was first seen, and is what the result carries.
   */
  public static Map<String, PolicyCompliance> of(
      KubernetesClient hub, GitSync sync, Map<String, FirstSeen> firstSeen) {
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
    firstSeen
        .keySet()
        .retainAll(
            roots.stream()
                .map(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
                .toList());
    Map<String, PolicyCompliance> fleet = new TreeMap<>();
    for (Policy root : roots) {
      String ns = root.getMetadata().getNamespace();
      String name = root.getMetadata().getName();
      Map<String, String> annotations = root.getMetadata().getAnnotations();
      String annotated = annotations == null ? "" : annotations.get(GitSync.ANNOTATION_REVISION);
      long generation =
          root.getMetadata().getGeneration() == null ? 0 : root.getMetadata().getGeneration();
      FirstSeen seen =
          firstSeen.compute(
              ns + "/" + name,
              (k, old) ->
                  old != null && old.generation() == generation
                      ? old
                      : new FirstSeen(generation, annotated));
      String revision = seen.revision();
      List<PolicyCompliance.ClusterState> clusters = new ArrayList<>();
      String compliant = null;
      if (root.getStatus() != null) {
        compliant = root.getStatus().getCompliant();
        for (CompliancePerClusterStatus c : root.getStatus().getStatus()) {
          if (c.getClustername() == null) {
            continue; // not written by the propagator; nothing to say about it
          }
          Policy replica = replicas.get(c.getClustername() + "/" + Policy.replicaName(ns, name));
          clusters.add(
              new PolicyCompliance.ClusterState(
                  c.getClustername(), c.getCompliant(), message(replica)));
        }
      }
      fleet.put(
          ns + "/" + name,
          new PolicyCompliance(ns + "/" + name, revision, compliant, clusters, generation, ""));
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
