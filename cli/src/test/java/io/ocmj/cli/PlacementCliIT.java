package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOnSpec;
import io.ocmj.api.addon.v1alpha1.InstallStrategyType;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScoreItem;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScoreStatus;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBindingSpec;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ocmj get placements|decisions} and {@code ocmj plan placement} on a real hub. */
@KubernetesClusters("hub")
class PlacementCliIT {
  private static KubernetesClient hub;
  private static String kubeconfig;
  private static HubControllers controllers;
  @TempDir Path dir;

  @BeforeAll
  static void start(ClusterSet clusters) {
    hub = clusters.get("hub").client();
    kubeconfig = clusters.get("hub").kubeconfig().toString();
    HubCrds.install(hub);
    controllers = HubControllers.start(hub, Clock.systemUTC());
    ManagedClusterSet prod = new ManagedClusterSet();
    prod.getMetadata().setName("prod");
    hub.resource(prod).serverSideApply();
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build())
        .serverSideApply();
    ManagedClusterSetBinding binding = new ManagedClusterSetBinding();
    binding.getMetadata().setName("prod");
    binding.getMetadata().setNamespace("apps");
    ManagedClusterSetBindingSpec spec = new ManagedClusterSetBindingSpec();
    spec.setClusterSet("prod");
    binding.setSpec(spec);
    hub.resource(binding).serverSideApply();
    cluster("eu-1", "prod", Map.of("region", "eu"), false);
    cluster("eu-2", "prod", Map.of("region", "eu"), true);
    cluster("us-1", "prod", Map.of("region", "us"), false);
    cluster("dev-1", "dev", Map.of("region", "eu"), false);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("eu-1").endMetadata().build())
        .serverSideApply();
    AddOnPlacementScore load = new AddOnPlacementScore();
    load.getMetadata().setName("load");
    load.getMetadata().setNamespace("eu-1");
    hub.resource(load).serverSideApply();
    load.setStatus(new AddOnPlacementScoreStatus());
    load.getStatus().getScores().add(new AddOnPlacementScoreItem("free", 40));
    hub.resource(load)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager("test-addon")
                .withForce(true)
                .build());
  }

  @AfterAll
  static void stop() {
    if (controllers != null) {
      controllers.close();
    }
  }

  @Test
  void addonEnableDisableAndGetAddons() {
    ClusterManagementAddOn demo = new ClusterManagementAddOn();
    demo.getMetadata().setName("demo");
    demo.setSpec(new ClusterManagementAddOnSpec());
    hub.resource(demo).serverSideApply();

    CliRun enabled = hubRun("addon", "enable", "--name", "demo", "--clusters", "eu-1");
    assertThat(enabled.exit()).as(enabled.err()).isZero();
    assertThat(enabled.out()).isEqualTo("addon demo enabled on eu-1\n");
    assertThat(hub.resources(ManagedClusterAddOn.class).inNamespace("eu-1").withName("demo").get())
        .isNotNull();
    CliRun table = hubRun("get", "addons");
    assertThat(table.out()).startsWith("CLUSTER ").containsPattern("(?m)^eu-1 +demo ");

    CliRun noCluster = hubRun("addon", "enable", "--name", "demo", "--clusters", "nope");
    assertThat(noCluster.exit()).isEqualTo(1);
    assertThat(noCluster.err()).contains("addon enable --clusters nope: no such ManagedCluster");
    CliRun noAddon = hubRun("addon", "enable", "--name", "missing", "--clusters", "eu-1");
    assertThat(noAddon.err()).contains("there is no ClusterManagementAddOn missing");
    CliRun neither = hubRun("addon", "enable", "--name", "demo");
    assertThat(neither.err()).contains("give either --clusters a,b or --placement ns/name");
    CliRun both =
        hubRun("addon", "enable", "--name", "demo", "--clusters", "eu-1", "--placement", "apps/x");
    assertThat(both.err()).contains("give either --clusters a,b or --placement ns/name");

    assertThat(hubRun("addon", "enable", "--name", "demo", "--placement", "apps/everywhere").exit())
        .isZero();
    var strategy =
        hub.resources(ClusterManagementAddOn.class)
            .withName("demo")
            .get()
            .getSpec()
            .getInstallStrategy();
    assertThat(strategy.getType()).isEqualTo(InstallStrategyType.Placements);
    assertThat(strategy.getPlacements())
        .singleElement()
        .satisfies(
            p -> assertThat(p.getNamespace() + "/" + p.getName()).isEqualTo("apps/everywhere"));
    assertThat(
            hubRun("addon", "disable", "--name", "demo", "--placement", "apps/everywhere").exit())
        .isZero();
    assertThat(
            hub.resources(ClusterManagementAddOn.class)
                .withName("demo")
                .get()
                .getSpec()
                .getInstallStrategy()
                .getType())
        .isEqualTo(InstallStrategyType.Manual);

    assertThat(hubRun("addon", "disable", "--name", "demo", "--clusters", "eu-1").exit()).isZero();
    await("the add-on is gone")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                hub.resources(ManagedClusterAddOn.class).inNamespace("eu-1").withName("demo").get()
                    == null);
  }

  @Test
  void planShowsWhatWouldBeSelectedAndWhyOthersAreNotWithoutWritingAnything() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("eu.yaml"),
            """
            apiVersion: cluster.open-cluster-management.io/v1beta1
            kind: Placement
            metadata:
              name: eu-plan
              namespace: apps
            spec:
              predicates:
                - requiredClusterSelector:
                    labelSelector:
                      matchLabels:
                        region: eu
              prioritizerPolicy:
                mode: Exact
                configurations:
                  - scoreCoordinate: {type: AddOn, addOn: {resourceName: load, scoreName: free}}
                    weight: 2
            """);
    CliRun plan = run("plan", "placement", "-f", file.toString(), "--hub-kubeconfig", kubeconfig);
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("Placement apps/eu-plan", "nothing written", "AllDecisionsScheduled")
        .contains("Selected (1):")
        .containsPattern("eu-1 +0 +80\\b")
        .containsPattern("eu-2 +taint gpu \\(NoSelect\\) is not tolerated")
        .containsPattern("us-1 +does not match the predicates")
        .containsPattern("dev-1 +not in cluster set\\(s\\) \\[prod\\]");
    assertThat(hub.resources(Placement.class).inNamespace("apps").withName("eu-plan").get())
        .isNull();

    CliRun example =
        run(
            "plan",
            "placement",
            "-f",
            Path.of("..", "examples-repo", "argocd", "placement.yaml").toString(),
            "--hub-kubeconfig",
            kubeconfig);
    assertThat(example.exit()).as(example.err()).isZero();
    assertThat(example.out())
        .as("the Placement document of a file that also holds its binding")
        .contains("Placement argocd/guestbook", "NoManagedClusterSetBindings");
  }

  @Test
  void badPlacementFilesAreErrorsNamingTheFileAndField() throws IOException {
    assertThat(plan("typo.yaml", "spec:\n  numberOfCluster: 2\n").err())
        .isEqualTo("ocmj: " + dir.resolve("typo.yaml") + ": spec.numberOfCluster: unknown field");
    assertThat(plan("type.yaml", "spec:\n  numberOfClusters: two\n").err())
        .startsWith("ocmj: " + dir.resolve("type.yaml") + ": spec.numberOfClusters: ");
    assertThat(plan("negative.yaml", "spec:\n  numberOfClusters: -1\n").err())
        .contains("negative.yaml: numberOfClusters: must be 0 or more");
    assertThat(
            plan(
                    "cel.yaml",
                    """
                    spec:
                      predicates:
                        - requiredClusterSelector:
                            celSelector:
                              celExpressions: ["managedCluster.metadata.labels["]
                    """)
                .err())
        .contains(
            "cel.yaml: predicates[0].requiredClusterSelector.celSelector.celExpressions[0]:"
                + " managedCluster.metadata.labels[");
    assertThat(
            plan(
                    "prioritizer.yaml",
                    """
                    spec:
                      prioritizerPolicy:
                        configurations:
                          - scoreCoordinate: {builtIn: Fastest}
                    """)
                .err())
        .contains("prioritizerPolicy.configurations[0].scoreCoordinate.builtIn", "Fastest");
    assertThat(plan("empty.yaml", "spec:\n  tolerations:\n").err())
        .endsWith("empty.yaml: spec.tolerations: empty (give a list or leave it out)");
    assertThat(
            plan(
                    "groups.yaml",
                    "spec:\n  decisionStrategy: {groupStrategy: {clustersPerDecisionGroup: abc}}\n")
                .err())
        .contains("decisionStrategy.groupStrategy.clustersPerDecisionGroup: must be a number");
    Path kind = Files.writeString(dir.resolve("kind.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    CliRun wrong = run("plan", "placement", "-f", kind.toString(), "--hub-kubeconfig", kubeconfig);
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).contains("kind.yaml: needs exactly one document", "v1 ConfigMap");
  }

  @Test
  void getPlacementsAndDecisionsShowWhatTheSchedulerWrote() {
    Placement all = new Placement();
    all.getMetadata().setName("everything");
    all.getMetadata().setNamespace("apps");
    all.setSpec(new io.ocmj.api.cluster.v1beta1.PlacementSpec());
    hub.resource(all).create();
    await("scheduled")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                run("get", "placements", "--hub-kubeconfig", kubeconfig)
                    .out()
                    .contains("AllDecisionsScheduled"));
    CliRun placements = run("get", "placements", "-n", "apps", "--hub-kubeconfig", kubeconfig);
    assertThat(placements.out())
        .containsPattern("apps +everything +True +AllDecisionsScheduled +2 +False");
    CliRun decisions = run("get", "decisions", "everything", "--hub-kubeconfig", kubeconfig);
    assertThat(decisions.exit()).isZero();
    assertThat(decisions.out())
        .containsPattern("eu-1 +0 +everything-decision-1")
        .containsPattern("us-1 +0 +everything-decision-1")
        .contains("2 cluster(s) in 1 PlacementDecision(s)")
        .doesNotContain("eu-2");
    CliRun missing = run("get", "decisions", "nothing", "--hub-kubeconfig", kubeconfig);
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("placement nothing not found in any namespace");
  }

  private CliRun plan(String name, String spec) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve(name),
            "apiVersion: cluster.open-cluster-management.io/v1beta1\nkind: Placement\n"
                + "metadata: {name: p, namespace: apps}\n"
                + spec);
    CliRun run = run("plan", "placement", "-f", file.toString(), "--hub-kubeconfig", kubeconfig);
    assertThat(run.exit()).as(run.out()).isEqualTo(1);
    return new CliRun(run.exit(), run.out(), run.err().strip());
  }

  /** The command with this hub's kubeconfig. */
  private static CliRun hubRun(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--hub-kubeconfig";
    all[args.length + 1] = kubeconfig;
    return CliRun.of(all);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static void cluster(String name, String set, Map<String, String> labels, boolean gpu) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    java.util.Map<String, String> all = new java.util.HashMap<>(labels);
    all.put(ManagedClusterSet.LABEL_CLUSTER_SET, set);
    cluster.getMetadata().setLabels(all);
    cluster.setSpec(new ManagedClusterSpec());
    if (gpu) {
      Taint taint = new Taint();
      taint.setKey("gpu");
      taint.setEffect(TaintEffect.NoSelect);
      taint.setTimeAdded(Instant.now().toString());
      cluster.getSpec().setTaints(List.of(taint));
    }
    hub.resource(cluster).create();
  }
}
