package io.ocmj.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.cli.Ocmj;
import io.ocmj.gitops.GitSyncController;
import io.ocmj.hub.HubConfig;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.LeaderElection;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm charts in deploy/charts, with the real helm CLI (built from its Go module): they lint,
 * render as documented (non-root, read-only root FS, probes on the monitoring port, leader
 * election), their arguments parse with the ocmj CLI, bad values fail with a message naming the
 * value, and what they render is accepted by a real API server, where the hub's ClusterRole grants
 * what the hub does and not more.
 */
@KubernetesClusters("hub")
class HelmChartsIT {
  private static final Path CHARTS = Path.of("..", "deploy", "charts").toAbsolutePath();
  private static final Path HUB = CHARTS.resolve("ocmj-hub");
  private static final Path KLUSTERLET = CHARTS.resolve("ocmj-klusterlet");
  private static final String AGENT_NS = "open-cluster-management-agent";
  private static Path helm;
  private static KubernetesClient client;

  @BeforeAll
  static void start(ClusterSet clusters) {
    helm = new Binaries(Binaries.defaultCacheDir()).ensure("helm");
    client = clusters.get("hub").client();
  }

  @Test
  void bothChartsLint() throws Exception {
    assertThat(helm("lint", HUB.toString()).exit()).isZero();
    Result klusterlet =
        helm("lint", KLUSTERLET.toString(), "--namespace", AGENT_NS, "--set", "clusterName=c1");
    assertThat(klusterlet.exit()).as(klusterlet.output()).isZero();
  }

  @Test
  void theHubRendersHardenedAndItsArgumentsParse() throws Exception {
    List<HasMetadata> objects = render(HUB, "ocmj-system", "--include-crds");
    assertThat(objects.stream().filter(o -> o.getKind().equals("CustomResourceDefinition")))
        .extracting(o -> o.getMetadata().getName())
        .contains(
            "managedclusters.cluster.open-cluster-management.io",
            "gitsyncs.gitops.ocmj.io",
            "policies.policy.open-cluster-management.io")
        .doesNotContain("policyreports.wgpolicyk8s.io");
    Container hub = hardened(deployment(objects, "ocmj-hub"));
    assertThat(hub.getArgs())
        .contains(
            "hub",
            "--monitoring-listen=0.0.0.0:8080",
            "--leader-election-namespace=$(POD_NAMESPACE)");
    assertThat(objects).noneMatch(o -> o.getKind().equals("ServiceMonitor"));
    assertParses(hub.getArgs());

    List<HasMetadata> monitored =
        render(HUB, "ocmj-system", "--set", "serviceMonitor.enabled=true");
    assertThat(monitored).anyMatch(o -> o.getKind().equals("ServiceMonitor"));

    // the console over HTTPS from a TLS Secret, mounted read-only where its arguments point
    Deployment console =
        deployment(
            render(
                HUB,
                "ocmj-system",
                "--set",
                "consolePort=8480",
                "--set",
                "consoleTlsSecret=console-tls"),
            "ocmj-hub");
    Container withConsole = hardened(console);
    assertThat(withConsole.getArgs())
        .contains(
            "--console-port=8480",
            "--console-tls-cert=/etc/ocmj/console-tls/tls.crt",
            "--console-tls-key=/etc/ocmj/console-tls/tls.key");
    assertParses(withConsole.getArgs());
    assertThat(withConsole.getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/etc/ocmj/console-tls") && m.getReadOnly());
    assertThat(console.getSpec().getTemplate().getSpec().getVolumes())
        .anyMatch(
            v -> v.getSecret() != null && "console-tls".equals(v.getSecret().getSecretName()));
  }

  @Test
  void theKlusterletRendersHardenedAndRefusesBadValues() throws Exception {
    List<HasMetadata> objects =
        render(KLUSTERLET, AGENT_NS, "--set", "clusterName=c1", "--set", "bootstrapKubeconfig=x");
    Container agent = hardened(deployment(objects, "ocmj-klusterlet"));
    assertThat(agent.getArgs()).contains("join", "--cluster-name=c1", "--policy-agent=in-process");
    assertParses(agent.getArgs());
    assertThat(objects)
        .anyMatch(
            o ->
                o.getKind().equals("Secret")
                    && o.getMetadata().getName().equals("bootstrap-hub-kubeconfig"));

    assertThat(refusal(AGENT_NS)).contains("clusterName is required");
    assertThat(refusal(AGENT_NS, "clusterName=Not_A_Label"))
        .contains("clusterName \"Not_A_Label\": must be a DNS-1123 label");
    assertThat(refusal("default", "clusterName=c1"))
        .contains("install ocmj-klusterlet into namespace open-cluster-management-agent");
    assertThat(refusal(AGENT_NS, "clusterName=c1", "policyAgent=sidecar"))
        .contains("policyAgent \"sidecar\": must be in-process or deployment");
  }

  @Test
  void whatTheChartsRenderIsAcceptedAndTheHubRoleIsLeastPrivilege() throws Exception {
    installCharts();
    assertThat(client.apps().deployments().inNamespace("ocmj-system").withName("ocmj-hub").get())
        .isNotNull();
    assertThat(client.apps().deployments().inNamespace(AGENT_NS).withName("ocmj-klusterlet").get())
        .isNotNull();

    String sa = "system:serviceaccount:ocmj-system:ocmj-hub";
    assertThat(allowed(sa, "create", "cluster.open-cluster-management.io", "managedclusters", null))
        .isTrue();
    assertThat(
            allowed(
                sa, "update", "certificates.k8s.io", "certificatesigningrequests/approval", null))
        .isTrue();
    assertThat(allowed(sa, "create", "gitops.ocmj.io", "gitsyncs", "team-a")).isTrue();
    assertThat(allowed(sa, "create", "coordination.k8s.io", "leases", "ocmj-system")).isTrue();
    assertThat(allowed(sa, "create", "apps", "deployments", "default"))
        .as("the hub runs no workloads")
        .isFalse();
    assertThat(allowed(sa, "delete", "", "nodes", null)).isFalse();
    assertThat(allowed(sa, "create", "", "pods/exec", "kube-system")).isFalse();
    assertThat(allowed(sa, "update", "", "secrets", "kube-system")).isFalse();
    assertThat(allowed(sa, "sign", "certificates.k8s.io", "signers", null))
        .as("no signer unless listed in addonSigners")
        .isFalse();
  }

  /**
   * The hub controllers and the GitSync controller run with the chart's ServiceAccount
   * (impersonated) and do their work: RBAC for a cluster, a placement's decisions, a
   * ManifestWorkReplicaSet's works and template revisions, a GitSync that applies as its own
   * ServiceAccount.
   */
  @Test
  void theHubDoesItsWorkWithTheChartsRole(@TempDir Path dir) throws Exception {
    installCharts();
    Config asHub =
        new ConfigBuilder(client.getConfiguration())
            .withImpersonateUsername("system:serviceaccount:ocmj-system:ocmj-hub")
            .withImpersonateGroups(
                "system:serviceaccounts",
                "system:serviceaccounts:ocmj-system",
                "system:authenticated")
            .build();
    LeaderElection gitsyncElection = LeaderElection.of(GitSyncController.LEASE, "ocmj-system");
    try (KubernetesClient hubIdentity = new KubernetesClientBuilder().withConfig(asHub).build();
        HubControllers controllers =
            HubControllers.start(
                hubIdentity,
                Clock.systemUTC(),
                HubConfig.defaults().withLeaderElection("ocmj-system"));
        GitSyncController gitops =
            GitSyncController.start(
                hubIdentity,
                dir.resolve("cache"),
                Clock.systemUTC(),
                null,
                io.javaoperatorsdk.operator.api.monitoring.Metrics.NOOP,
                gitsyncElection.configuration(),
                true);
        // Closed first: stopping on purpose is not losing the lease (which would exit the JVM).
        AutoCloseable quiet = gitsyncElection::stopping) {
      client.resource(yaml(CLUSTER)).serverSideApply();
      await("the hub gives the accepted cluster its namespace and RBAC")
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  client.namespaces().withName("role-c1").get() != null
                      && !client
                          .rbac()
                          .roleBindings()
                          .inNamespace("role-c1")
                          .list()
                          .getItems()
                          .isEmpty());
      client.resource(yaml(NAMESPACE_AND_BINDING.split("---")[0])).serverSideApply();
      for (String doc : FLEET.split("---")) {
        client.resource(yaml(doc)).serverSideApply();
      }
      await("the replica set's work exists for the cluster, its template kept as a revision")
          .atMost(Duration.ofMinutes(1))
          .conditionEvaluationListener(
              c -> {
                if (!c.isSatisfied()
                    && c.getRemainingTimeInMS() <= c.getPollInterval().toMillis()) {
                  System.err.println("state at timeout: " + fleetState());
                }
              })
          .until(
              () ->
                  client
                              .resources(ManifestWork.class)
                              .inNamespace("role-c1")
                              .withName("role-web")
                              .get()
                          != null
                      && !client
                          .apps()
                          .controllerRevisions()
                          .inNamespace("role-fleet")
                          .list()
                          .getItems()
                          .isEmpty());

      // A GitSync applying as its own ServiceAccount, which may write ConfigMaps in its namespace.
      for (String doc : TEAM.split("---")) {
        client.resource(yaml(doc)).serverSideApply();
      }
      Path repo = dir.resolve("repo");
      try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
        Files.createDirectories(repo.resolve("app"));
        Files.writeString(
            repo.resolve("app/cm.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-git, namespace: role-team}\n"
                + "data: {k: v}\n");
        git.add().addFilepattern("app").call();
        git.commit().setMessage("one configmap").setSign(false).call();
      }
      client
          .resource(
              yaml(GITSYNC.formatted(repo.toUri().toString().replaceFirst("^file:/+", "file:///"))))
          .serverSideApply();
      await("the GitSync applies as its ServiceAccount")
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  client.configMaps().inNamespace("role-team").withName("from-git").get() != null);
    }
  }

  private static final String CLUSTER =
      """
      apiVersion: cluster.open-cluster-management.io/v1
      kind: ManagedCluster
      metadata: {name: role-c1}
      spec: {hubAcceptsClient: true}
      """;
  private static final String NAMESPACE_AND_BINDING =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: role-fleet}
      """;
  private static final String FLEET =
      """
      apiVersion: cluster.open-cluster-management.io/v1beta2
      kind: ManagedClusterSetBinding
      metadata: {name: global, namespace: role-fleet}
      spec: {clusterSet: global}
      ---
      apiVersion: cluster.open-cluster-management.io/v1beta1
      kind: Placement
      metadata: {name: all, namespace: role-fleet}
      spec:
        clusterSets: [global]
        # No agent runs for this cluster: the hub taints it unreachable once its lease is missed.
        tolerations:
        - {key: cluster.open-cluster-management.io/unreachable, operator: Exists}
        - {key: cluster.open-cluster-management.io/unavailable, operator: Exists}
      ---
      apiVersion: work.open-cluster-management.io/v1alpha1
      kind: ManifestWorkReplicaSet
      metadata: {name: role-web, namespace: role-fleet}
      spec:
        placementRefs: [{name: all}]
        manifestWorkTemplate:
          workload:
            manifests:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: web, namespace: default}, data: {a: b}}
      """;
  private static final String TEAM =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: role-team}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: deployer, namespace: role-team}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: configmaps, namespace: role-team}
      rules:
      - {apiGroups: [""], resources: [configmaps], verbs: [get, list, watch, create, update, patch, delete]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: deployer-configmaps, namespace: role-team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: configmaps}
      subjects:
      - {kind: ServiceAccount, name: deployer, namespace: role-team}
      """;
  private static final String GITSYNC =
      """
      apiVersion: gitops.ocmj.io/v1alpha1
      kind: GitSync
      metadata: {name: team, namespace: role-team}
      spec:
        url: %s
        ref: {branch: main}
        paths: [app]
        interval: 1m
        serviceAccountName: deployer
      """;

  /** What the hub made of the test fleet, for a failure message. */
  private static String fleetState() {
    var set =
        client
            .resources(io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet.class)
            .inNamespace("role-fleet")
            .withName("role-web")
            .get();
    var placement =
        client
            .resources(io.ocmj.api.cluster.v1beta1.Placement.class)
            .inNamespace("role-fleet")
            .withName("all")
            .get();
    return "mwrs="
        + (set == null
            ? null
            : io.fabric8.kubernetes.client.utils.Serialization.asJson(set.getStatus()))
        + " placement="
        + (placement == null
            ? null
            : io.fabric8.kubernetes.client.utils.Serialization.asJson(placement.getStatus()))
        + " cluster="
        + io.fabric8.kubernetes.client.utils.Serialization.asJson(
            client
                .resources(io.ocmj.api.cluster.v1.ManagedCluster.class)
                .withName("role-c1")
                .get());
  }

  private static HasMetadata yaml(String text) {
    return client
        .load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .items()
        .get(0);
  }

  /** Both charts applied to the test API server (server-side apply: again is harmless). */
  private static void installCharts() throws Exception {
    List<HasMetadata> hub = render(HUB, "ocmj-system", "--include-crds");
    List<HasMetadata> agent = render(KLUSTERLET, AGENT_NS, "--set", "clusterName=c1");
    for (String ns : List.of("ocmj-system", AGENT_NS)) {
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
    }
    for (HasMetadata o : hub) {
      if (o.getKind().equals("CustomResourceDefinition")) {
        client.resource(o).fieldManager("helm-test").forceConflicts().serverSideApply();
      }
    }
    await("the chart's CRDs are established")
        .atMost(Duration.ofMinutes(1))
        .until(() -> client.resources(io.ocmj.api.cluster.v1.ManagedCluster.class).list() != null);
    List<HasMetadata> rest = new ArrayList<>(agent);
    hub.stream().filter(o -> !o.getKind().equals("CustomResourceDefinition")).forEach(rest::add);
    for (HasMetadata o : rest) {
      // The API server validates every object (a wrong field or value is an error here).
      client.resource(o).fieldManager("helm-test").forceConflicts().serverSideApply();
    }
  }

  /** What helm says when it refuses to render the klusterlet chart with these values. */
  private static String refusal(String namespace, String... values) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("template", "x", KLUSTERLET.toString(), "--namespace", namespace));
    for (String v : values) {
      args.addAll(List.of("--set", v));
    }
    Result result = helm(args.toArray(String[]::new));
    assertThat(result.exit()).as("helm refuses").isNotZero();
    return result.output();
  }

  private static boolean allowed(
      String user, String verb, String group, String resource, String namespace) {
    String[] parts = resource.split("/", 2);
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups(
                "system:serviceaccounts",
                "system:serviceaccounts:ocmj-system",
                "system:authenticated")
            .withResourceAttributes(
                new ResourceAttributesBuilder()
                    .withVerb(verb)
                    .withGroup(group)
                    .withResource(parts[0])
                    .withSubresource(parts.length > 1 ? parts[1] : null)
                    .withNamespace(namespace)
                    .build())
            .endSpec()
            .build();
    return client
        .authorization()
        .v1()
        .subjectAccessReview()
        .create(review)
        .getStatus()
        .getAllowed();
  }

  private static Container hardened(Deployment deployment) {
    var pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    Container c = pod.getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(c.getResources().getLimits()).containsKey("memory");
    return c;
  }

  /** The container's arguments are ones the ocmj CLI takes ($(VAR) expanded as kubelet would). */
  private static void assertParses(List<String> args) {
    List<String> expanded =
        args.stream().map(a -> a.replace("$(POD_NAMESPACE)", "ocmj-system")).toList();
    Ocmj.commandLine().parseArgs(expanded.toArray(String[]::new));
  }

  private static Deployment deployment(List<HasMetadata> objects, String name) {
    return objects.stream()
        .filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(name))
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static List<HasMetadata> render(Path chart, String namespace, String... more)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("template", "ocmj", chart.toString()));
    args.addAll(List.of("--namespace", namespace));
    args.addAll(List.of(more));
    Result result = helm(args.toArray(String[]::new));
    assertThat(result.exit()).as(result.output()).isZero();
    return client
        .load(new ByteArrayInputStream(result.stdout().getBytes(StandardCharsets.UTF_8)))
        .items();
  }

  record Result(int exit, String stdout, String output) {}

  private static Result helm(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(helm.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("helm", ".err");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      return new Result(p.exitValue(), out, out + Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
