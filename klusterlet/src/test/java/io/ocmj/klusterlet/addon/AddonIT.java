package io.ocmj.klusterlet.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfig;
import io.ocmj.api.addon.v1alpha1.AddOnTemplate;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.status.Conditions;
import io.ocmj.klusterlet.work.WorkTestbed;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The add-on manager on real API servers: OCM's add-on YAML (ClusterManagementAddOn with install
 * strategy Placements, AddOnTemplate, AddOnDeploymentConfig) installs and configures agents on the
 * clusters a placement decides; the work agents apply them; an add-on written in Java (found via
 * META-INF/services) is enabled by hand.
 */
@KubernetesClusters({"hub", "c1", "c2"})
class AddonIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String NS = "addons";
  private static WorkTestbed bed;
  private static KubernetesClient hub;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed = new WorkTestbed(clusters.get("hub"), List.of(clusters.get("c1"), clusters.get("c2")));
    hub = bed.hub;
    hub.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  private static void deploymentConfig(String name, String greeting) {
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: AddOnDeploymentConfig
                metadata: {name: %s, namespace: %s}
                spec:
                  customizedVariables:
                  - {name: GREETING, value: %s}
                """
                    .formatted(name, NS, greeting),
                AddOnDeploymentConfig.class))
        .serverSideApply();
  }

  private static ManagedClusterAddOn addon(String cluster, String name) {
    return hub.resources(ManagedClusterAddOn.class).inNamespace(cluster).withName(name).get();
  }

  private static Optional<Condition> condition(String cluster, String name, String type) {
    ManagedClusterAddOn mca = addon(cluster, name);
    return mca == null || mca.getStatus() == null
        ? Optional.empty()
        : Conditions.find(mca.getStatus().getConditions(), type);
  }

  /** The Progressing message, for asserting on and for the failure message when it is not. */
  /** Whether the add-on's Progressing condition says Completed. */
  private static boolean completed(String cluster, String name) {
    return condition(cluster, name, "Progressing")
        .map(x -> "Completed".equals(x.getReason()))
        .orElse(false);
  }

  private static String progressing(String cluster, String name) {
    return condition(cluster, name, "Progressing").map(c -> c.getMessage()).orElse("<none>");
  }

  /** A ClusterManagementAddOn (Manual) whose agent is the AddOnTemplate {@code template}. */
  private static void templateAddon(String name, String template) {
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: ClusterManagementAddOn
                metadata: {name: %s}
                spec:
                  supportedConfigs:
                  - group: addon.open-cluster-management.io
                    resource: addontemplates
                    defaultConfig: {name: %s}
                """
                    .formatted(name, template),
                ClusterManagementAddOn.class))
        .serverSideApply();
  }

  /** Waits until the add-on's RegistrationApplied message is {@code expected}. */
  private static void awaitRegistrationMessage(
      String why, String cluster, String addon, String expected) {
    await(why)
        .atMost(WAIT)
        .until(
            () ->
                condition(cluster, addon, "RegistrationApplied")
                    .map(c -> c.getMessage())
                    .orElse(""),
            expected::equals);
  }

  /** A ManagedClusterAddOn by hand (install strategy Manual). */
  private static void enable(String cluster, String name) {
    ManagedClusterAddOn mca = new ManagedClusterAddOn();
    mca.getMetadata().setName(name);
    mca.getMetadata().setNamespace(cluster);
    mca.setSpec(new io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnSpec());
    hub.resource(mca).create();
  }

  /** The configs (hash) the rollout admitted the cluster's add-on to. */
  private static String admitted(String cluster, String name) {
    ManagedClusterAddOn mca = addon(cluster, name);
    return mca == null || mca.getMetadata().getAnnotations() == null
        ? null
        : mca.getMetadata().getAnnotations().get("addon.ocmj.io/rollout-config-hash");
  }

  /** Admissions, greetings and works of the add-on on c1 and c2, for a failure message. */
  private static String rolloutState(String addon) {
    StringBuilder state = new StringBuilder();
    for (String c : List.of("c1", "c2")) {
      state
          .append(c)
          .append(": admitted=")
          .append(admitted(c, addon))
          .append(" greeting=")
          .append(greeting(c, addon))
          .append(" progressing=")
          .append(progressing(c, addon))
          .append(" works=");
      for (var w :
          hub.resources(io.ocmj.api.work.v1.ManifestWork.class).inNamespace(c).list().getItems()) {
        if (w.getMetadata().getName().contains(addon)) {
          state
              .append(w.getMetadata().getName())
              .append("{gen=")
              .append(w.getMetadata().getGeneration())
              .append(" annotations=")
              .append(w.getMetadata().getAnnotations())
              .append(" conditions=")
              .append(
                  w.getStatus() == null
                      ? null
                      : w.getStatus().getConditions().stream()
                          .map(
                              x ->
                                  x.getType()
                                      + "="
                                      + x.getStatus()
                                      + "@"
                                      + x.getObservedGeneration())
                          .toList())
              .append("} ");
        }
      }
      state.append('\n');
    }
    return state.toString();
  }

  private static String greeting(String cluster, String configMap) {
    ConfigMap cm =
        bed.managed(cluster).configMaps().inNamespace("default").withName(configMap).get();
    return cm == null ? null : cm.getData().get("greeting");
  }

  @Test
  void placementsInstallTemplateAddOnsWithOcmsConfigPrecedence() {
    deploymentConfig("defaults", "from-default");
    deploymentConfig("placement-cfg", "from-placement");
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: AddOnTemplate
                metadata: {name: hello-template}
                spec:
                  addonName: hello
                  agentSpec:
                    workload:
                      manifests:
                      - apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: "hello-{{CLUSTER_NAME}}", namespace: default}
                        data: {greeting: "{{GREETING}}", installNamespace: "{{INSTALL_NAMESPACE}}"}
                """,
                AddOnTemplate.class))
        .serverSideApply();
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: ClusterManagementAddOn
                metadata: {name: hello}
                spec:
                  addOnMeta: {displayName: Hello, description: a greeting per cluster}
                  supportedConfigs:
                  - group: addon.open-cluster-management.io
                    resource: addondeploymentconfigs
                    defaultConfig: {namespace: addons, name: defaults}
                  - group: addon.open-cluster-management.io
                    resource: addontemplates
                    defaultConfig: {name: hello-template}
                  installStrategy:
                    type: Placements
                    placements:
                    - namespace: addons
                      name: everywhere
                      configs:
                      - group: addon.open-cluster-management.io
                        resource: addondeploymentconfigs
                        namespace: addons
                        name: placement-cfg
                """,
                ClusterManagementAddOn.class))
        .serverSideApply();
    bed.decide(NS, "everywhere", List.of("c1", "c2"));

    await("the placement's config wins over the default, on both clusters")
        .atMost(WAIT)
        .until(
            () ->
                "from-placement".equals(greeting("c1", "hello-c1"))
                    && "from-placement".equals(greeting("c2", "hello-c2")));
    await("the add-on is Available from its works")
        .atMost(WAIT)
        .until(
            () ->
                condition("c1", "hello", ManagedClusterAddOn.CONDITION_AVAILABLE)
                    .map(c -> Conditions.TRUE.equals(c.getStatus()))
                    .orElse(false));
    ManagedClusterAddOn c1 = addon("c1", "hello");
    assertThat(c1.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("ClusterManagementAddOn"));
    assertThat(Conditions.isTrue(c1.getStatus().getConditions(), "Configured")).isTrue();
    assertThat(Conditions.isTrue(c1.getStatus().getConditions(), "ManifestApplied")).isTrue();
    assertThat(c1.getStatus().getConfigReferences())
        .anySatisfy(
            r -> {
              assertThat(r.getResource()).isEqualTo("addondeploymentconfigs");
              assertThat(r.getDesiredConfig().getName()).isEqualTo("placement-cfg");
              assertThat(r.getDesiredConfig().getSpecHash()).hasSize(64);
            });
    assertThat(c1.getStatus().getNamespace()).isEqualTo("open-cluster-management-agent-addon");
    assertThat(
            hub.resources(io.ocmj.api.work.v1.ManifestWork.class)
                .inNamespace("c1")
                .withName("addon-hello-deploy-0")
                .get())
        .isNotNull();

    // The ManagedClusterAddOn's own config wins over the placement's; missing, it stops the add-on.
    hub.resources(ManagedClusterAddOn.class)
        .inNamespace("c2")
        .withName("hello")
        .edit(
            m -> {
              // No resourceVersion in the patch: controllers write this object's status meanwhile.
              m.getMetadata().setResourceVersion(null);
              var own = new io.ocmj.api.addon.v1alpha1.AddOnConfig();
              own.setGroup("addon.open-cluster-management.io");
              own.setResource("addondeploymentconfigs");
              own.setNamespace(NS);
              own.setName("mca-cfg");
              m.getSpec().setConfigs(List.of(own));
              return m;
            });
    await("a missing config is named in Configured=False")
        .atMost(WAIT)
        .until(
            () ->
                condition("c2", "hello", "Configured")
                    .map(
                        c ->
                            Conditions.FALSE.equals(c.getStatus())
                                && "ConfigurationsNotConfigured".equals(c.getReason())
                                && c.getMessage()
                                    .equals(
                                        "addondeploymentconfigs.addon.open-cluster-management.io"
                                            + " addons/mca-cfg not found"))
                    .orElse(false));
    assertThat(greeting("c2", "hello-c2")).as("what was applied stays").isEqualTo("from-placement");
    deploymentConfig("mca-cfg", "from-mca");
    await("the add-on's own config wins")
        .atMost(WAIT)
        .until(() -> "from-mca".equals(greeting("c2", "hello-c2")));
    assertThat(greeting("c1", "hello-c1")).isEqualTo("from-placement");

    // c2 leaves the decision: its add-on, its works and what they applied go.
    bed.decide(NS, "everywhere", List.of("c1"));
    await("the add-on is removed from the cluster that left")
        .atMost(WAIT)
        .until(() -> addon("c2", "hello") == null && greeting("c2", "hello-c2") == null);
    assertThat(greeting("c1", "hello-c1")).isEqualTo("from-placement");
  }

  @Test
  void aJavaAddOnIsEnabledByHandAndBadInputIsReportedWithoutHarmingOthers() {
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: ClusterManagementAddOn
                metadata: {name: java-hello}
                spec:
                  supportedConfigs:
                  - {group: addon.open-cluster-management.io, resource: addondeploymentconfigs}
                """,
                ClusterManagementAddOn.class))
        .serverSideApply();
    enable("c1", "java-hello");
    await("the Java add-on's manifests reach the cluster")
        .atMost(WAIT)
        .until(() -> "hello".equals(greeting("c1", "java-hello")));

    // A config kind the add-on does not support, on another cluster: named, nothing deployed.
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: ManagedClusterAddOn
                metadata: {name: java-hello, namespace: c2}
                spec:
                  configs:
                  - {group: example.com, resource: widgets, namespace: addons, name: w}
                """,
                ManagedClusterAddOn.class))
        .create();
    await("the unsupported config is named")
        .atMost(WAIT)
        .until(
            () ->
                condition("c2", "java-hello", "Configured")
                    .map(
                        c ->
                            Conditions.FALSE.equals(c.getStatus())
                                && c.getMessage()
                                    .equals(
                                        "widgets.example.com addons/w is not among the supported"
                                            + " configs of add-on java-hello"))
                    .orElse(false));
    assertThat(greeting("c2", "java-hello")).isNull();

    // A template with a variable nobody defines: ManifestApplied=False naming it.
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: AddOnTemplate
                metadata: {name: broken-template}
                spec:
                  addonName: broken
                  agentSpec:
                    workload:
                      manifests:
                      - apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: broken, namespace: default}
                        data: {x: "{{NOPE}}"}
                """,
                AddOnTemplate.class))
        .serverSideApply();
    templateAddon("broken", "broken-template");
    enable("c1", "broken");
    await("the unknown variable is named")
        .atMost(WAIT)
        .until(
            () ->
                condition("c1", "broken", "ManifestApplied")
                    .map(
                        c ->
                            Conditions.FALSE.equals(c.getStatus())
                                && c.getMessage()
                                    .startsWith(
                                        "AddOnTemplate broken-template"
                                            + " spec.agentSpec.workload.manifests[0]: unknown"
                                            + " variable {{NOPE}}"))
                    .orElse(false));
    assertThat(greeting("c1", "java-hello"))
        .as("the other add-on is unaffected")
        .isEqualTo("hello");
    // Manifests the managed API server refuses: the work's reason, on the add-on.
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: AddOnTemplate
                metadata: {name: refused-template}
                spec:
                  addonName: refused
                  agentSpec:
                    workload:
                      manifests:
                      - apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: Not_A_Valid_Name, namespace: default}
                """,
                AddOnTemplate.class))
        .serverSideApply();
    templateAddon("refused", "refused-template");
    enable("c1", "refused");
    await("the managed API server's refusal is on the add-on")
        .atMost(WAIT)
        .until(
            () ->
                condition("c1", "refused", "ManifestApplied")
                    .map(
                        c ->
                            Conditions.FALSE.equals(c.getStatus())
                                && "AddonManifestAppliedFailed".equals(c.getReason())
                                && c.getMessage().startsWith("addon-refused-deploy-0: ")
                                && c.getMessage().contains("Not_A_Valid_Name"))
                    .orElse(false));
    // Customized variables off OCM's schema are refused by the hub's API server, naming the field.
    assertThatThrownBy(
            () ->
                hub.resource(
                        Serialization.unmarshal(
                            """
                            apiVersion: addon.open-cluster-management.io/v1alpha1
                            kind: AddOnDeploymentConfig
                            metadata: {name: bad-variables, namespace: addons}
                            spec:
                              customizedVariables:
                              - {name: 1-not-a-name, value: x}
                            """,
                            AddOnDeploymentConfig.class))
                    .create())
        .hasMessageContaining("spec.customizedVariables[0].name");
    await("and stays Available")
        .atMost(WAIT)
        .until(
            () ->
                Conditions.TRUE.equals(
                    condition("c1", "java-hello", "Available")
                        .map(Condition::getStatus)
                        .orElse(null)));
  }

  @Test
  void aConfigChangeRollsOutToOneClusterAtATime() {
    deploymentConfig("roll-cfg", "v1");
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: AddOnTemplate
                metadata: {name: roll-template}
                spec:
                  addonName: roll
                  agentSpec:
                    workload:
                      manifests:
                      - apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: roll, namespace: default}
                        data: {greeting: "{{GREETING}}"}
                """,
                AddOnTemplate.class))
        .serverSideApply();
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: ClusterManagementAddOn
                metadata: {name: roll}
                spec:
                  supportedConfigs:
                  - {group: addon.open-cluster-management.io, resource: addondeploymentconfigs}
                  - group: addon.open-cluster-management.io
                    resource: addontemplates
                    defaultConfig: {name: roll-template}
                  installStrategy:
                    type: Placements
                    placements:
                    - namespace: addons
                      name: roll-everywhere
                      configs:
                      - {group: addon.open-cluster-management.io, resource: addondeploymentconfigs,
                         namespace: addons, name: roll-cfg}
                      rolloutStrategy:
                        type: Progressive
                        progressive: {maxConcurrency: 1}
                """,
                ClusterManagementAddOn.class))
        .serverSideApply();
    bed.decide(NS, "roll-everywhere", List.of("c1", "c2"));
    await("installed on both")
        .atMost(WAIT)
        .until(() -> "v1".equals(greeting("c1", "roll")) && "v1".equals(greeting("c2", "roll")));

    await("the first rollout is complete: both admitted and Completed")
        .atMost(WAIT)
        .until(
            () ->
                List.of("c1", "c2").stream()
                    .allMatch(c -> admitted(c, "roll") != null && completed(c, "roll")));
    // c1 (first in order) cannot finish its update while its work agent is down: c2 must wait.
    bed.stopAgent("c1");
    try {
      deploymentConfig("roll-cfg", "v2");
      try {
        await("c1 is being updated, c2 waits for the rollout")
            .atMost(WAIT)
            .until(
                () -> List.of(progressing("c1", "roll"), progressing("c2", "roll")),
                both ->
                    both.get(0).startsWith("applying configs")
                        && both.get(1).startsWith("waiting for the rollout"));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError(e.getMessage() + "\n" + rolloutState("roll"), e);
      }
      String c2Admitted = admitted("c2", "roll");
      await("c2 keeps the old config, and is not admitted, while c1 is in progress")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  "v1".equals(greeting("c2", "roll"))
                      && java.util.Objects.equals(c2Admitted, admitted("c2", "roll")));
    } finally {
      bed.startAgent("c1");
    }
    await("once c1 is done, c2 follows")
        .atMost(WAIT)
        .until(() -> "v2".equals(greeting("c1", "roll")) && "v2".equals(greeting("c2", "roll")));
    await("the rollout is complete on both")
        .atMost(WAIT)
        .until(() -> List.of("c1", "c2").stream().allMatch(c -> completed(c, "roll")));
  }

  @Test
  void leaseHealthFollowsTheAddOnsLease() {
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: ClusterManagementAddOn
                metadata: {name: lease-hello}
                spec: {}
                """,
                ClusterManagementAddOn.class))
        .serverSideApply();
    enable("c1", "lease-hello");
    await("no lease yet: Available=Unknown")
        .atMost(WAIT)
        .until(
            () ->
                condition("c1", "lease-hello", "Available")
                    .map(
                        c ->
                            "Unknown".equals(c.getStatus())
                                && "ManagedClusterAddOnLeaseNotFound".equals(c.getReason()))
                    .orElse(false));
    assertThat(addon("c1", "lease-hello").getStatus().getHealthCheck().getMode())
        .isEqualTo(io.ocmj.api.addon.v1alpha1.HealthCheckMode.Lease);
    String ns = "open-cluster-management-agent-addon";
    await("the add-on's namespace is there")
        .atMost(WAIT)
        .until(() -> bed.managed("c1").namespaces().withName(ns).get() != null);
    lease(ns, java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
    await("a renewed lease: Available=True")
        .atMost(WAIT)
        .until(
            () ->
                condition("c1", "lease-hello", "Available")
                    .map(c -> "True".equals(c.getStatus()))
                    .orElse(false));
    await("and it stays True (the manager does not put its own Available back)")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                condition("c1", "lease-hello", "Available")
                    .map(c -> "True".equals(c.getStatus()))
                    .orElse(false));
    lease(ns, java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(10));
    await("a lease no longer renewed: Available=False")
        .atMost(WAIT)
        .until(
            () ->
                condition("c1", "lease-hello", "Available")
                    .map(
                        c ->
                            "False".equals(c.getStatus())
                                && "ManagedClusterAddOnLeaseUpdateStopped".equals(c.getReason()))
                    .orElse(false));
  }

  @Test
  void aClusterGoneUnknownTakesItsAddOnsAvailableWithIt() {
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: AddOnTemplate
                metadata: {name: health-template}
                spec:
                  addonName: health
                  agentSpec:
                    workload:
                      manifests:
                      - apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: health, namespace: default}
                        data: {cluster: "{{CLUSTER_NAME}}"}
                """,
                AddOnTemplate.class))
        .serverSideApply();
    templateAddon("health", "health-template");
    enable("c2", "health");
    await("available from its work")
        .atMost(WAIT)
        .until(() -> available("c2", "health"), a -> a.equals("True/WorkApplied"));

    leaseSeconds("c2", 1);
    bed.stopRegistration("c2");
    try {
      await("the cluster's Unknown is copied onto its add-on")
          .atMost(WAIT)
          .until(
              () -> available("c2", "health"),
              a -> a.equals("Unknown/ManagedClusterLeaseUpdateStopped"));
    } finally {
      bed.startRegistration("c2");
      leaseSeconds("c2", 60);
    }
    await("back with its cluster")
        .atMost(WAIT)
        .until(() -> available("c2", "health"), a -> a.equals("True/WorkApplied"));
  }

  private static String available(String cluster, String addon) {
    return condition(cluster, addon, "Available")
        .map(c -> c.getStatus() + "/" + c.getReason())
        .orElse("<none>");
  }

  private static void leaseSeconds(String cluster, int seconds) {
    hub.resources(io.ocmj.api.cluster.v1.ManagedCluster.class)
        .withName(cluster)
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"spec\":{\"leaseDurationSeconds\":" + seconds + "}}");
  }

  @Test
  void anAddOnsHubIdentityCanDoWhatItDeclaredAndNothingElse() throws Exception {
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: AddOnDeploymentConfig
                metadata: {name: reg-hello, namespace: addons}
                spec: {agentInstallNamespace: reg-hello-agent}
                """,
                AddOnDeploymentConfig.class))
        .serverSideApply();
    hub.resource(
            Serialization.unmarshal(
                """
                apiVersion: addon.open-cluster-management.io/v1alpha1
                kind: ClusterManagementAddOn
                metadata: {name: reg-hello}
                spec:
                  supportedConfigs:
                  - group: addon.open-cluster-management.io
                    resource: addondeploymentconfigs
                    defaultConfig: {namespace: addons, name: reg-hello}
                """,
                ClusterManagementAddOn.class))
        .serverSideApply();
    enable("c1", "reg-hello");
    await("the add-on's hub kubeconfig is on the cluster")
        .atMost(WAIT)
        .until(
            () ->
                bed.managed("c1")
                        .secrets()
                        .inNamespace("reg-hello-agent")
                        .withName("reg-hello-hub-kubeconfig")
                        .get()
                    != null);
    ManagedClusterAddOn mca = addon("c1", "reg-hello");
    assertThat(mca.getStatus().getRegistrations())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getSubject().getUser())
                    .isEqualTo(
                        "system:open-cluster-management:cluster:c1:addon:reg-hello:agent:addon-agent"));
    assertThat(Conditions.isTrue(mca.getStatus().getConditions(), "RegistrationApplied")).isTrue();
    try (KubernetesClient asAddon = addonClient("c1", "reg-hello-agent", "reg-hello")) {
      assertThat(asAddon.configMaps().inNamespace("c1").list().getItems()).isNotNull();
      assertForbidden(() -> asAddon.secrets().inNamespace("c1").list());
      assertForbidden(() -> asAddon.configMaps().inNamespace("c2").list());
    }
  }

  @Test
  void aTemplatesKubeClientRegistrationBindsItsClusterRoleInTheClusterNamespace() throws Exception {
    hub.resource(
            new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder()
                .withNewMetadata()
                .withName("template-cm-reader")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps")
                .withVerbs("get", "list")
                .endRule()
                .build())
        .serverSideApply();
    hub.resource(
            template("CurrentCluster", "currentCluster: {clusterRoleName: template-cm-reader}"))
        .serverSideApply();
    templateAddon("reg-tpl", "reg-tpl-template");
    enable("c1", "reg-tpl");
    String ns = ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE;
    await("the template add-on's hub kubeconfig is on the cluster")
        .atMost(WAIT)
        .until(
            () ->
                bed.managed("c1").secrets().inNamespace(ns).withName("reg-tpl-hub-kubeconfig").get()
                    != null);
    try (KubernetesClient asAddon = addonClient("c1", ns, "reg-tpl")) {
      await("the ClusterRole is bound in c1's namespace")
          .atMost(WAIT)
          .ignoreExceptions()
          .until(() -> asAddon.configMaps().inNamespace("c1").list().getItems() != null);
      assertForbidden(() -> asAddon.configMaps().inNamespace("c2").list());
      assertForbidden(() -> asAddon.secrets().inNamespace("c1").list());

      hub.resource(
              template(
                  "SingleNamespace",
                  "singleNamespace: {namespace: addons, roleRef: {apiGroup:"
                      + " rbac.authorization.k8s.io, kind: ClusterRole, name: template-cm-reader}}"))
          .serverSideApply();
      awaitRegistrationMessage(
          "an unsupported permission is named in RegistrationApplied",
          "c1",
          "reg-tpl",
          "AddOnTemplate reg-tpl-template spec.registration[0].kubeClient"
              + ".hubPermissions[0]: type SingleNamespace is not supported yet (only"
              + " CurrentCluster)");
      await("what it had stays")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> asAddon.configMaps().inNamespace("c1").list().getItems() != null);
    }
  }

  @Test
  void aCustomSignerRegistrationIsSignedByTheHubWithTheNamedCa() throws Exception {
    io.ocmj.testing.CertificateAuthority ca =
        io.ocmj.testing.CertificateAuthority.create("example-signer-ca");
    hub.resource(
            new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata()
                .withName("signer-ca")
                .withNamespace(NS)
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToStringData("tls.crt", ca.certificatePem())
                .addToStringData("tls.key", ca.privateKeyPem())
                .build())
        .serverSideApply();
    hub.resource(signerTemplate("signer-ca")).serverSideApply();
    templateAddon("signed", "signed-template");
    enable("c2", "signed");
    String ns = ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE;
    String secret = "signed-example.com-signer-client-cert";
    await("the client certificate from the add-on's signer is on the cluster")
        .atMost(WAIT)
        .until(() -> bed.managed("c2").secrets().inNamespace(ns).withName(secret).get() != null);
    java.security.cert.X509Certificate cert =
        (java.security.cert.X509Certificate)
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new java.io.ByteArrayInputStream(
                        java.util.Base64.getDecoder()
                            .decode(
                                bed.managed("c2")
                                    .secrets()
                                    .inNamespace(ns)
                                    .withName(secret)
                                    .get()
                                    .getData()
                                    .get("tls.crt"))));
    cert.verify(ca.certificate().getPublicKey()); // throws unless the named CA signed it
    assertThat(cert.getSubjectX500Principal().getName()).contains("CN=signed-agent");
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2"); // client auth
    assertThat(addon("c2", "signed").getStatus().getRegistrations())
        .extracting(r -> r.getSignerName())
        .containsExactly("example.com/signer");

    // The cluster's own agent asking that signer for another subject is denied.
    io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest forged;
    try (KubernetesClient asAgent = agentClient("c2")) {
      forged =
          asAgent
              .certificates()
              .v1()
              .certificateSigningRequests()
              .resource(forgedRequest("c2", "signed", "system:admin", "system:masters"))
              .create();
    }
    String forgedName = forged.getMetadata().getName();
    await("a request for another subject is denied")
        .atMost(WAIT)
        .until(
            () -> {
              var csr =
                  hub.certificates().v1().certificateSigningRequests().withName(forgedName).get();
              return csr.getStatus() != null
                  && csr.getStatus().getConditions().stream()
                      .anyMatch(c -> "Denied".equals(c.getType()));
            });
    assertThat(
            hub.certificates()
                .v1()
                .certificateSigningRequests()
                .withName(forgedName)
                .get()
                .getStatus()
                .getCertificate())
        .as("and not signed")
        .isNull();

    hub.resource(signerTemplate("no-such-ca")).serverSideApply();
    awaitRegistrationMessage(
        "a missing CA is named in RegistrationApplied",
        "c2",
        "signed",
        "signer example.com/signer: signingCA Secret addons/no-such-ca: not found, or"
            + " not of type kubernetes.io/tls with tls.crt and tls.key");
    await("what it had stays")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> bed.managed("c2").secrets().inNamespace(ns).withName(secret).get() != null);
    hub.resources(ManagedClusterAddOn.class).inNamespace("c2").withName("signed").delete();
    await("disabled: the certificate goes")
        .atMost(WAIT)
        .until(() -> bed.managed("c2").secrets().inNamespace(ns).withName(secret).get() == null);
  }

  /** A hub client with the cluster's registration agent's own identity. */
  private static KubernetesClient agentClient(String cluster) {
    String kubeconfig =
        new String(
            java.util.Base64.getDecoder()
                .decode(
                    bed.managed(cluster)
                        .secrets()
                        .inNamespace("open-cluster-management-agent")
                        .withName("hub-kubeconfig-secret")
                        .get()
                        .getData()
                        .get("kubeconfig")),
            java.nio.charset.StandardCharsets.UTF_8);
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(kubeconfig))
        .build();
  }

  /** A CSR to example.com/signer, labelled as the agent labels them, for another subject. */
  private static io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest
      forgedRequest(String cluster, String addon, String user, String group) throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    java.security.KeyPair keys = generator.generateKeyPair();
    var subject =
        new org.bouncycastle.asn1.x500.X500NameBuilder(
                org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE)
            .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.O, group)
            .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, user)
            .build();
    var request =
        new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                subject, keys.getPublic())
            .build(
                new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                    .build(keys.getPrivate()));
    java.io.StringWriter pem = new java.io.StringWriter();
    try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(pem)) {
      writer.writeObject(request);
    }
    return new io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder()
        .withNewMetadata()
        .withGenerateName("forged-")
        .addToLabels("open-cluster-management.io/cluster-name", cluster)
        .addToLabels(ManagedClusterAddOn.LABEL_ADDON_NAME, addon)
        .endMetadata()
        .withNewSpec()
        .withSignerName("example.com/signer")
        .withUsages("client auth", "digital signature", "key encipherment")
        .withRequest(
            java.util.Base64.getEncoder()
                .encodeToString(pem.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .endSpec()
        .build();
  }

  private static AddOnTemplate signerTemplate(String caSecret) {
    return Serialization.unmarshal(
        """
        apiVersion: addon.open-cluster-management.io/v1alpha1
        kind: AddOnTemplate
        metadata: {name: signed-template}
        spec:
          addonName: signed
          agentSpec:
            workload:
              manifests:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: signed, namespace: default}
                data: {ca: "%s"}
          registration:
          - type: CustomSigner
            customSigner:
              signerName: example.com/signer
              subject: {user: signed-agent, groups: [signed-agents]}
              signingCA: {name: %s, namespace: addons}
        """
            .formatted(caSecret, caSecret),
        AddOnTemplate.class);
  }

  private static AddOnTemplate template(String type, String permission) {
    return Serialization.unmarshal(
        """
        apiVersion: addon.open-cluster-management.io/v1alpha1
        kind: AddOnTemplate
        metadata: {name: reg-tpl-template}
        spec:
          addonName: reg-tpl
          agentSpec:
            workload:
              manifests:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: reg-tpl, namespace: default}
                data: {cluster: "{{CLUSTER_NAME}}"}
          registration:
          - type: KubeClient
            kubeClient:
              hubPermissions:
              - type: %s
                %s
        """
            .formatted(type, permission),
        AddOnTemplate.class);
  }

  /**
   * A hub client with the add-on's credentials from the cluster ({@code <addon>-hub-kubeconfig}).
   */
  private static KubernetesClient addonClient(String cluster, String ns, String addon) {
    String kubeconfig =
        new String(
            java.util.Base64.getDecoder()
                .decode(
                    bed.managed(cluster)
                        .secrets()
                        .inNamespace(ns)
                        .withName(addon + "-hub-kubeconfig")
                        .get()
                        .getData()
                        .get("kubeconfig")),
            java.nio.charset.StandardCharsets.UTF_8);
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(kubeconfig))
        .build();
  }

  private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            io.fabric8.kubernetes.client.KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(403));
  }

  /** The add-on's lease on c1, renewed at {@code renewed} (what its agent would write). */
  private static void lease(String ns, java.time.ZonedDateTime renewed) {
    bed.managed("c1")
        .resource(
            new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
                .withNewMetadata()
                .withName("lease-hello")
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withLeaseDurationSeconds(60)
                .withRenewTime(renewed.truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                .endSpec()
                .build())
        .serverSideApply();
  }
}
