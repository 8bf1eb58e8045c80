package io.ocmj.hub.placement;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.hub.placement.PlacementSchedule.Group;
import io.ocmj.hub.status.ConditionsApply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A placement's PlacementDecisions exactly as OCM writes them: {@code <placement>-decision-<n>} (n
 * from 1, counting across groups), at most 100 decisions each, OCM's labels, owned by the
 * Placement; extra ones are deleted. Written only where they differ.
 */
final class PlacementDecisions {
  static final int MAX_PER_OBJECT = 100;
  static final String FIELD_MANAGER = "ocmj-placement";

  private PlacementDecisions() {}

  /** One PlacementDecision to write: its name, group and clusters. */
  record Planned(String name, Group group, List<String> clusters) {}

  static List<Planned> plan(String placement, List<Group> groups) {
    List<Planned> planned = new ArrayList<>();
    for (Group group : groups) {
      List<String> clusters = group.clusters();
      int chunks = Math.max(1, (clusters.size() + MAX_PER_OBJECT - 1) / MAX_PER_OBJECT);
      for (int i = 0; i < chunks; i++) {
        planned.add(
            new Planned(
                placement + "-decision-" + (planned.size() + 1),
                group,
                clusters.subList(
                    Math.min(clusters.size(), i * MAX_PER_OBJECT),
                    Math.min(clusters.size(), (i + 1) * MAX_PER_OBJECT))));
      }
    }
    return planned;
  }

  /**
   * Writes the planned decisions where they differ from the placement's {@code written} ones and
   * deletes its others; returns how many changed.
   */
  static int write(
      KubernetesClient client,
      Placement placement,
      List<PlacementDecision> written,
      List<Planned> planned) {
    String namespace = placement.getMetadata().getNamespace();
    Map<String, PlacementDecision> existing = new LinkedHashMap<>();
    for (PlacementDecision d : written) {
      existing.put(d.getMetadata().getName(), d);
    }
    int changed = 0;
    for (Planned p : planned) {
      PlacementDecision current = existing.remove(p.name());
      if (current == null || !same(current, p)) {
        apply(client, placement, p);
        changed++;
      }
    }
    for (PlacementDecision extra : existing.values()) {
      client.resources(PlacementDecision.class).inNamespace(namespace).resource(extra).delete();
      changed++;
    }
    return changed;
  }

  static List<PlacementDecision> list(KubernetesClient client, Placement placement) {
    return client
        .resources(PlacementDecision.class)
        .inNamespace(placement.getMetadata().getNamespace())
        .withLabel(PlacementDecision.LABEL_PLACEMENT, placement.getMetadata().getName())
        .list()
        .getItems();
  }

  private static boolean same(PlacementDecision current, Planned planned) {
    Map<String, String> labels = current.getMetadata().getLabels();
    List<String> clusters =
        current.getStatus() == null
            ? List.of()
            : current.getStatus().getDecisions().stream()
                .map(ClusterDecision::getClusterName)
                .toList();
    return labels != null
        && String.valueOf(planned.group().index())
            .equals(labels.get(PlacementDecision.LABEL_GROUP_INDEX))
        && planned.group().name().equals(labels.get(PlacementDecision.LABEL_GROUP_NAME))
        && clusters.equals(planned.clusters());
  }

  private static void apply(KubernetesClient client, Placement placement, Planned planned) {
    PlacementDecision decision = new PlacementDecision();
    decision.getMetadata().setName(planned.name());
    decision.getMetadata().setNamespace(placement.getMetadata().getNamespace());
    decision
        .getMetadata()
        .setLabels(
            Map.of(
                PlacementDecision.LABEL_PLACEMENT, placement.getMetadata().getName(),
                PlacementDecision.LABEL_GROUP_INDEX, String.valueOf(planned.group().index()),
                PlacementDecision.LABEL_GROUP_NAME, planned.group().name()));
    decision
        .getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion(placement.getApiVersion())
                    .withKind(placement.getKind())
                    .withName(placement.getMetadata().getName())
                    .withUid(placement.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build()));
    PlacementDecision applied =
        client.resource(decision).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    ConditionsApply.applyStatus(
        client,
        applied,
        FIELD_MANAGER,
        Map.of(
            "decisions",
            planned.clusters().stream().map(c -> Map.of("clusterName", c, "reason", "")).toList()));
  }
}
