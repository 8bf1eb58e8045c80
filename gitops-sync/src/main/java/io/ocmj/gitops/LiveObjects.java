package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.gitops.DesiredSet.Desired;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live objects of a sync, read with one LIST per kind and namespace (label {@code
 * gitops.ocmj.io/sync}) instead of one GET per object; objects the GitSync does not own yet (or a
 * kind the LIST is not allowed for) are read one by one.
 */
final class LiveObjects {
  private final KubernetesClient client;
  private final Map<String, GenericKubernetesResource> listed = new HashMap<>();

  LiveObjects(KubernetesClient client, List<Desired> objects) {
    this.client = client;
    String label = null;
    Set<String> groups = new HashSet<>();
    for (Desired d : objects) {
      label = d.object().getMetadata().getLabels().get(GitSync.LABEL_SYNC);
      groups.add(d.id().apiVersion() + "|" + d.id().kind() + "|" + d.id().namespace());
    }
    for (String group : groups) {
      String[] parts = group.split("\\|", -1);
      try {
        var kind = client.genericKubernetesResources(parts[0], parts[1]);
        var list =
            (parts[2].isEmpty()
                    ? kind.withLabel(GitSync.LABEL_SYNC, label)
                    : kind.inNamespace(parts[2]).withLabel(GitSync.LABEL_SYNC, label))
                .list()
                .getItems();
        for (GenericKubernetesResource live : list) {
          listed.put(
              ObjectId.of(
                      parts[0],
                      parts[1],
                      live.getMetadata().getNamespace(),
                      live.getMetadata().getName())
                  .id(),
              live);
        }
      } catch (KubernetesClientException e) {
        // Not allowed to list (or the kind is not served yet): read those objects one by one.
      }
    }
  }

  /** The live object, or null when it does not exist. */
  GenericKubernetesResource get(Desired d) {
    GenericKubernetesResource live = listed.get(d.id().id());
    if (live != null) {
      return live;
    }
    // Not listed means only "not labelled as ours": it may exist without the label.
    return client.resource(d.object()).get();
  }
}
