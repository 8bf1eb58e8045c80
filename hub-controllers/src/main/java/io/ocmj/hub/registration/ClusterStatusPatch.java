package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.util.List;
import java.util.Map;

/**
 * Server-side applies conditions to a ManagedCluster's status under one field manager, touching
 * nothing else: a generic object, because the typed one would also claim empty fields.
 */
final class ClusterStatusPatch {
  private ClusterStatusPatch() {}

  static void conditions(
      KubernetesClient client, String cluster, String fieldManager, List<Condition> conditions) {
    GenericKubernetesResource patch =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(ManagedCluster.GROUP + "/" + ManagedCluster.VERSION)
            .withKind("ManagedCluster")
            .withNewMetadata()
            .withName(cluster)
            .endMetadata()
            .build();
    patch.setAdditionalProperty("status", Map.of("conditions", conditions));
    client
        .resource(patch)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(fieldManager)
                .withForce(true)
                .build());
  }
}
