package io.ocmj.hub.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.AddOnConfig;
import io.ocmj.api.addon.v1alpha1.AddOnTemplate;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1alpha1.RolloutStrategy;
import io.ocmj.api.work.v1.ManifestWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The add-on manager's pure parts: config precedence, template variables, splitting, rollout. */
class AddonLogicTest {
  private static AddOnConfig config(String resource, String name) {
    AddOnConfig c = new AddOnConfig();
    c.setGroup("addon.open-cluster-management.io");
    c.setResource(resource);
    c.setNamespace("addons");
    c.setName(name);
    return c;
  }

  private static io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnStatus status(String... typeStatus) {
    var status = new io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnStatus();
    for (int i = 0; i < typeStatus.length; i += 2) {
      io.ocmj.api.status.Conditions.set(
          status.getConditions(),
          typeStatus[i],
          typeStatus[i + 1],
          "R",
          "m",
          1L,
          java.time.Instant.EPOCH);
    }
    return status;
  }

  @Test
  void onlyAConfiguredAppliedSettledAddOnWaitsForTheLongInterval() {
    assertThat(
            AddonDeployer.healthy(
                status("Configured", "True", "ManifestApplied", "True", "Progressing", "False")))
        .isTrue();
    assertThat(
            AddonDeployer.healthy(
                status(
                    "Configured",
                    "True",
                    "ManifestApplied",
                    "True",
                    "RegistrationApplied",
                    "True")))
        .isTrue();
    assertThat(AddonDeployer.healthy(status("Configured", "False", "ManifestApplied", "True")))
        .isFalse();
    assertThat(AddonDeployer.healthy(status("Configured", "True", "ManifestApplied", "False")))
        .isFalse();
    assertThat(
            AddonDeployer.healthy(
                status("Configured", "True", "ManifestApplied", "True", "Progressing", "True")))
        .isFalse();
    assertThat(
            AddonDeployer.healthy(
                status(
                    "Configured",
                    "True",
                    "ManifestApplied",
                    "True",
                    "RegistrationApplied",
                    "False")))
        .isFalse();
    assertThat(AddonDeployer.healthy(status())).isFalse();
  }

  @Test
  void configsTakeTheAddOnsOverThePlacementsOverTheDefault() {
    ClusterManagementAddOn cma =
        Serialization.unmarshal(
            """
            apiVersion: addon.open-cluster-management.io/v1alpha1
            kind: ClusterManagementAddOn
            metadata: {name: a}
            spec:
              supportedConfigs:
              - group: addon.open-cluster-management.io
                resource: addondeploymentconfigs
                defaultConfig: {namespace: addons, name: default}
              - group: addon.open-cluster-management.io
                resource: addontemplates
                defaultConfig: {name: t}
            """,
            ClusterManagementAddOn.class);
    ManagedClusterAddOn mca = new ManagedClusterAddOn();
    mca.setSpec(new io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnSpec());
    var fromDefault = AddonConfigs.desired(cma, List.of(), mca);
    assertThat(fromDefault.get("addondeploymentconfigs.addon.open-cluster-management.io").getName())
        .isEqualTo("default");
    var fromPlacement =
        AddonConfigs.desired(cma, List.of(config("addondeploymentconfigs", "placement")), mca);
    assertThat(
            fromPlacement.get("addondeploymentconfigs.addon.open-cluster-management.io").getName())
        .isEqualTo("placement");
    assertThat(fromPlacement.get("addontemplates.addon.open-cluster-management.io").getName())
        .isEqualTo("t");
    mca.getSpec().getConfigs().add(config("addondeploymentconfigs", "own"));
    var fromAddOn =
        AddonConfigs.desired(cma, List.of(config("addondeploymentconfigs", "placement")), mca);
    assertThat(fromAddOn.get("addondeploymentconfigs.addon.open-cluster-management.io").getName())
        .isEqualTo("own");
  }

  @Test
  void specHashesIgnoreKeyOrder() {
    assertThat(AddonConfigs.specHash(Map.of("a", 1, "b", List.of("x"))))
        .isEqualTo(
            AddonConfigs.specHash(new java.util.TreeMap<>(Map.of("b", List.of("x"), "a", 1))))
        .hasSize(64)
        .isNotEqualTo(AddonConfigs.specHash(Map.of("a", 2, "b", List.of("x"))));
    assertThat(AddonConfigs.specHash(null)).isEmpty();
  }

  @Test
  void templateVariablesAreReplacedAndAnUnknownOneIsNamed() {
    AddOnTemplate template =
        Serialization.unmarshal(
            """
            apiVersion: addon.open-cluster-management.io/v1alpha1
            kind: AddOnTemplate
            metadata: {name: t}
            spec:
              addonName: a
              agentSpec:
                workload:
                  manifests:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: "a-{{CLUSTER_NAME}}", namespace: "{{ INSTALL_NAMESPACE }}"}
                    data: {x: "$1 {{X}}", list: ["{{X}}"]}
            """,
            AddOnTemplate.class);
    AddonContext context =
        new AddonContext(
            "c1",
            null,
            "ns",
            Map.of("CLUSTER_NAME", "c1", "INSTALL_NAMESPACE", "ns", "X", "v$"),
            null);
    var manifests = new TemplateAgent(template).manifests(context);
    assertThat(Serialization.asJson(manifests.get(0)))
        .contains("\"name\":\"a-c1\"", "\"namespace\":\"ns\"", "\"x\":\"$1 v$\"", "[\"v$\"]");
    AddonContext missing = new AddonContext("c1", null, "ns", Map.of("CLUSTER_NAME", "c1"), null);
    assertThatThrownBy(() -> new TemplateAgent(template).manifests(missing))
        .hasMessage(
            "AddOnTemplate t spec.agentSpec.workload.manifests[0]: unknown variable"
                + " {{INSTALL_NAMESPACE}} (known: CLUSTER_NAME)");
  }

  @Test
  void manifestsAreSplitIntoWorksOfAtMost40KiB() {
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      manifests.add(Map.of("kind", "ConfigMap", "data", Map.of("x", "y".repeat(15 * 1024))));
    }
    var works = AddonWorks.split(manifests);
    assertThat(works).hasSize(3);
    assertThat(works.get(0)).hasSize(2);
    assertThat(AddonWorks.name("hello", 2)).isEqualTo("addon-hello-deploy-2");
  }

  /**
   * A cluster admitted to {@code admitted}, its work written with "new" and Available when done.
   */
  private static AddonRollout.Target target(String cluster, String admitted, boolean done) {
    ManagedClusterAddOn mca = new ManagedClusterAddOn();
    mca.getMetadata().setNamespace(cluster);
    if (admitted != null) {
      mca.getMetadata().setAnnotations(Map.of(AddonRollout.ANNOTATION_CONFIG_HASH, admitted));
    }
    ManifestWork work = new ManifestWork();
    work.getMetadata().setGeneration(2L);
    work.getMetadata()
        .setAnnotations(
            Map.of(AddonRollout.ANNOTATION_CONFIG_HASH, "new".equals(admitted) ? "new" : "old"));
    work.setStatus(new io.ocmj.api.work.v1.ManifestWorkStatus());
    for (String type : List.of("Applied", "Available")) {
      Condition c = new Condition();
      c.setType(type);
      c.setStatus("True");
      c.setObservedGeneration(done ? 2L : 1L); // not done: still the previous generation's
      work.getStatus().getConditions().add(c);
    }
    return new AddonRollout.Target(mca, "new", List.of(work));
  }

  @Test
  void progressiveRolloutKeepsAtMostMaxConcurrencyInProgress() {
    RolloutStrategy progressive =
        Serialization.unmarshal(
            "type: Progressive\nprogressive: {maxConcurrency: 2}\n", RolloutStrategy.class);
    // c1 done, c2 in progress, c3..c5 waiting: one more may start.
    List<AddonRollout.Target> targets =
        List.of(
            target("c1", "new", true),
            target("c2", "new", false),
            target("c3", "old", false),
            target("c4", null, false),
            target("c5", "old", false));
    assertThat(AddonRollout.toAdmit(progressive, targets))
        .extracting(t -> t.mca().getMetadata().getNamespace())
        .containsExactly("c3");
    assertThat(AddonRollout.toAdmit(null, targets)).hasSize(3);
    RolloutStrategy percent =
        Serialization.unmarshal(
            "type: Progressive\nprogressive: {maxConcurrency: 60%}\n", RolloutStrategy.class);
    assertThat(AddonRollout.toAdmit(percent, targets)).hasSize(2); // 60% of 5 = 3, one running
  }
}
