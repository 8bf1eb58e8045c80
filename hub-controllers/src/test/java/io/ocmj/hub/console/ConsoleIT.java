package io.ocmj.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.cluster.v1beta1.ClusterDecision;
import io.ocmj.api.cluster.v1beta1.DecisionGroupStatus;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta1.PlacementDecisionStatus;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta1.PlacementStatus;
import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import io.ocmj.api.gitops.v1alpha1.GitSyncStatus;
import io.ocmj.api.gitops.v1alpha1.SyncFailure;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.CertificateAuthority;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The fleet console against a real hub API server: tokens checked by TokenReview, RBAC by
 * SubjectAccessReview, data from informers. The page itself is driven in headless Chromium ({@link
 * Browser}); those cases are skipped, saying why, where Chromium is not installed.
 */
@KubernetesClusters("hub")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The page must show a change within 2 s; the wait allows for a loaded CI machine. */
  private static final Duration LIVE = Duration.ofSeconds(10);

  private KubernetesClient hub;
  private ConsoleServer console;
  private String adminToken;
  private String teamAToken;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(ClusterSet clusters) throws Exception {
    hub = clusters.get("hub").client();
    HubCrds.install(hub);
    for (String ns : List.of("team-a", "team-b", "c1", "c2", "c3")) {
      hub.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
    }
    for (String c : List.of("c1", "c2", "c3")) {
      ManagedCluster mc = new ManagedCluster();
      mc.getMetadata().setName(c);
      mc.getMetadata().setLabels(Map.of("env", c.equals("c3") ? "dev" : "prod"));
      ManagedClusterSpec spec = new ManagedClusterSpec();
      spec.setHubAcceptsClient(true);
      mc.setSpec(spec);
      hub.resource(mc).create();
    }
    // c1's agent reports its version; c2's and c3's say nothing (an OCM agent does not)
    hub.resources(ManagedCluster.class)
        .withName("c1")
        .editStatus(
            mc -> {
              ManagedClusterStatus status = new ManagedClusterStatus();
              ClusterClaimStatus agent = new ClusterClaimStatus();
              agent.setName(ClusterClaim.AGENT_VERSION);
              agent.setValue("0.1.0-test");
              status.getClusterClaims().add(agent);
              mc.setStatus(status);
              return mc;
            });
    event("c1", "ManifestWork", "stranded", "WorkStranded", "no agent has taken the work for 1 h");
    event("default", "ManagedCluster", "c1", "ForcedCleanup", "cleaned up without its agent");
    event("c2", "ManifestWork", "other", "OnlyOnC2", "an event of another cluster");
    policy(
        "team-a",
        "require-labels",
        Map.of("c1", "Compliant", "c2", "Compliant", "c3", "NonCompliant"));
    policy("team-a", "pending-one", Map.of("c1", "Pending"));
    policy("team-b", "team-b-only", Map.of("c1", "NonCompliant", "c2", "Compliant"));
    rollout();
    gitSync();
    adminToken = viewer("admin-viewer", null);
    teamAToken = viewer("team-a-viewer", "team-a");
    console =
        ConsoleServer.start(hub, new InetSocketAddress("127.0.0.1", 0), false, Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    if (console != null) {
      console.close();
    }
  }

  private void policy(String ns, String name, Map<String, String> compliance) {
    Policy p = new Policy();
    p.getMetadata().setNamespace(ns);
    p.getMetadata().setName(name);
    p.getMetadata().setAnnotations(Map.of(Policy.ANNOTATION_CATEGORIES, "CM Configuration"));
    p.setSpec(ConsoleITFixtures.informSpec(name));
    hub.resource(p).create();
    setCompliance(ns, name, compliance);
  }

  /** A Placement of team-a with one decision group of c1 and c2, as the scheduler writes it. */
  private void rollout() {
    Placement placement = new Placement();
    placement.getMetadata().setNamespace("team-a");
    placement.getMetadata().setName("prod");
    placement.setSpec(new PlacementSpec());
    hub.resource(placement).create();
    hub.resources(Placement.class)
        .inNamespace("team-a")
        .withName("prod")
        .editStatus(
            p -> {
              PlacementStatus status = new PlacementStatus();
              status.setNumberOfSelectedClusters(2);
              DecisionGroupStatus group = new DecisionGroupStatus();
              group.setDecisionGroupIndex(0);
              group.setDecisionGroupName("canary");
              group.setDecisions(List.of("prod-decision-1"));
              group.setClusterCount(2);
              status.setDecisionGroups(List.of(group));
              status.setConditions(
                  List.of(
                      new ConditionBuilder()
                          .withType(Placement.CONDITION_SATISFIED)
                          .withStatus("True")
                          .withReason(Placement.REASON_ALL_SCHEDULED)
                          .withMessage("All cluster decisions scheduled")
                          .withLastTransitionTime("2026-11-27T00:00:00Z")
                          .build()));
              p.setStatus(status);
              return p;
            });
    PlacementDecision decision = new PlacementDecision();
    decision.getMetadata().setNamespace("team-a");
    decision.getMetadata().setName("prod-decision-1");
    decision.getMetadata().setLabels(Map.of(PlacementDecision.LABEL_PLACEMENT, "prod"));
    hub.resource(decision).create();
    hub.resources(PlacementDecision.class)
        .inNamespace("team-a")
        .withName("prod-decision-1")
        .editStatus(
            d -> {
              PlacementDecisionStatus status = new PlacementDecisionStatus();
              for (String c : List.of("c1", "c2")) {
                ClusterDecision cd = new ClusterDecision();
                cd.setClusterName(c);
                status.getDecisions().add(cd);
              }
              d.setStatus(status);
              return d;
            });
  }

  /** A GitSync whose last attempt failed on one document, with credentials in its URL. */
  private void gitSync() {
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("gitops").endMetadata().build())
        .serverSideApply();
    GitSync sync = new GitSync();
    sync.getMetadata().setNamespace("gitops");
    sync.getMetadata().setName("fleet");
    GitSyncSpec spec = new GitSyncSpec();
    spec.setUrl("https://bot:s3cret-in-url@git.example.com/fleet.git");
    GitRef ref = new GitRef();
    ref.setBranch("main");
    spec.setRef(ref);
    spec.setInterval("5m");
    sync.setSpec(spec);
    hub.resource(sync).create();
    hub.resources(GitSync.class)
        .inNamespace("gitops")
        .withName("fleet")
        .editStatus(
            g -> {
              GitSyncStatus status = new GitSyncStatus();
              status.setLastAppliedRevision("main@sha1:0123456789abcdef");
              status.setLastAttemptedRevision("main@sha1:fedcba9876543210");
              SyncFailure failure = new SyncFailure();
              failure.setFile("fleet/policies.yaml");
              failure.setDocument(2);
              failure.setObject("Policy team-a/broken");
              failure.setMessage("spec.remediationAction: must be inform or enforce, was 'fix'");
              status.setFailures(List.of(failure));
              status.setConditions(
                  List.of(
                      new ConditionBuilder()
                          .withType(GitSync.CONDITION_READY)
                          .withStatus("False")
                          .withReason("ValidationFailed")
                          .withMessage("fleet/policies.yaml: 1 invalid document")
                          .withLastTransitionTime("2026-11-27T00:00:00Z")
                          .build(),
                      new ConditionBuilder()
                          .withType("Stalled")
                          .withStatus("True")
                          .withReason("ValidationFailed")
                          .withMessage(
                              "fleet/policies.yaml document 2 (Policy team-a/broken):"
                                  + " spec.remediationAction: must be inform or enforce")
                          .withLastTransitionTime("2026-11-27T00:00:00Z")
                          .build()));
              g.setStatus(status);
              return g;
            });
  }

  /**
   * A Warning event about {@code kind}/{@code name} in {@code namespace}, as a controller writes.
   */
  private void event(String namespace, String kind, String name, String reason, String message) {
    hub.v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withGenerateName(name + ".")
                .withNamespace(namespace)
                .endMetadata()
                .withNewInvolvedObject()
                .withKind(kind)
                .withName(name)
                .withNamespace("default".equals(namespace) ? null : namespace)
                .endInvolvedObject()
                .withType("Warning")
                .withReason(reason)
                .withMessage(message)
                .withCount(1)
                .withLastTimestamp("2026-11-27T00:00:00Z")
                .build())
        .create();
  }

  private void setCompliance(String ns, String name, Map<String, String> compliance) {
    hub.resources(Policy.class)
        .inNamespace(ns)
        .withName(name)
        .editStatus(
            p -> {
              p.setStatus(ConsoleModelTest.status(compliance));
              return p;
            });
  }

  /**
   * A ServiceAccount's token: it may list clusters everywhere, and policies in {@code namespace}
   * (null: everything the console shows, in every namespace).
   */
  private String viewer(String name, String namespace) {
    hub.resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .endMetadata()
                .build())
        .create();
    var clusterRules =
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .addToRules(
                new PolicyRuleBuilder()
                    .withApiGroups(ManagedCluster.GROUP)
                    .withResources("managedclusters")
                    .withVerbs("get", "list", "watch")
                    .build());
    if (namespace == null) {
      clusterRules.addToRules(
          new PolicyRuleBuilder()
              .withApiGroups(
                  Policy.GROUP,
                  ManagedCluster.GROUP,
                  "work.open-cluster-management.io",
                  "gitops.ocmj.io")
              .withResources("*")
              .withVerbs("get", "list", "watch")
              .build());
      clusterRules.addToRules(
          new PolicyRuleBuilder()
              .withApiGroups("")
              .withResources("events")
              .withVerbs("get", "list", "watch")
              .build());
    }
    hub.resource(clusterRules.build()).create();
    hub.resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(name)
                .withNamespace("default")
                .endSubject()
                .build())
        .create();
    if (namespace != null) {
      hub.resource(
              new RoleBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .addToRules(
                      new PolicyRuleBuilder()
                          .withApiGroups(Policy.GROUP)
                          .withResources("policies")
                          .withVerbs("get", "list", "watch")
                          .build())
                  .build())
          .create();
      hub.resource(
              new RoleBindingBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
                  .addNewSubject()
                  .withKind("ServiceAccount")
                  .withName(name)
                  .withNamespace("default")
                  .endSubject()
                  .build())
          .create();
    }
    return hub.serviceAccounts()
        .inNamespace("default")
        .withName(name)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(console.url() + path)).GET();
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequestWithoutAValidTokenGets401AndNoData() throws Exception {
    HttpResponse<String> none = get("/api/matrix", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(none.body()).doesNotContain("require-labels");
    HttpResponse<String> forged = get("/api/matrix", "not-a-token-the-hub-issued");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).doesNotContain("require-labels");
    assertThat(get("/api/events", null).statusCode()).isEqualTo(401);
    HttpResponse<String> ok = get("/api/matrix", adminToken);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("require-labels");
  }

  @Test
  void everyAnswerCarriesSecurityHeadersAndTheConsoleIsReadOnly() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"console.js\"").doesNotContain("<script>");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleServer.CSP);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(console.url() + "/api/matrix"))
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(get("/api/cell?namespace=team-a", adminToken).statusCode()).isEqualTo(400);
  }

  @Test
  void aUserSeesOnlyTheNamespacesTheirRbacLetsThemList() throws Exception {
    HttpResponse<String> teamA = get("/api/matrix", teamAToken);
    assertThat(teamA.statusCode()).isEqualTo(200);
    assertThat(teamA.body()).contains("require-labels").doesNotContain("team-b-only");
    HttpResponse<String> cell =
        get("/api/cell?namespace=team-b&policy=team-b-only&cluster=c1", teamAToken);
    assertThat(cell.body()).contains("\"forbidden\":true").doesNotContain("NonCompliant");
    // team-a may not list GitSyncs or placements anywhere: empty pages, not errors
    assertThat(get("/api/git", teamAToken).body()).isEqualTo("{\"syncs\":[]}");
  }

  @Test
  void theMatrixShowsEachPolicysStateOnEachClusterInColour() throws Exception {
    try (Browser browser = Browser.open()) {
      WebDriver page = openMatrix(browser, adminToken, "team-a/require-labels", "c3");
      // state and colour, read in one go (a live re-render may replace the elements any time)
      assertThat(cell(browser, "team-a/require-labels", "c3"))
          .containsExactly("NonCompliant", "rgb(251, 220, 220)");
      assertThat(cell(browser, "team-a/require-labels", "c1"))
          .containsExactly("Compliant", "rgb(216, 243, 223)");
      assertThat(cell(browser, "team-a/pending-one", "c1"))
          .containsExactly("Pending", "rgb(255, 240, 194)");
      assertThat(cell(browser, "team-a/pending-one", "c2"))
          .containsExactly("Unknown", "rgb(230, 230, 230)");
      assertThat(cell(browser, "team-b/team-b-only", "c1")).first().isEqualTo("NonCompliant");
      screenshot(page, "console-compliance.png");

      // A cell links to its detail: the state and where the policy came from.
      await("the cell's link is followed")
          .atMost(WAIT)
          .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
          .until(
              () -> {
                page.findElement(
                        By.cssSelector(
                            "tr[data-policy='team-a/require-labels'] td[data-cluster='c3'] a"))
                    .click();
                return true;
              });
      await("the cell's detail")
          .atMost(WAIT)
          .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
          .until(
              () -> page.findElement(By.tagName("h2")).getText(),
              t -> t.equals("team-a/require-labels on c3"));
      screenshot(page, "console-cell.png");

      page.navigate().to(console.url() + "/#/fleet");
      await("the fleet")
          .atMost(WAIT)
          .until(() -> page.findElements(By.cssSelector("#fleet tbody tr")).size(), n -> n == 3);
      screenshot(page, "console-fleet.png");
      page.navigate().to(console.url() + "/#/rollouts");
      awaitText(browser, "placements", "team-a/prod", "#0 canary: c1, c2");
      screenshot(page, "console-rollouts.png");
      page.navigate().to(console.url() + "/#/git");
      // the failure by file, document and object
      awaitText(browser, "main", "fleet/policies.yaml", "Policy team-a/broken");
      assertThat(page.getPageSource())
          .contains("https://git.example.com/fleet.git")
          .doesNotContain("s3cret-in-url");
      screenshot(page, "console-git.png");
    }
  }

  @Test
  void aClustersPageShowsItsAgentVersionAndTheEventsTheViewerMayList() throws Exception {
    String admin = get("/api/cluster?name=c1", adminToken).body();
    assertThat(admin)
        .contains("\"agentVersion\":\"0.1.0-test\"")
        .contains("WorkStranded", "ManifestWork/stranded")
        .contains("ForcedCleanup", "ManagedCluster/c1")
        .doesNotContain("OnlyOnC2");
    // team-a's viewer may list clusters but no events: the cluster, without its events
    String teamA = get("/api/cluster?name=c1", teamAToken).body();
    assertThat(teamA)
        .contains("\"agentVersion\":\"0.1.0-test\"")
        .doesNotContain("WorkStranded")
        .doesNotContain("ForcedCleanup");
    try (Browser browser = Browser.open()) {
      WebDriver page = browser.driver();
      signIn(page, adminToken);
      page.navigate().to(console.url() + "/#/fleet");
      await("the fleet's agent versions")
          .atMost(WAIT)
          .until(
              () ->
                  browser.script(
                      "return [...document.querySelectorAll('#fleet tbody tr')]"
                          + ".map(r => r.dataset.cluster + ':' + r.lastElementChild.innerText)"
                          + ".join(',');"),
              t -> "c1:0.1.0-test,c2:not reported,c3:not reported".equals(t));
      page.navigate().to(console.url() + "/#/cluster/c1");
      awaitText(browser, "events", "WorkStranded", "ForcedCleanup");
      screenshot(page, "console-cluster.png");
    }
  }

  @Test
  void overHttpsTheHubsClientCertificatesSignUsersInWithTheirOwnRbac() throws Exception {
    CertificateAuthority servingCa = CertificateAuthority.create("console-serving-ca");
    var serving = servingCa.issueServer("console", List.of("localhost"), List.of("127.0.0.1"));
    Path dir = Files.createTempDirectory("console-tls");
    Path cert = Files.writeString(dir.resolve("tls.crt"), serving.certificatePem());
    Path key = Files.writeString(dir.resolve("tls.key"), serving.privateKeyPem());
    // team-a's viewers by group: the same rights as the team-a-viewer ServiceAccount
    hub.resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName("team-a-viewers-group")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "team-a-viewer")
                .addNewSubject()
                .withKind("Group")
                .withName("team-a-viewers")
                .withApiGroup("rbac.authorization.k8s.io")
                .endSubject()
                .build())
        .create();
    hub.resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("team-a-viewers-group")
                .withNamespace("team-a")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "team-a-viewer")
                .addNewSubject()
                .withKind("Group")
                .withName("team-a-viewers")
                .withApiGroup("rbac.authorization.k8s.io")
                .endSubject()
                .build())
        .create();
    String[] alice =
        ConsoleITFixtures.hubSignedCertificate(hub, "alice", List.of("team-a-viewers"));
    var adminConfig = hub.getConfiguration();
    String adminCert = decoded(adminConfig.getClientCertData(), adminConfig.getClientCertFile());
    String adminKey = decoded(adminConfig.getClientKeyData(), adminConfig.getClientKeyFile());
    CertificateAuthority stranger = CertificateAuthority.create("not-the-hubs-ca");
    var forged = stranger.issueClient("admin", List.of("system:masters"));

    // The client CA is the one the hub's API server publishes (no --console-client-ca).
    ConsoleTls tls = ConsoleTls.fromFiles(cert, key, null);
    try (ConsoleServer secure =
        ConsoleServer.start(
            hub, new InetSocketAddress("127.0.0.1", 0), false, Clock.systemUTC(), tls)) {
      assertThat(secure.url()).startsWith("https://127.0.0.1:");
      URI matrix = URI.create(secure.url() + "/api/matrix");
      // the admin's own kubeconfig certificate (system:masters): everything
      HttpResponse<String> asAdmin =
          ConsoleITFixtures.httpsClient(servingCa.certificate(), adminCert, adminKey)
              .send(HttpRequest.newBuilder(matrix).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(asAdmin.statusCode()).isEqualTo(200);
      assertThat(asAdmin.body()).contains("require-labels", "team-b-only");
      // a certificate the hub signed for a team-a viewer: team-a's policies only
      var asAlice = ConsoleITFixtures.httpsClient(servingCa.certificate(), alice[0], alice[1]);
      HttpResponse<String> aliceMatrix =
          asAlice.send(
              HttpRequest.newBuilder(matrix).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(aliceMatrix.statusCode()).isEqualTo(200);
      assertThat(aliceMatrix.body()).contains("require-labels").doesNotContain("team-b-only");
      assertThat(
              asAlice
                  .send(
                      HttpRequest.newBuilder(URI.create(secure.url() + "/api/whoami")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body())
          .contains("\"name\":\"alice\"");
      // no certificate: a token still signs in; without one, 401
      HttpClient plain = ConsoleITFixtures.httpsClient(servingCa.certificate(), null, null);
      assertThat(
              plain
                  .send(
                      HttpRequest.newBuilder(matrix).build(), HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(401);
      HttpResponse<String> byToken =
          plain.send(
              HttpRequest.newBuilder(matrix)
                  .header("Authorization", "Bearer " + teamAToken)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(byToken.statusCode()).isEqualTo(200);
      assertThat(byToken.body()).contains("require-labels").doesNotContain("team-b-only");
      // a certificate of another CA, whatever names it claims, does not get in
      HttpClient withForged =
          ConsoleITFixtures.httpsClient(
              servingCa.certificate(), forged.certificatePem(), forged.privateKeyPem());
      assertThatThrownBy(
              () ->
                  withForged.send(
                      HttpRequest.newBuilder(matrix).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }

  /** Waits until the page's element {@code id} shows every one of {@code parts}. */
  private static void awaitText(Browser browser, String id, String... parts) {
    await("#" + id + " showing " + List.of(parts))
        .atMost(WAIT)
        .until(
            () -> browser.script("return document.getElementById(arguments[0])?.innerText;", id),
            t -> t != null && List.of(parts).stream().allMatch(t.toString()::contains));
  }

  /** A kubeconfig's credential as PEM: inline (base64) or from its file. */
  private static String decoded(String base64, String file) throws IOException {
    return base64 != null
        ? new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)
        : Files.readString(Path.of(file));
  }

  @Test
  void aComplianceChangeOnTheHubAppearsOnTheOpenPageWithoutReload() throws Exception {
    try (Browser browser = Browser.open()) {
      openMatrix(browser, adminToken, "team-b/team-b-only", "c2");
      await("the live stream")
          .atMost(WAIT)
          .until(
              () -> browser.script("return document.getElementById('live').textContent;"),
              t -> "live".equals(t));
      browser.script("window.ocmjNotReloaded = true;");
      setCompliance("team-b", "team-b-only", Map.of("c1", "NonCompliant", "c2", "NonCompliant"));
      await("the changed cell on the open page")
          .atMost(LIVE)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> cell(browser, "team-b/team-b-only", "c2"),
              c -> c != null && c.get(0).equals("NonCompliant"));
      assertThat(browser.script("return window.ocmjNotReloaded === true;")).isEqualTo(true);
    } finally {
      setCompliance("team-b", "team-b-only", Map.of("c1", "NonCompliant", "c2", "Compliant"));
    }
  }

  @Test
  void leavingThePageEndsItsLiveStream() throws Exception {
    // An open stream holds one of the browser's six connections to the console: pages left
    // without ending theirs would leave none for the next load (it hung on the seventh).
    try (Browser browser = Browser.open()) {
      WebDriver page = browser.driver();
      signIn(page, adminToken);
      for (int i = 0; i < 10; i++) {
        page.navigate().to("about:blank");
        page.navigate().to(console.url() + "/#/matrix");
        await("load " + (i + 1) + " of the matrix")
            .atMost(WAIT)
            .until(
                () ->
                    browser.script(
                        "return document.getElementById('main').dataset.firstRenderMs || null;"),
                v -> v != null);
      }
      assertThat(cell(browser, "team-a/require-labels", "c1")).first().isEqualTo("Compliant");
    }
  }

  @Test
  void aTeamsViewerDoesNotSeeAnotherNamespacesPoliciesInTheBrowser() throws Exception {
    try (Browser browser = Browser.open()) {
      WebDriver page = openMatrix(browser, teamAToken, "team-a/require-labels", "c1");
      assertThat(
              browser.script(
                  "return [...document.querySelectorAll('tr[data-policy]')]"
                      + ".map(r => r.dataset.policy);"))
          .asInstanceOf(InstanceOfAssertFactories.list(String.class))
          .containsExactlyInAnyOrder("team-a/require-labels", "team-a/pending-one");
      assertThat(page.getPageSource()).doesNotContain("team-b-only");
      assertThat(page.findElement(By.id("who")).getText()).contains("team-a-viewer");
    }
  }

  /** Signs in with {@code token} and opens the matrix, once it shows {@code policy}'s cell. */
  private WebDriver openMatrix(Browser browser, String token, String policy, String cluster) {
    WebDriver page = browser.driver();
    signIn(page, token);
    page.navigate().to(console.url() + "/#/matrix");
    await("the matrix").atMost(WAIT).until(() -> cell(browser, policy, cluster), c -> c != null);
    return page;
  }

  private void signIn(WebDriver page, String token) {
    page.navigate().to(console.url() + "/");
    WebElement input =
        await("the sign-in form")
            .atMost(WAIT)
            .until(() -> page.findElements(By.id("token")), l -> !l.isEmpty())
            .get(0);
    input.sendKeys(token);
    page.findElement(By.cssSelector("form.login button")).click();
    await("signed in")
        .atMost(WAIT)
        .until(() -> page.findElement(By.id("who")).getText(), t -> t.startsWith("signed in"));
  }

  /** A matrix cell's state and background colour, or null while the page does not show it. */
  @SuppressWarnings("unchecked")
  private static List<String> cell(Browser browser, String policy, String cluster) {
    return (List<String>)
        browser.script(
            "const c = document.querySelector(\"tr[data-policy='"
                + policy
                + "'] td[data-cluster='"
                + cluster
                + "']\");"
                + " return c ? [c.dataset.state, getComputedStyle(c).backgroundColor] : null;");
  }

  /** Screenshots land in target/console-screenshots; -Docmj.updateDocs=true copies them to docs. */
  private static void screenshot(WebDriver page, String name) throws Exception {
    byte[] png = ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES);
    Path dir = Path.of("target", "console-screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), png);
    if (Boolean.getBoolean("ocmj.updateDocs")) {
      Path docs = Path.of("..", "docs", "console");
      Files.createDirectories(docs);
      Files.write(docs.resolve(name), png);
    }
  }
}
