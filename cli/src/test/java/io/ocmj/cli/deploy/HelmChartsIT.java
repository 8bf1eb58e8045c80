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
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.cli.Ocmj;
import io.ocmj.testing.Binaries;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    assertThat(helm("template", "x", KLUSTERLET.toString(), "--namespace", AGENT_NS).output())
        .contains("clusterName is required");
    assertThat(
            helm(
                    "template",
                    "x",
                    KLUSTERLET.toString(),
                    "--namespace",
                    AGENT_NS,
                    "--set",
                    "clusterName=Not_A_Label")
                .output())
        .contains("clusterName \"Not_A_Label\": must be a DNS-1123 label");
    assertThat(
            helm(
                    "template",
                    "x",
                    KLUSTERLET.toString(),
                    "--namespace",
                    "default",
                    "--set",
                    "clusterName=c1")
                .output())
        .contains("install ocmj-klusterlet into namespace open-cluster-management-agent");
  }

  @Test
  void whatTheChartsRenderIsAcceptedAndTheHubRoleIsLeastPrivilege() throws Exception {
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
  }

  private static boolean allowed(
      String user, String verb, String group, String resource, String namespace) {
    String[] parts = resource.split("/", 2);
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups("system:serviceaccounts", "system:authenticated")
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
