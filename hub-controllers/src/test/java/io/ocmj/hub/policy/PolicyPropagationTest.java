package io.ocmj.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1beta1.PolicySet;
import io.ocmj.policy.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyPropagationTest {
  static Policy root(String action, String extraSpec) {
    return Serialization.unmarshal(
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: Policy
        metadata:
          name: p
          namespace: ns
          labels: {team: a, gitops.ocmj.io/sync: ns.repo}
          annotations: {gitops.ocmj.io/revision: abc, policy.open-cluster-management.io/standards: NIST}
        spec:
          disabled: false
          remediationAction: %s
          %s
          policy-templates:
          - objectDefinition:
              apiVersion: policy.open-cluster-management.io/v1
              kind: ConfigurationPolicy
              metadata: {name: cfg}
              spec:
                object-templates:
                - complianceType: musthave
                  objectDefinition:
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: c, namespace: default}
                    data: {cluster: '{{hub .ManagedClusterName hub}}', local: '{{ .ObjectName }}'}
        """
            .formatted(action, extraSpec),
        Policy.class);
  }

  static PlacementBinding binding(String name, String placement, String subjects, String extra) {
    return Serialization.unmarshal(
        """
        apiVersion: policy.open-cluster-management.io/v1
        kind: PlacementBinding
        metadata: {name: %s, namespace: ns}
        placementRef: {apiGroup: cluster.open-cluster-management.io, kind: Placement, name: %s}
        subjects: %s
        %s
        """
            .formatted(name, placement, subjects, extra),
        PlacementBinding.class);
  }

  static final String POLICY_P =
      "[{apiGroup: policy.open-cluster-management.io, kind: Policy, name: p}]";

  @Test
  void theUnionOfTheBindingsDecisionsIsSelected() {
    PolicyPropagation.Plan plan =
        PolicyPropagation.plan(
            root("inform", ""),
            List.of(binding("b1", "one", POLICY_P, ""), binding("b2", "two", POLICY_P, "")),
            List.of(),
            Map.of("one", List.of("c1", "c2"), "two", List.of("c2", "c3")));
    assertThat(plan.clusters()).containsOnlyKeys("c1", "c2", "c3").doesNotContainValue(true);
    assertThat(plan.placements())
        .extracting(p -> p.getPlacementBinding())
        .containsExactly("b1", "b2");
  }

  @Test
  void aRestrictedBindingOnlyOverridesClustersOthersSelected() {
    PolicyPropagation.Plan plan =
        PolicyPropagation.plan(
            root("inform", ""),
            List.of(
                binding("b1", "one", POLICY_P, ""),
                binding(
                    "r",
                    "two",
                    POLICY_P,
                    "subFilter: restricted\nbindingOverrides: {remediationAction: Enforce}")),
            List.of(),
            Map.of("one", List.of("c1"), "two", List.of("c1", "c9")));
    assertThat(plan.clusters()).containsExactly(Map.entry("c1", true));
  }

  @Test
  void aPolicySetBindsItsMembersAndADisabledPolicyGoesNowhere() {
    PolicySet set =
        Serialization.unmarshal(
            "apiVersion: policy.open-cluster-management.io/v1beta1\nkind: PolicySet\n"
                + "metadata: {name: s, namespace: ns}\nspec: {policies: [p]}\n",
            PolicySet.class);
    String setSubject = "[{apiGroup: policy.open-cluster-management.io, kind: PolicySet, name: s}]";
    List<PlacementBinding> bindings = List.of(binding("b", "one", setSubject, ""));
    Map<String, List<String>> decisions = Map.of("one", List.of("c1"));
    PolicyPropagation.Plan plan =
        PolicyPropagation.plan(root("inform", ""), bindings, List.of(set), decisions);
    assertThat(plan.clusters()).containsOnlyKeys("c1");
    assertThat(plan.placements().get(0).getPolicySet()).isEqualTo("s");
    Policy disabled = root("inform", "");
    disabled.getSpec().setDisabled(true);
    assertThat(PolicyPropagation.plan(disabled, bindings, List.of(set), decisions).clusters())
        .isEmpty();
  }

  @Test
  void theReplicaCarriesOcmsLabelsTheRevisionAndTheEnforceOverride() throws Exception {
    HubTemplates templates =
        new HubTemplates(
            root("inform", ""), Map.of("metadata", Map.of("name", "c1")), reads(Map.of()));
    ReplicatedPolicies.Replica replica =
        ReplicatedPolicies.desired(root("inform", ""), "c1", true, templates);
    Policy p = replica.policy();
    assertThat(p.getMetadata().getName()).isEqualTo("ns.p");
    assertThat(p.getMetadata().getNamespace()).isEqualTo("c1");
    assertThat(p.getMetadata().getLabels())
        .containsEntry(Policy.LABEL_ROOT_POLICY, "ns.p")
        .containsEntry(Policy.LABEL_CLUSTER_NAME, "c1")
        .containsEntry(Policy.LABEL_CLUSTER_NAMESPACE, "c1")
        .containsEntry("team", "a")
        .doesNotContainKey(GitSync.LABEL_SYNC);
    assertThat(p.getMetadata().getAnnotations())
        .containsEntry(GitSync.ANNOTATION_REVISION, "abc")
        .containsEntry(Policy.ANNOTATION_ARGOCD_COMPARE, "IgnoreExtraneous");
    assertThat(p.getSpec().getRemediationAction()).isEqualTo("enforce");
    String data =
        Serialization.asJson(p.getSpec().getPolicyTemplates().get(0).getObjectDefinition());
    assertThat(data).contains("\"cluster\":\"c1\"").contains("{{ .ObjectName }}");
    assertThat(replica.templateErrors()).isEmpty();
  }

  @Test
  void copyPolicyMetadataFalseKeepsOnlyOcmKeysAndTheRevision() {
    Policy root = root("inform", "copyPolicyMetadata: false");
    Policy p = ReplicatedPolicies.desired(root, "c1", false, null).policy();
    assertThat(p.getMetadata().getLabels()).doesNotContainKey("team");
    assertThat(p.getMetadata().getAnnotations())
        .containsKey(Policy.ANNOTATION_STANDARDS)
        .containsKey(GitSync.ANNOTATION_REVISION);
  }

  @Test
  void aHubTemplateErrorIsRecordedOnThatTemplateOnly() {
    Policy root = root("inform", "");
    Map<String, Object> data =
        new LinkedHashMap<>(Map.of("x", "{{hub fromSecret \"other-ns\" \"s\" \"k\" hub}}"));
    root.getSpec().getPolicyTemplates().get(0).getObjectDefinition().fields().put("data", data);
    ReplicatedPolicies.Replica replica =
        ReplicatedPolicies.desired(
            root,
            "c1",
            false,
            new HubTemplates(root, Map.of("metadata", Map.of("name", "c1")), reads(Map.of())));
    assertThat(replica.templateErrors()).singleElement().asString().contains("policy namespace ns");
    assertThat(Serialization.asJson(replica.policy().getSpec()))
        .contains(Policy.ANNOTATION_HUB_TEMPLATES_ERROR);
  }

  @Test
  void hubTemplateLookupsAreRestrictedToThePolicyNamespaceAndTheTargetCluster() throws Exception {
    Map<String, Object> secret = Map.of("data", Map.of("k", "djE="));
    HubTemplates templates =
        new HubTemplates(
            root("inform", ""),
            Map.of("metadata", Map.of("name", "c1", "labels", Map.of("env", "prod"))),
            reads(Map.of("ns/s", secret)));
    Map<String, Object> resolved =
        templates.resolve(
            Map.of(
                "a", "{{hub fromSecret \"ns\" \"s\" \"k\" hub}}",
                "b", "{{hub index .ManagedClusterLabels \"env\" hub}}",
                "c",
                    "{{hub (lookup \"cluster.open-cluster-management.io/v1\" \"ManagedCluster\" \"\" \"c1\").metadata.name hub}}"));
    assertThat(resolved)
        .containsEntry("a", "djE=")
        .containsEntry("b", "prod")
        .containsEntry("c", "c1");
    assertThatThrownBy(
            () ->
                templates.resolve(
                    Map.of(
                        "x",
                        "{{hub lookup \"cluster.open-cluster-management.io/v1\" \"ManagedCluster\" \"\" \"c2\" hub}}")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("only the target cluster c1");
    assertThatThrownBy(
            () ->
                templates.resolve(
                    Map.of("x", "{{hub lookup \"v1\" \"Namespace\" \"ns\" \"ns\" hub}}")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("cluster-scoped kind Namespace is not allowed");
    assertThatThrownBy(
            () ->
                templates.resolve(Map.of("x", "{{hub lookup \"v1\" \"Widget\" \"ns\" \"w\" hub}}")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("does not serve kind Widget");
  }

  @Test
  void aPolicySetDependencyExpandsToItsMembers() {
    PolicySet set =
        Serialization.unmarshal(
            "apiVersion: policy.open-cluster-management.io/v1beta1\nkind: PolicySet\n"
                + "metadata: {name: s, namespace: ns}\nspec: {policies: [a, b]}\n",
            PolicySet.class);
    Policy root =
        root(
            "inform",
            "dependencies: [{apiVersion: policy.open-cluster-management.io/v1beta1, kind: PolicySet,"
                + " name: s, compliance: Compliant}]");
    Policy replica = ReplicatedPolicies.desired(root, "c1", false, null, List.of(set)).policy();
    assertThat(replica.getSpec().getDependencies())
        .extracting(d -> d.getKind() + " " + d.getName() + " " + d.getCompliance())
        .containsExactly("Policy ns.a Compliant", "Policy ns.b Compliant");
  }

  @Test
  void theReplicaStampChangesWithItsInputsOnly() {
    PolicySet used =
        Serialization.unmarshal(
            "apiVersion: policy.open-cluster-management.io/v1beta1\nkind: PolicySet\n"
                + "metadata: {name: s, namespace: ns}\nspec: {policies: [a]}\n",
            PolicySet.class);
    PolicySet other =
        Serialization.unmarshal(
            "apiVersion: policy.open-cluster-management.io/v1beta1\nkind: PolicySet\n"
                + "metadata: {name: t, namespace: ns}\nspec: {policies: [x]}\n",
            PolicySet.class);
    Policy root =
        root("inform", "dependencies: [{kind: PolicySet, name: s, compliance: Compliant}]");
    String base = ReplicaWriter.stamp(root, false, List.of(used, other));
    assertThat(ReplicaWriter.stamp(root, false, List.of(other, used))).isEqualTo(base);
    assertThat(ReplicaWriter.stamp(root, true, List.of(used, other))).isNotEqualTo(base);
    other.getSpec().setPolicies(List.of("x", "y"));
    assertThat(ReplicaWriter.stamp(root, false, List.of(used, other)))
        .as("a set the policy does not depend on")
        .isEqualTo(base);
    used.getSpec().setPolicies(List.of("a", "b"));
    assertThat(ReplicaWriter.stamp(root, false, List.of(used, other))).isNotEqualTo(base);
    root.getMetadata().getLabels().put("new", "label");
    assertThat(ReplicaWriter.stamp(root, false, List.of())).isNotEqualTo(base);
  }

  static HubReads reads(Map<String, Map<String, Object>> objects) {
    return new HubReads() {
      @Override
      public Optional<Map<String, Object>> get(
          String apiVersion, String kind, String namespace, String name) {
        return Optional.ofNullable(objects.get(namespace + "/" + name));
      }

      @Override
      public List<Map<String, Object>> list(String apiVersion, String kind, String namespace) {
        return List.of();
      }

      @Override
      public Optional<Boolean> namespaced(String apiVersion, String kind) {
        return kind.equals("Widget") ? Optional.empty() : Optional.of(!kind.equals("Namespace"));
      }
    };
  }
}
