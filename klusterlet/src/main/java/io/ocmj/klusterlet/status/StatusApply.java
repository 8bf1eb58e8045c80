package io.ocmj.klusterlet.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.status.StatusPatch;
import java.util.Map;

/**
 * Server-side applies the agent's status fields (a {@link StatusPatch}) to a status subresource,
 * under the agent's field manager, taking them over from any earlier writer.
 */
public final class StatusApply {
  private StatusApply() {}

  public static void apply(
      KubernetesClient client,
      HasMetadata target,
      Map<String, Object> status,
      String fieldManager) {
    apply(client, StatusPatch.of(target, status), fieldManager);
  }

  public static void apply(KubernetesClient client, HasMetadata patch, String fieldManager) {
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
