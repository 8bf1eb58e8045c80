package io.ocmj.klusterlet.work;

import static io.ocmj.klusterlet.work.WorkFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestConfigOption;
import io.ocmj.api.work.v1.UpdateStrategyType;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The applier against a real managed API server, without a hub: permissions and ignoreFields. */
@KubernetesClusters({"managed"})
class ManifestApplierIT {
  private static final Map<String, Object> OWNER =
      Map.of(
          "apiVersion", "work.open-cluster-management.io/v1",
          "kind", "AppliedManifestWork",
          "name", "test",
          "uid", "00000000-0000-0000-0000-000000000001");

  @Test
  void aForbiddenApplySaysWhichPermissionTheAgentLacks(ClusterSet clusters) {
    TestCluster managed = clusters.get("managed");
    try (KubernetesClient restricted = editorOf(managed, "team")) {
      ManifestApplier applier =
          new ManifestApplier(restricted, new ResourceMapping(restricted), 1024);
      Map<String, Object> role =
          object("rbac.authorization.k8s.io/v1", "ClusterRole", null, "too-much");
      role.put("rules", List.of());
      ManifestOutcome outcome = applier.apply(0, Manifest.of(role), List.of(), OWNER);
      assertThat(outcome.apply()).isEqualTo(ManifestOutcome.Apply.FAILED);
      assertThat(outcome.message())
          .contains("may not write clusterroles.rbac.authorization.k8s.io", "grant its identity");

      ManifestOutcome allowed =
          applier.apply(
              1,
              Manifest.of(WorkFixtures.configMap("team", "ok", Map.of("a", "b"))),
              List.of(),
              OWNER);
      assertThat(allowed.apply()).as(allowed.message()).isEqualTo(ManifestOutcome.Apply.APPLIED);
    }
  }

  @Test
  void ignoredFieldsAreLeftToWhoeverOwnsThemOnTheCluster(ClusterSet clusters) {
    KubernetesClient managed = clusters.get("managed").client();
    managed
        .resource(new NamespaceBuilder().withNewMetadata().withName("hpa").endMetadata().build())
        .serverSideApply();
    ManifestApplier applier = new ManifestApplier(managed, new ResourceMapping(managed), 1024);
    Map<String, Object> deployment = WorkFixtures.deployment("hpa", "web");
    ObjectMerge.map(deployment.get("spec")).put("replicas", 2);
    List<ManifestConfigOption> configs =
        WorkFixtures.work("c", "w")
            .serverSideApply("deployments", "hpa", "web", false, List.of(".spec.replicas"))
            .build()
            .getSpec()
            .getManifestConfigs();
    configs.get(0).getResourceIdentifier().setGroup("apps");
    configs.get(0).getUpdateStrategy().setType(UpdateStrategyType.Update);

    assertThat(applier.apply(0, Manifest.of(deployment), configs, OWNER).apply())
        .isEqualTo(ManifestOutcome.Apply.APPLIED);
    // An autoscaler scales it out.
    managed.apps().deployments().inNamespace("hpa").withName("web").scale(5);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                managed
                        .apps()
                        .deployments()
                        .inNamespace("hpa")
                        .withName("web")
                        .get()
                        .getSpec()
                        .getReplicas()
                    == 5);

    assertThat(applier.apply(0, Manifest.of(deployment), configs, OWNER).apply())
        .isEqualTo(ManifestOutcome.Apply.APPLIED);
    assertThat(
            managed
                .apps()
                .deployments()
                .inNamespace("hpa")
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .as("the ignored field keeps the autoscaler's value")
        .isEqualTo(5);

    assertThat(applier.apply(0, Manifest.of(deployment), List.of(), OWNER).apply())
        .isEqualTo(ManifestOutcome.Apply.APPLIED);
    assertThat(
            managed
                .apps()
                .deployments()
                .inNamespace("hpa")
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .as("without ignoreFields the manifest's value is put back")
        .isEqualTo(2);
  }

  /** A ServiceAccount that may edit namespace {@code namespace} only (ClusterRole edit). */
  private static KubernetesClient editorOf(TestCluster cluster, String namespace) {
    KubernetesClient admin = cluster.client();
    admin
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    admin
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName("work-agent")
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .serverSideApply();
    admin
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("work-agent-edit")
                .withNamespace(namespace)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "edit")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("work-agent")
                .withNamespace(namespace)
                .endSubject()
                .build())
        .serverSideApply();
    String token =
        admin
            .serviceAccounts()
            .inNamespace(namespace)
            .withName("work-agent")
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    return cluster.clientWithToken(token);
  }
}
