package io.ocmj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ocmj.testing.junit.KubernetesClusters;
import io.ocmj.testing.k3s.K3sClusterProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

class ClusterProviderTest {
  @AfterEach
  void clearSelection() {
    System.clearProperty(ClusterProvider.SELECTOR);
    System.clearProperty("ocmj.test.kubeconfig");
    System.clearProperty("ocmj.test.kubeconfig.contexts");
  }

  @Test
  void localIsTheDefault() {
    assertThat(ClusterProvider.selected()).isInstanceOf(LocalClusterProvider.class);
  }

  @Test
  void unknownProviderNameIsAnErrorThatListsTheChoices() {
    System.setProperty(ClusterProvider.SELECTOR, "kind");
    assertThatThrownBy(ClusterProvider::selected)
        .hasMessageContaining("-Docmj.test.clusters=kind")
        .hasMessageContaining("local, kubeconfig or k3s");
  }

  @Test
  void kubeconfigProviderNeedsMoreContextsThanItHas(@TempDir Path dir) throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("ca");
    var admin = ca.issueClient("admin", List.of("system:masters"));
    Path file = dir.resolve("config");
    Files.writeString(
        file,
        Kubeconfig.render(
            "only",
            "https://127.0.0.1:1",
            ca.certificatePem(),
            admin.certificatePem(),
            admin.privateKeyPem()));
    System.setProperty(ClusterProvider.SELECTOR, "kubeconfig");
    System.setProperty("ocmj.test.kubeconfig", file.toString());

    ClusterProvider provider = ClusterProvider.selected();
    List<TestCluster> one = provider.start(List.of("a"));
    assertThat(one)
        .singleElement()
        .satisfies(c -> assertThat(c.serverUrl()).startsWith("https://127.0.0.1:1"));
    one.forEach(TestCluster::close);
    assertThatThrownBy(() -> provider.start(List.of("a", "b")))
        .isInstanceOf(ClusterProviderUnavailableException.class)
        .hasMessageContaining("needs 2 clusters")
        .hasMessageContaining("[only]");
  }

  @Test
  void k3sWithoutDockerIsUnavailableWithAReason() {
    Assumptions.assumeFalse(
        DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is present here");
    assertThatThrownBy(() -> new K3sClusterProvider().start(List.of("a")))
        .isInstanceOf(ClusterProviderUnavailableException.class)
        .hasMessageContaining("Docker engine");
  }

  @Test
  void aTestClassIsSkippedWithTheReasonWhenItsProviderIsUnavailable() {
    Assumptions.assumeFalse(
        DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is present here");
    System.setProperty(ClusterProvider.SELECTOR, "k3s");
    var events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(NeedsClusters.class))
            .execute()
            .containerEvents();
    assertThat(events.aborted().count()).isEqualTo(1);
    assertThat(events.aborted().list().get(0).getPayload().orElseThrow().toString())
        .contains("no clusters for this test", "Docker engine");
  }

  @KubernetesClusters("x")
  static class NeedsClusters {
    @Test
    void neverRuns(ClusterSet clusters) {
      throw new AssertionError("must be skipped");
    }
  }
}
