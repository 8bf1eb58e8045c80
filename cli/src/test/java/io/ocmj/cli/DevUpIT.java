package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** README command (a): {@code ocmj dev up} brings up a hub and two managed clusters, then stops. */
class DevUpIT {
  @Test
  void hubAndTwoManagedClustersServeNamespacesUntilStopped(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread up =
        new Thread(
            () -> {
              CommandLine cli = new CommandLine(new Ocmj());
              cli.setOut(new PrintWriter(out, true));
              exit.set(cli.execute("dev", "up", "--kubeconfig-dir", dir.toString()));
            },
            "ocmj-dev-up");
    up.start();

    List<Path> kubeconfigs =
        List.of(
            dir.resolve("hub.kubeconfig"),
            dir.resolve("cluster1.kubeconfig"),
            dir.resolve("cluster2.kubeconfig"));
    await("dev up prints its summary")
        .atMost(Duration.ofMinutes(5))
        .until(() -> out.toString().contains("Press Ctrl-C"));
    assertThat(out.toString()).contains("kubectl --kubeconfig " + kubeconfigs.get(0) + " get ns");
    for (Path kubeconfig : kubeconfigs) {
      try (KubernetesClient client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
              .build()) {
        assertThat(client.namespaces().list().getItems())
            .extracting(Namespace::getMetadata)
            .extracting(m -> m.getName())
            .contains("default", "kube-system");
      }
    }

    up.interrupt();
    up.join(Duration.ofMinutes(1).toMillis());
    assertThat(up.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
    assertThat(out.toString()).contains("Stopped.");
    assertThat(kubeconfigs).noneMatch(Files::exists);
  }
}
