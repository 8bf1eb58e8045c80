package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitSync webhook receiver on a real hub: signed calls sync at once, others are refused. */
@KubernetesClusters("hub")
class GitSyncWebhookIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KubernetesClient hub;
  private static GitSyncController controller;
  private static GitSyncFixtures fx;
  @TempDir static Path cache;
  @TempDir Path repoDir;

  @BeforeAll
  static void start(ClusterSet clusters) throws IOException {
    hub = clusters.get("hub").client();
    fx = new GitSyncFixtures(hub);
    HubCrds.install(hub);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("gitops").endMetadata().build())
        .serverSideApply();
    controller =
        GitSyncController.start(
            hub, cache, Clock.systemUTC(), new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    if (controller != null) {
      controller.close();
    }
  }

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
                  Map.of("X-Signature", "sha512=" + WebhookCalls.hmac512("s3cret", body))))
          .isEqualTo(200);
      assertThat(
              fx.get("hooked").getMetadata().getAnnotations().get(GitSync.ANNOTATION_REQUESTED_AT))
          .isNotEqualTo(requested);
    }
  }
}
