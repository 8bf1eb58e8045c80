package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import io.ocmj.api.status.Conditions;
import java.time.Instant;
import java.util.List;

/** GitSyncs in namespace gitops on a test hub: create, trigger, read. */
final class GitSyncFixtures {
  private final KubernetesClient hub;

  GitSyncFixtures(KubernetesClient hub) {
    this.hub = hub;
  }

  /** A change as {@code kubectl edit} (or another controller) makes it: an Update by manager. */
  void edit(String name, String manager, String value) {
    hub.configMaps()
        .inNamespace("team-b")
        .withName(name)
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.JSON_MERGE)
                .withFieldManager(manager)
                .build(),
            "{\"data\":{\"value\":\"" + value + "\"}}");
  }

  String value(String namespace, String name) {
    ConfigMap cm = hub.configMaps().inNamespace(namespace).withName(name).get();
    return cm == null ? null : cm.getData().get("value");
  }

  String readyReason(String name) {
    GitSync sync = get(name);
    return sync == null || sync.getStatus() == null
        ? ""
        : Conditions.find(sync.getStatus().getConditions(), GitSync.CONDITION_READY)
            .map(c -> c.getReason())
            .orElse("");
  }

  String readyMessage(String name) {
    GitSync sync = get(name);
    return sync.getStatus() == null
        ? ""
        : Conditions.find(sync.getStatus().getConditions(), GitSync.CONDITION_READY)
            .map(c -> c.getMessage())
            .orElse("");
  }

  String shortSha(String revision) {
    return revision == null ? "" : revision.substring(revision.indexOf("sha1:") + 5);
  }

  String data(String configMap) {
    return hub.configMaps().inNamespace("team-a").withName(configMap).get().getData().get("value");
  }

  boolean applied(String name, String sha) {
    GitSync sync = get(name);
    return sync != null
        && sync.getStatus() != null
        && ("main@sha1:" + sha).equals(sync.getStatus().getLastAppliedRevision())
        && Conditions.isTrue(sync.getStatus().getConditions(), GitSync.CONDITION_READY);
  }

  GitSync get(String name) {
    return hub.resources(GitSync.class).inNamespace("gitops").withName(name).get();
  }

  void createSync(String name, String url) {
    createSync(name, url, "fleet");
  }

  void createSync(String name, String url, String path) {
    createSync(name, url, path, spec -> {});
  }

  /** A GitSync of {@code path}, branch main, interval 1h, with more of its spec set first. */
  void createSync(
      String name, String url, String path, java.util.function.Consumer<GitSyncSpec> more) {
    GitSync sync = new GitSync();
    sync.getMetadata().setName(name);
    sync.getMetadata().setNamespace("gitops");
    GitSyncSpec spec = new GitSyncSpec();
    spec.setUrl(url);
    GitRef ref = new GitRef();
    ref.setBranch("main");
    spec.setRef(ref);
    spec.setPaths(List.of(path));
    spec.setInterval("1h");
    more.accept(spec);
    sync.setSpec(spec);
    hub.resource(sync).create();
  }

  /** What {@code ocmj sync now} and the webhook do. */
  void requestSync(String name) {
    SyncRequest.request(hub, "gitops", name, Instant.now().toString());
  }
}
