package io.ocmj.gitops;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.gitops.v1alpha1.GitSync;

/**
 * Asks for a sync now, as {@code flux reconcile} does: sets {@code reconcile.fluxcd.io/requestedAt}
 * on the GitSync; the controller reconciles at once and copies the value into {@code
 * status.lastHandledReconcileAt} with the outcome.
 */
public final class SyncRequest {
  private SyncRequest() {}

  public static void request(KubernetesClient client, String namespace, String name, String value) {
    client
        .resources(GitSync.class)
        .inNamespace(namespace)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + GitSync.ANNOTATION_REQUESTED_AT
                + "\":\""
                + value
                + "\"}}}");
  }
}
