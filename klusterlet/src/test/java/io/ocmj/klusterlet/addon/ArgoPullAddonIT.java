package io.ocmj.klusterlet.addon;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.work.v1.FeedbackValue;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.klusterlet.registration.AgentCrds;
import io.ocmj.klusterlet.work.WorkTestbed;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example Argo CD pull-model add-on (examples-repo/addons/argocd-pull.yaml, YAML only) on real
 * API servers: its Application reaches the placed cluster, and the Application's status (written
 * here as Argo CD would) comes back to the hub as status feedback. Argo CD itself is not run: the
 * cluster gets the Application CRD and the argocd namespace, as an Argo CD install would give it.
 */
@KubernetesClusters({"hub", "c1"})
class ArgoPullAddonIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path EXAMPLE = Path.of("..", "examples-repo", "addons", "argocd-pull.yaml");
  private static WorkTestbed bed;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed = new WorkTestbed(clusters.get("hub"), List.of(clusters.get("c1")));
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  /** What installing Argo CD gives a cluster, as far as this add-on needs it. */
  private static void argoCd(KubernetesClient managed) {
    managed
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("applications.argoproj.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("argoproj.io")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("Application")
                .withPlural("applications")
                .withSingular("application")
                .endNames()
                .addNewVersion()
                .withName("v1alpha1")
                .withServed(true)
                .withStorage(true)
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build())
        .serverSideApply();
    managed
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("applications.argoproj.io")
        .waitUntilCondition(AgentCrds::established, 30, TimeUnit.SECONDS);
    managed
        .resource(new NamespaceBuilder().withNewMetadata().withName("argocd").endMetadata().build())
        .serverSideApply();
  }

  @Test
  void theExampleDeliversAnApplicationAndFeedsItsStatusBack() throws Exception {
    KubernetesClient hub = bed.hub;
    KubernetesClient c1 = bed.managed("c1");
    argoCd(c1);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("fleet").endMetadata().build())
        .serverSideApply();
    try (InputStream in = Files.newInputStream(EXAMPLE)) {
      for (HasMetadata object : hub.load(in).items()) {
        hub.resource(object).serverSideApply();
      }
    }
    bed.decide("fleet", "all-clusters", List.of("c1"));

    await("the Application is on the cluster, rendered from the deployment config")
        .atMost(WAIT)
        .until(
            () -> {
              GenericKubernetesResource app = application(c1);
              return app != null
                  && "guestbook"
                      .equals(
                          ((Map<?, ?>)
                                  ((Map<?, ?>) app.getAdditionalProperties().get("spec"))
                                      .get("source"))
                              .get("path"));
            });
    // What Argo CD on the cluster would write.
    c1.genericKubernetesResources("argoproj.io/v1alpha1", "Application")
        .inNamespace("argocd")
        .withName("guestbook")
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"sync\":{\"status\":\"Synced\"},\"health\":{\"status\":\"Healthy\"}}}");
    await("its sync and health status reach the hub as feedback")
        .atMost(WAIT)
        .until(
            () ->
                "Synced".equals(feedback(hub, "sync"))
                    && "Healthy".equals(feedback(hub, "health")));
  }

  private static GenericKubernetesResource application(KubernetesClient c1) {
    return c1.genericKubernetesResources("argoproj.io/v1alpha1", "Application")
        .inNamespace("argocd")
        .withName("guestbook")
        .get();
  }

  private static String feedback(KubernetesClient hub, String name) {
    ManifestWork work =
        hub.resources(ManifestWork.class)
            .inNamespace("c1")
            .withName("addon-argocd-pull-deploy-0")
            .get();
    if (work == null || work.getStatus() == null || work.getStatus().getResourceStatus() == null) {
      return null;
    }
    return work.getStatus().getResourceStatus().getManifests().stream()
        .filter(m -> m.getStatusFeedback() != null)
        .flatMap(m -> m.getStatusFeedback().getValues().stream())
        .filter(v -> name.equals(v.getName()))
        .map(FeedbackValue::getFieldValue)
        .map(v -> v.getString())
        .findFirst()
        .orElse(null);
  }
}
