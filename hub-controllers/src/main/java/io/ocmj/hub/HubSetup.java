package io.ocmj.hub;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.hub.registration.ClusterRbac;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hub needs before its controllers run and agents join: the shared and bootstrap RBAC, and
 * the admission policies that make OCM's registration webhook checks (accept, join, bind).
 */
public final class HubSetup {
  static final String ADMISSION_POLICIES = "/io/ocmj/hub/registration/admission-policies.yaml";

  private HubSetup() {}

  /** Server-side applies everything under {@code fieldManager}. */
  public static void apply(KubernetesClient client, String fieldManager) {
    for (HasMetadata object : objects(client)) {
      client.resource(object).fieldManager(fieldManager).forceConflicts().serverSideApply();
    }
  }

  static List<HasMetadata> objects(KubernetesClient client) {
    List<HasMetadata> objects = new ArrayList<>(ClusterRbac.sharedRoles());
    objects.addAll(ClusterRbac.bootstrapRbac());
    try (InputStream in = HubSetup.class.getResourceAsStream(ADMISSION_POLICIES)) {
      if (in == null) {
        throw new IllegalStateException(ADMISSION_POLICIES + " is missing from the hub jar");
      }
      objects.addAll(client.load(in).items());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }
}
