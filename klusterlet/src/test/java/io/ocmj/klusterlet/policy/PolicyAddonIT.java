package io.ocmj.klusterlet.policy;

import static io.ocmj.klusterlet.policy.PolicyTestbed.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfig;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.status.Conditions;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy agent as the governance-policy-framework add-on, on real API servers: it stays idle
 * until the hub enables the add-on for its cluster, then runs with the add-on's own hub identity
 * (which reaches its cluster's policies and nothing else), reports Lease health, and stops when the
 * add-on is disabled.
 */
@KubernetesClusters({"hub", "c1", "c2"})
class PolicyAddonIT {
  private static final String ADDON_NS = ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE;
  private static PolicyTestbed bed;
  private static PolicyAgent c1Agent;
  private static PolicyAgent c2Agent;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed =
        new PolicyTestbed(
            clusters.get("hub"), List.of(clusters.get("c1"), clusters.get("c2")), false);
    c1Agent = bed.startAddonAgent("c1");
    c2Agent = bed.startAddonAgent("c2");
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  @Test
  void theAgentRunsWithTheAddOnsIdentityOnlyWhileTheAddOnIsEnabled() throws Exception {
    bed.hub
        .resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: ClusterManagementAddOn
                metadata: {name: governance-policy-framework}
                spec:
                  supportedConfigs:
                  - group: addon.open-cluster-management.io
                    resource: addondeploymentconfigs
                    defaultConfig: {namespace: policies, name: policy-addon}
                  installStrategy: {type: Manual}
                """,
                ClusterManagementAddOn.class))
        .serverSideApply();
    bed.hub
        .resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: AddOnDeploymentConfig
                metadata: {name: policy-addon, namespace: policies}
                spec:
                  nodePlacement:
                    nodeSelector: {node-role.kubernetes.io/infra: ""}
                  registries:
                  - {source: ghcr.io/ocmj, mirror: mirror.example.com/ocmj}
                """,
                AddOnDeploymentConfig.class))
        .serverSideApply();
    bed.managed("c1")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("default")
                .endMetadata()
                .addToData("mode", "strict")
                .build())
        .serverSideApply();
    bed.create(PolicyTestbed.requireSettings("addon-settings"));
    bed.bind("addon-settings", "both");
    bed.decide("both", List.of("c1", "c2"));
    await("policies replicated to both cluster namespaces")
        .atMost(WAIT)
        .until(
            () ->
                bed.hubReplica("addon-settings", "c1") != null
                    && bed.hubReplica("addon-settings", "c2") != null);
    assertThat(c1Agent.running()).as("no add-on yet: no identity, no agent").isFalse();

    ManagedClusterAddOn mca = new ManagedClusterAddOn();
    mca.getMetadata().setName(Policy.ADDON_NAME);
    mca.getMetadata().setNamespace("c1");
    mca.setSpec(new io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnSpec());
    bed.hub.resource(mca).create();

    await("the add-on's agent runs on c1 and reports compliance")
        .atMost(WAIT)
        .until(
            () ->
                c1Agent.running() && "Compliant".equals(bed.clusterState("addon-settings", "c1")));
    await("its Lease makes the add-on Available")
        .atMost(WAIT)
        .until(
            () ->
                Conditions.find(addon("c1").getStatus().getConditions(), "Available")
                    .map(c -> c.getStatus() + "/" + c.getReason())
                    .orElse(""),
            s -> s.equals("True/" + ManagedClusterAddOn.REASON_LEASE_UPDATED));
    assertThat(c2Agent.running()).as("c2 has no add-on").isFalse();
    assertThat(bed.clusterState("addon-settings", "c2")).isNull();

    // Anyone who may write Secrets in the shared add-on namespace could plant credentials; the
    // agent (cluster-wide rights) takes only what the registration agent would have written.
    // Here: c1's add-on credentials, valid on the hub, copied to c2.
    bed.managed("c2")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(PolicyAgentConfig.ADDON_SECRET)
                .withNamespace(ADDON_NS)
                .endMetadata()
                .withData(secret("c1").getData())
                .build())
        .create();
    await("c2's agent refuses another cluster's identity")
        .atMost(WAIT)
        .until(
            () -> String.valueOf(c2Agent.identityProblem()),
            p ->
                p.equals(
                    "its certificate is not for"
                        + " system:open-cluster-management:cluster:c2:addon:"
                        + "governance-policy-framework:agent:addon-agent"));
    assertThat(c2Agent.running()).isFalse();

    Deployment deployment =
        bed.managed("c1")
            .apps()
            .deployments()
            .inNamespace(ADDON_NS)
            .withName(Policy.ADDON_NAME)
            .get();
    assertThat(deployment).as("the add-on's Deployment, applied by the work agent").isNotNull();
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsExactly("policy", "agent", "--cluster-name=c1", "--addon-namespace=" + ADDON_NS);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .as("the AddOnDeploymentConfig's registries, on the image of this build's version")
        .matches("mirror\\.example\\.com/ocmj/ocmj:\\d+\\.\\d+\\.\\d+.*");
    assertThat(deployment.getSpec().getTemplate().getSpec().getNodeSelector())
        .as("the AddOnDeploymentConfig's nodePlacement")
        .containsEntry("node-role.kubernetes.io/infra", "");

    try (KubernetesClient asAddon = addonClient("c1")) {
      assertThat(asAddon.resources(Policy.class).inNamespace("c1").list().getItems())
          .extracting(p -> p.getMetadata().getName())
          .contains(Policy.replicaName(PolicyTestbed.NS, "addon-settings"));
      assertForbidden(() -> asAddon.resources(Policy.class).inNamespace("c2").list());
      assertForbidden(() -> asAddon.resources(Policy.class).inNamespace(PolicyTestbed.NS).list());
      assertForbidden(() -> asAddon.secrets().inNamespace("c1").list());
      assertForbidden(
          () ->
              asAddon
                  .resources(Policy.class)
                  .inNamespace("c1")
                  .withName(Policy.replicaName(PolicyTestbed.NS, "addon-settings"))
                  .patch(
                      PatchContext.of(PatchType.JSON_MERGE),
                      "{\"spec\":{\"remediationAction\":\"enforce\"}}"));
    }

    String replica = Policy.replicaName(PolicyTestbed.NS, "addon-settings");
    assertThat(bed.managed("c1").resources(Policy.class).inNamespace("c1").withName(replica).get())
        .as("the agent's copy of the policy")
        .isNotNull();
    // Deleting the credentials (anyone who may write in the add-on namespace can) is not disabling
    // the add-on: the hub still has it, so nothing is uninstalled, and new credentials follow.
    String before = secret("c1").getData().get("tls.crt");
    bed.managed("c1").resource(secret("c1")).delete();
    await("new credentials, and the agent runs again")
        .atMost(WAIT)
        .until(
            () ->
                secret("c1") != null
                    && !before.equals(secret("c1").getData().get("tls.crt"))
                    && c1Agent.running());
    assertThat(bed.managed("c1").resources(Policy.class).inNamespace("c1").withName(replica).get())
        .as("the policy copy stayed while the add-on is enabled")
        .isNotNull()
        .satisfies(p -> assertThat(p.getMetadata().getDeletionTimestamp()).isNull());
    bed.hub.resource(addon("c1")).delete();
    await("disabled: the agent's policies, finalizers and Lease go with it")
        .atMost(WAIT)
        .until(
            () ->
                bed.managed("c1").resources(Policy.class).inNamespace("c1").withName(replica).get()
                        == null
                    && bed.managed("c1")
                            .leases()
                            .inNamespace(ADDON_NS)
                            .withName(Policy.ADDON_NAME)
                            .get()
                        == null);
    await("disabled: credentials gone, agent stopped, Deployment removed")
        .atMost(WAIT)
        .until(
            () ->
                secret("c1") == null
                    && !c1Agent.running()
                    && bed.managed("c1")
                            .apps()
                            .deployments()
                            .inNamespace(ADDON_NS)
                            .withName(Policy.ADDON_NAME)
                            .get()
                        == null);
  }

  private static ManagedClusterAddOn addon(String cluster) {
    return bed.hub
        .resources(ManagedClusterAddOn.class)
        .inNamespace(cluster)
        .withName(Policy.ADDON_NAME)
        .get();
  }

  private static Secret secret(String cluster) {
    return bed.managed(cluster)
        .secrets()
        .inNamespace(ADDON_NS)
        .withName(PolicyAgentConfig.ADDON_SECRET)
        .get();
  }

  private static String kubeconfig(String cluster) {
    return new String(
        Base64.getDecoder().decode(secret(cluster).getData().get("kubeconfig")),
        StandardCharsets.UTF_8);
  }

  private static KubernetesClient addonClient(String cluster) {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(kubeconfig(cluster)))
        .build();
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }
}
