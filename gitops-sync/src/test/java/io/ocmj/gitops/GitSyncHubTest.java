package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real hub per test class with ocmj's CRDs, the namespace {@code gitops} and a GitSync
 * controller with its webhook receiver on loopback; a fresh Git repository folder per test.
 */
abstract class GitSyncHubTest {
  static final Duration WAIT = Duration.ofSeconds(60);
  static KubernetesClient hub;
  static GitSyncController controller;
  static GitSyncFixtures fx;
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
}
