package io.ocmj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.ocmj.testing.junit.KubernetesClusters;
import org.junit.jupiter.api.Test;

/** The harness can take a cluster's API server down and up again; its data and clients survive. */
@KubernetesClusters("restart")
class ApiServerRestartIT {
  @Test
  void restartedApiServerServesTheSameDataOnTheSameUrl(ClusterSet clusters) {
    LocalCluster cluster = (LocalCluster) clusters.get(0);
    var client = cluster.client();
    client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("survivor")
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
    long before = cluster.pids().get(1);

    cluster.restartApiServer();

    assertThat(cluster.pids().get(1)).isNotEqualTo(before);
    assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(client.configMaps().inNamespace("default").withName("survivor").get().getData())
        .containsEntry("k", "v");
  }
}
