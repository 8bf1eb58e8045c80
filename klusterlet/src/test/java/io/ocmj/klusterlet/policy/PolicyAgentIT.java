package io.ocmj.klusterlet.policy;

import static io.ocmj.klusterlet.policy.PolicyTestbed.NS;
import static io.ocmj.klusterlet.policy.PolicyTestbed.WAIT;
import static io.ocmj.klusterlet.policy.PolicyTestbed.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1beta1.PolicySet;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Governance end to end on real API servers: root policies on the hub, propagated by the hub's
 * controllers to two joined clusters, evaluated and enforced by their policy agents, compliance
 * back on the hub.
 */
@KubernetesClusters({"hub", "c1", "c2"})
class PolicyAgentIT {
  private static PolicyTestbed bed;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed = new PolicyTestbed(clusters.get("hub"), List.of(clusters.get("c1"), clusters.get("c2")));
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  private static void configMap(String cluster, String name, Map<String, String> data) {
    bed.managed(cluster)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .endMetadata()
                .withData(data)
                .build())
        .serverSideApply();
  }

  private static ConfigMap read(String cluster, String name) {
    return bed.managed(cluster).configMaps().inNamespace("default").withName(name).get();
  }

  @Test
  void informReportsEachClusterAndTheRootAggregates() {
    configMap("c1", "settings", Map.of("mode", "strict"));
    bed.create(PolicyTestbed.requireSettings("require-settings"));
    bed.bind("require-settings", "both");
    bed.decide("both", List.of("c1", "c2"));

    await("each cluster reports")
        .atMost(WAIT)
        .until(
            () ->
                "Compliant".equals(bed.clusterState("require-settings", "c1"))
                    && "NonCompliant".equals(bed.clusterState("require-settings", "c2")));
    Policy root = bed.root("require-settings");
    assertThat(root.getStatus().getCompliant()).isEqualTo("NonCompliant");
    assertThat(root.getStatus().getPlacement()).hasSize(1);
    assertThat(root.getStatus().getPlacement().get(0).getPlacementBinding())
        .isEqualTo("require-settings-binding");
    assertThat(bed.latestMessage("require-settings", "c1"))
        .isEqualTo(
            "Compliant; notification - configmaps [settings] found as specified in namespace"
                + " default");
    assertThat(bed.latestMessage("require-settings", "c2"))
        .isEqualTo(
            "NonCompliant; violation - configmaps [settings] not found in namespace default");
    assertThat(read("c2", "settings")).as("inform never creates").isNull();

    Policy managed = bed.managedReplica("require-settings", "c2");
    assertThat(managed.getMetadata().getLabels())
        .containsEntry(Policy.LABEL_ROOT_POLICY, NS + ".require-settings")
        .containsEntry(Policy.LABEL_CLUSTER_NAME, "c2");
    List<Event> events =
        bed.managed("c2").v1().events().inNamespace("c2").list().getItems().stream()
            .filter(e -> managed.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
            .toList();
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("policy: c2/require-settings-cfg");
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getMessage()).startsWith("NonCompliant; violation - configmaps");
            });

    configMap("c2", "settings", Map.of("mode", "strict"));
    await("the root turns Compliant once c2 has it too")
        .atMost(WAIT)
        .until(() -> "Compliant".equals(bed.root("require-settings").getStatus().getCompliant()));
    assertThat(bed.details("require-settings", "c2").get(0).getHistory())
        .extracting(h -> h.getMessage().split(";")[0])
        .startsWith("Compliant", "NonCompliant");
  }

  @Test
  void enforceCreatesTrimsAndDeletes() {
    configMap("c1", "trimmed", Map.of("keep", "yes", "extra", "no"));
    configMap("c1", "unwanted", Map.of("x", "y"));
    bed.create(
        policy(
            "enforce-cms",
            "enforce",
            """
            - complianceType: musthave
              objectDefinition:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: created, namespace: default}
                data: {a: "1"}
            - complianceType: mustonlyhave
              objectDefinition:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: trimmed, namespace: default}
                data: {keep: "yes"}
            - complianceType: mustnothave
              objectDefinition:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: unwanted, namespace: default}
            """));
    bed.bind("enforce-cms", "first");
    bed.decide("first", List.of("c1"));

    await("enforced")
        .atMost(WAIT)
        .until(
            () ->
                read("c1", "created") != null
                    && read("c1", "unwanted") == null
                    && Map.of("keep", "yes").equals(read("c1", "trimmed").getData()));
    assertThat(read("c1", "created").getData()).isEqualTo(Map.of("a", "1"));
    await("and reports Compliant")
        .atMost(WAIT)
        .until(() -> "Compliant".equals(bed.clusterState("enforce-cms", "c1")));
    assertThat(bed.hubReplica("enforce-cms", "c2")).as("not placed on c2").isNull();
  }

  @Test
  void aPlacementChangeMovesTheReplicaAndDisablingRemovesIt() {
    bed.create(
        policy(
            "moving",
            "inform",
            """
            - complianceType: musthave
              objectDefinition: {apiVersion: v1, kind: Namespace, metadata: {name: default}}
            """));
    bed.bind("moving", "mover");
    bed.decide("mover", List.of("c1"));
    await("on c1").atMost(WAIT).until(() -> bed.managedReplica("moving", "c1") != null);

    bed.decide("mover", List.of("c2"));
    await("moved to c2, gone from c1 on both sides")
        .atMost(WAIT)
        .until(
            () ->
                bed.managedReplica("moving", "c2") != null
                    && bed.hubReplica("moving", "c1") == null
                    && bed.managedReplica("moving", "c1") == null);
    await("c2 reports")
        .atMost(WAIT)
        .until(() -> "Compliant".equals(bed.clusterState("moving", "c2")));

    Policy root = bed.root("moving");
    root.getSpec().setDisabled(true);
    root.getMetadata().setManagedFields(null);
    root.getMetadata().setResourceVersion(null);
    root.setStatus(null);
    bed.create(root);
    await("disabled: removed everywhere, status cleared")
        .atMost(WAIT)
        .until(
            () ->
                bed.hubReplica("moving", "c2") == null
                    && bed.managedReplica("moving", "c2") == null
                    && bed.root("moving").getStatus().getStatus().isEmpty());
  }

  @Test
  void hubTemplatesResolvePerClusterAndAFailureStaysOnItsCluster() {
    KubernetesClient hub = bed.hub;
    hub.resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("tier-c1")
                .withNamespace(NS)
                .endMetadata()
                .withData(Map.of("tier", "gold"))
                .build())
        .serverSideApply();
    bed.create(
        policy(
            "templated",
            "enforce",
            """
            - complianceType: musthave
              objectDefinition:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: tier, namespace: default}
                data:
                  cluster: '{{hub .ManagedClusterName hub}}'
                  tier: '{{hub fromConfigMap "policies" (printf "tier-%s" .ManagedClusterName) "tier" hub}}'
            """));
    bed.bind("templated", "templ");
    bed.decide("templ", List.of("c1", "c2"));

    await("c1 enforced with its own values")
        .atMost(WAIT)
        .until(
            () ->
                read("c1", "tier") != null
                    && "Compliant".equals(bed.clusterState("templated", "c1")));
    assertThat(read("c1", "tier").getData()).isEqualTo(Map.of("cluster", "c1", "tier", "gold"));
    await("c2 NonCompliant with the template error")
        .atMost(WAIT)
        .until(() -> "NonCompliant".equals(bed.clusterState("templated", "c2")));
    assertThat(bed.latestMessage("templated", "c2"))
        .startsWith("NonCompliant; template-error; ")
        .contains("fromConfigMap");
    assertThat(read("c2", "tier")).isNull();
    assertThat(bed.root("templated").getStatus().getCompliant()).isEqualTo("NonCompliant");
  }

  @Test
  void badInputIsReportedPerTemplateAndOtherPoliciesKeepWorking() {
    bed.create(
        policy(
            "bad-type",
            "inform",
            """
            - complianceType: mustbe
              objectDefinition: {apiVersion: v1, kind: ConfigMap, metadata: {name: x, namespace: default}}
            """));
    bed.create(
        policy(
            "bad-template",
            "inform",
            """
            - complianceType: musthave
              objectDefinition:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: '{{ .Nope ', namespace: default}
            """));
    Policy unsupported =
        policy(
            "bad-kind",
            "inform",
            "- complianceType: musthave\n  objectDefinition: {apiVersion: v1, kind: Namespace, metadata: {name: default}}\n");
    unsupported
        .getSpec()
        .getPolicyTemplates()
        .get(0)
        .getObjectDefinition()
        .fields()
        .putAll(Map.of("apiVersion", "apps/v1", "kind", "Deployment"));
    bed.create(unsupported);
    bed.create(
        policy(
            "good",
            "inform",
            """
            - complianceType: musthave
              objectDefinition: {apiVersion: v1, kind: Namespace, metadata: {name: default}}
            """));
    for (String name : List.of("bad-type", "bad-template", "bad-kind", "good")) {
      bed.bind(name, "bad");
    }
    bed.decide("bad", List.of("c2"));

    await("every policy reports")
        .atMost(WAIT)
        .until(
            () ->
                List.of("bad-type", "bad-template", "bad-kind", "good").stream()
                    .allMatch(n -> bed.latestMessage(n, "c2") != null));
    assertThat(bed.latestMessage("bad-type", "c2"))
        .startsWith("NonCompliant; template-error; Failed to create policy template: ")
        .contains("complianceType");
    assertThat(bed.latestMessage("bad-template", "c2"))
        .startsWith("NonCompliant; violation - Error processing template: ");
    assertThat(bed.latestMessage("bad-kind", "c2"))
        .isEqualTo(
            "NonCompliant; template-error; policy-template kind is not supported:"
                + " apps/v1, Kind=Deployment");
    await("the good policy is unaffected")
        .atMost(WAIT)
        .until(() -> "Compliant".equals(bed.clusterState("good", "c2")));
  }

  @Test
  void aPolicySetPlacesItsMembersAndAggregatesThem() {
    Policy ok =
        policy(
            "set-ok",
            "inform",
            """
            - complianceType: musthave
              objectDefinition: {apiVersion: v1, kind: Namespace, metadata: {name: default}}
            """);
    ok.getMetadata().setAnnotations(Map.of(GitSync.ANNOTATION_REVISION, "abc123"));
    bed.create(ok);
    bed.create(
        policy(
            "set-missing",
            "inform",
            """
            - complianceType: musthave
              objectDefinition:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: never-there, namespace: default}
            """));
    bed.hub
        .resource(
            Serialization.unmarshal(
                """
                apiVersion: policy.open-cluster-management.io/v1beta1
                kind: PolicySet
                metadata: {name: grouped, namespace: policies}
                spec:
                  policies: [set-ok, set-missing, set-gone]
                """,
                PolicySet.class))
        .serverSideApply();
    bed.hub
        .resource(
            Serialization.unmarshal(
                """
                apiVersion: policy.open-cluster-management.io/v1
                kind: PlacementBinding
                metadata: {name: grouped-binding, namespace: policies}
                placementRef: {apiGroup: cluster.open-cluster-management.io, kind: Placement, name: grp}
                subjects:
                - {apiGroup: policy.open-cluster-management.io, kind: PolicySet, name: grouped}
                """,
                PlacementBinding.class))
        .serverSideApply();
    bed.decide("grp", List.of("c1"));

    await("the set aggregates its members")
        .atMost(WAIT)
        .until(
            () -> {
              PolicySet set =
                  bed.hub.resources(PolicySet.class).inNamespace(NS).withName("grouped").get();
              return set.getStatus() != null
                  && "NonCompliant".equals(set.getStatus().getCompliant())
                  && "Compliant".equals(bed.clusterState("set-ok", "c1"));
            });
    PolicySet set = bed.hub.resources(PolicySet.class).inNamespace(NS).withName("grouped").get();
    assertThat(set.getStatus().getStatusMessage()).isEqualTo("Deleted policies: set-gone");
    assertThat(set.getStatus().getPlacement())
        .singleElement()
        .satisfies(p -> assertThat(p.getPlacementBinding()).isEqualTo("grouped-binding"));
    assertThat(bed.root("set-ok").getStatus().getPlacement().get(0).getPolicySet())
        .isEqualTo("grouped");
    assertThat(bed.hubReplica("set-ok", "c1").getMetadata().getAnnotations())
        .as("the Git revision travels with the replica")
        .containsEntry(GitSync.ANNOTATION_REVISION, "abc123");
  }

  @Test
  void aReplicaEditedOnTheHubIsPutBack() {
    bed.create(
        policy(
            "guarded",
            "inform",
            """
            - complianceType: musthave
              objectDefinition: {apiVersion: v1, kind: Namespace, metadata: {name: default}}
            """));
    bed.bind("guarded", "guard");
    bed.decide("guard", List.of("c1"));
    await("replicated").atMost(WAIT).until(() -> bed.hubReplica("guarded", "c1") != null);
    bed.hub
        .resources(Policy.class)
        .inNamespace("c1")
        .withName(NS + ".guarded")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"remediationAction\":\"enforce\"},\"metadata\":{\"labels\":{\""
                + Policy.LABEL_CLUSTER_NAME
                + "\":null}}}");
    await("the propagator restores spec and labels")
        .atMost(WAIT)
        .until(
            () -> {
              Policy replica = bed.hubReplica("guarded", "c1");
              return "inform".equals(replica.getSpec().getRemediationAction())
                  && "c1".equals(replica.getMetadata().getLabels().get(Policy.LABEL_CLUSTER_NAME));
            });
  }
}
