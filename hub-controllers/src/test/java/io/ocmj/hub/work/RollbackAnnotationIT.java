package io.ocmj.hub.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import io.ocmj.api.work.v1alpha1.LocalPlacementReference;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSetSpec;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A rollback annotation naming no recorded revision is reported, removed and changes nothing. */
@KubernetesClusters("hub")
class RollbackAnnotationIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static HubControllers controllers;
  private static KubernetesClient hub;

  @BeforeAll
  static void start(ClusterSet clusters) {
    hub = clusters.get("hub").client();
    HubCrds.install(hub);
    controllers = HubControllers.start(hub, Clock.systemUTC());
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build())
        .serverSideApply();
  }

  @AfterAll
  static void stop() {
    if (controllers != null) {
      controllers.close();
    }
  }

  @Test
  void anUnknownRevisionIsReportedOnTheReplicaSetAndTheTemplateStays() {
    ManifestWorkReplicaSet mwrs = new ManifestWorkReplicaSet();
    mwrs.getMetadata().setName("web");
    mwrs.getMetadata().setNamespace("apps");
    ManifestWorkReplicaSetSpec spec = new ManifestWorkReplicaSetSpec();
    ManifestWorkSpec template = new ManifestWorkSpec();
    template
        .getWorkload()
        .setManifests(
            List.of(
                Manifest.of(
                    Map.of(
                        "apiVersion", "v1",
                        "kind", "ConfigMap",
                        "metadata", Map.of("name", "cfg", "namespace", "default")))));
    spec.setManifestWorkTemplate(template);
    LocalPlacementReference ref = new LocalPlacementReference();
    ref.setName("nowhere");
    spec.setPlacementRefs(List.of(ref));
    mwrs.setSpec(spec);
    hub.resource(mwrs).create();
    await("the first template is recorded as revision 1")
        .atMost(WAIT)
        .until(
            () ->
                hub.apps().controllerRevisions().inNamespace("apps").list().getItems().size() == 1);

    hub.resources(ManifestWorkReplicaSet.class)
        .inNamespace("apps")
        .withName("web")
        .edit(
            m -> {
              // No resourceVersion in the patch: controllers write this object's status meanwhile.
              m.getMetadata().setResourceVersion(null);
              m.getMetadata().setAnnotations(Map.of(TemplateRevisions.ANNOTATION_ROLLBACK, "7"));
              return m;
            });

    await("a RollbackFailed Event names the annotation and the revisions there are")
        .atMost(WAIT)
        .until(
            () ->
                hub.v1().events().inNamespace("apps").list().getItems().stream()
                    .anyMatch(
                        e ->
                            "RollbackFailed".equals(e.getReason())
                                && e.getMessage()
                                    .equals(
                                        "metadata.annotations[work.ocmj.io/rollback-to-revision]:"
                                            + " no revision 7 to roll back to (revisions: [1])")));
    ManifestWorkReplicaSet after =
        hub.resources(ManifestWorkReplicaSet.class).inNamespace("apps").withName("web").get();
    assertThat(after.getMetadata().getAnnotations())
        .doesNotContainKey(TemplateRevisions.ANNOTATION_ROLLBACK);
    assertThat(after.getSpec().getManifestWorkTemplate().getWorkload().getManifests())
        .as("the template is unchanged")
        .isEqualTo(template.getWorkload().getManifests());
  }
}
