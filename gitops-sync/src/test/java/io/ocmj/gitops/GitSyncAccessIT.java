package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.testing.junit.KubernetesClusters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may make a GitSync act, on a real hub: signed webhook calls sync at once and others are
 * refused; a service account applies only what its RBAC allows; suspend stops syncing.
 */
@KubernetesClusters("hub")
class GitSyncAccessIT extends GitSyncHubTest {
  @Test
  void aSignedWebhookSyncsAtOnceAndAnythingElseIsRefused() throws Exception {
    hub.secrets()
        .inNamespace("gitops")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("hook")
                .endMetadata()
                .addToStringData("token", "s3cret")
                .build())
        .serverSideApply();
    try (TestRepo repo = new TestRepo(repoDir)) {
      String first =
          repo.commit(
              "hooked",
              Map.of(
                  "hooked/cm.yaml",
                  TestManifests.namespace("team-c")
                      + "---\n"
                      + TestManifests.configMap("team-c", "h", "1")));
      fx.createSync("hooked", repo.url(), "hooked");
      hub.resources(GitSync.class)
          .inNamespace("gitops")
          .withName("hooked")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"webhook\":{\"secretRef\":{\"name\":\"hook\"}}}}");
      await("applied with a webhook path")
          .atMost(WAIT)
          .until(
              () ->
                  fx.applied("hooked", first)
                      && fx.get("hooked").getStatus().getWebhookPath() != null);
      String path = fx.get("hooked").getStatus().getWebhookPath();
      assertThat(path).isEqualTo(WebhookRoutes.path("s3cret", "hooked", "gitops"));
      String url = "http://127.0.0.1:" + controller.webhookPort().orElseThrow() + path;
      byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);

      String second =
          repo.commit(
              "change",
              Map.of(
                  "hooked/cm.yaml",
                  TestManifests.namespace("team-c")
                      + "---\n"
                      + TestManifests.configMap("team-c", "h", "2")));
      assertThat(
              WebhookCalls.post(
                  url,
                  body,
                  Map.of(
                      "X-Hub-Signature-256",
                      "sha256=" + WebhookCalls.hmac("s3cret", body),
                      "X-GitHub-Event",
                      "push")))
          .isEqualTo(200);
      await("the push is applied (interval is 1h)")
          .atMost(WAIT)
          .until(() -> fx.applied("hooked", second));

      String requested =
          fx.get("hooked").getMetadata().getAnnotations().get(GitSync.ANNOTATION_REQUESTED_AT);
      assertThat(
              WebhookCalls.post(
                  url,
                  body,
                  Map.of("X-Hub-Signature-256", "sha256=" + WebhookCalls.hmac("wrong", body))))
          .isEqualTo(401);
      assertThat(WebhookCalls.post(url, body, Map.of("X-Hub-Signature-256", "sha256=zz")))
          .isEqualTo(401);
      assertThat(WebhookCalls.post(url, body, Map.of())).as("no signature").isEqualTo(401);
      assertThat(WebhookCalls.post(url, body, Map.of("X-Gitlab-Token", "nope"))).isEqualTo(401);
      byte[] big = new byte[WebhookReceiver.MAX_BODY_BYTES + 10];
      assertThat(
              WebhookCalls.post(
                  url,
                  big,
                  Map.of("X-Hub-Signature-256", "sha256=" + WebhookCalls.hmac("s3cret", big))))
          .isEqualTo(413);
      assertThat(WebhookCalls.post(url.replace(path, "/hooks/0000"), body, Map.of()))
          .isEqualTo(404);
      assertThat(
              WebhookCalls.post(
                  url,
                  body,
                  Map.of(
                      "X-Hub-Signature-256",
                      "sha256=" + WebhookCalls.hmac("s3cret", body),
                      "X-GitHub-Event",
                      "ping")))
          .as("ping is answered, no sync")
          .isEqualTo(200);
      assertThat(
              fx.get("hooked").getMetadata().getAnnotations().get(GitSync.ANNOTATION_REQUESTED_AT))
          .as("nothing refused (and no ping) requested a sync")
          .isEqualTo(requested);
      assertThat(WebhookCalls.post(url, body, Map.of("X-Gitlab-Token", "s3cret"))).isEqualTo(200);
      assertThat(
              WebhookCalls.post(
                  url,
                  body,
                  Map.of("X-Hub-Signature", "sha1=" + WebhookCalls.hmac1("s3cret", body))))
          .isEqualTo(200);
      assertThat(
              WebhookCalls.post(
                  url, body, Map.of("X-Signature", "sha256=" + WebhookCalls.hmac("s3cret", body))))
          .isEqualTo(200);
      assertThat(WebhookCalls.get(url)).isEqualTo(405);
      assertThat(
              WebhookCalls.post(
                  url,
                  body,
                  Map.of("X-Signature", "sha512=" + WebhookCalls.hmac512("s3cret", body))))
          .isEqualTo(200);
      assertThat(
              fx.get("hooked").getMetadata().getAnnotations().get(GitSync.ANNOTATION_REQUESTED_AT))
          .isNotEqualTo(requested);
    }
  }

  @Test
  void aServiceAccountAppliesOnlyWhatItMayAndSuspendStopsSyncing() throws Exception {
    hub.serviceAccounts()
        .inNamespace("gitops")
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName("limited").endMetadata().build())
        .serverSideApply();
    hub.rbac()
        .roles()
        .inNamespace("gitops")
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("configmaps")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps")
                .withVerbs("get", "list", "create", "patch", "update", "delete")
                .endRule()
                .build())
        .serverSideApply();
    hub.rbac()
        .roleBindings()
        .inNamespace("gitops")
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("limited-configmaps")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "configmaps")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("limited")
                .withNamespace("gitops")
                .endSubject()
                .build())
        .serverSideApply();
    try (TestRepo repo = new TestRepo(repoDir)) {
      repo.commit(
          "one allowed, one not",
          Map.of(
              "sa/cm.yaml",
              TestManifests.configMap("gitops", "mine", "1")
                  + "---\n"
                  + TestManifests.configMap("kube-public", "theirs", "1")));
      fx.createSync("sa", repo.url(), "sa", spec -> spec.setServiceAccountName("limited"));
      await("the account may not write kube-public")
          .atMost(WAIT)
          .until(() -> fx.readyMessage("sa").contains("ConfigMap/kube-public/theirs"));
      assertThat(fx.readyMessage("sa"))
          .contains("forbidden", "system:serviceaccount:gitops:limited");
      assertThat(fx.value("gitops", "mine")).as("all or nothing").isNull();

      String allowed =
          repo.commit(
              "only what it may",
              Map.of("sa/cm.yaml", TestManifests.configMap("gitops", "mine", "1")));
      fx.requestSync("sa");
      await("applied as the account").atMost(WAIT).until(() -> fx.applied("sa", allowed));
      assertThat(
              hub.configMaps()
                  .inNamespace("gitops")
                  .withName("mine")
                  .get()
                  .getMetadata()
                  .getManagedFields())
          .anySatisfy(m -> assertThat(m.getManager()).isEqualTo(GitSync.FIELD_MANAGER));

      hub.resources(GitSync.class)
          .inNamespace("gitops")
          .withName("sa")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true}}");
      String later =
          repo.commit(
              "while suspended",
              Map.of("sa/cm.yaml", TestManifests.configMap("gitops", "mine", "2")));
      fx.requestSync("sa");
      await("suspended: nothing changes")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> "1".equals(fx.value("gitops", "mine")));
      hub.resources(GitSync.class)
          .inNamespace("gitops")
          .withName("sa")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":false}}");
      await("resumed").atMost(WAIT).until(() -> fx.applied("sa", later));
      assertThat(fx.value("gitops", "mine")).isEqualTo("2");
    }
  }

  @Test
  void anSshRemoteNeedsTheRightKeyAndAKnownHost() throws Exception {
    try (TestRepo repo = new TestRepo(repoDir);
        GitSshServer server = new GitSshServer(repo.repository())) {
      String knownHosts = server.knownHosts();
      String sha =
          repo.commit(
              "over ssh", Map.of("ssh/cm.yaml", TestManifests.configMap("gitops", "via-ssh", "1")));
      hub.resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("ssh-auth")
                  .withNamespace("gitops")
                  .endMetadata()
                  .addToStringData("identity", server.identity())
                  .addToStringData("known_hosts", knownHosts.replace("127.0.0.1", "127.0.0.2"))
                  .build())
          .serverSideApply();
      fx.createSync(
          "ssh",
          server.url(),
          "ssh",
          spec -> {
            var ref = new io.ocmj.api.gitops.v1alpha1.LocalObjectReference();
            ref.setName("ssh-auth");
            spec.setSecretRef(ref);
          });
      await("a host not in known_hosts is refused")
          .atMost(WAIT)
          .until(() -> !fx.readyReason("ssh").isEmpty());
      assertThat(fx.readyReason("ssh")).isNotEqualTo(GitSync.REASON_SUCCEEDED);
      assertThat(fx.value("gitops", "via-ssh")).isNull();
      assertThat(fx.readyMessage("ssh"))
          .contains("Server key did not validate")
          .doesNotContain("PRIVATE KEY");

      hub.secrets()
          .inNamespace("gitops")
          .withName("ssh-auth")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              Serialization.asJson(Map.of("stringData", Map.of("known_hosts", knownHosts))));
      fx.requestSync("ssh");
      await("applied over ssh").atMost(WAIT).until(() -> fx.applied("ssh", sha));
      assertThat(fx.value("gitops", "via-ssh")).isEqualTo("1");
    }
  }
}
