package io.ocmj.klusterlet.policy;

import static io.ocmj.klusterlet.policy.PolicyTestbed.WAIT;
import static io.ocmj.klusterlet.policy.PolicyTestbed.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.ocmj.api.policy.v1.ComplianceHistory;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.LocalCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The policy agent across its own restart and a hub API server outage. */
@KubernetesClusters({"hub", "c1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyResilienceIT {
  private static PolicyTestbed bed;

  @BeforeAll
  static void start(ClusterSet clusters) {
    bed = new PolicyTestbed(clusters.get("hub"), List.of(clusters.get("c1")));
    bed.create(
        policy(
            "survivor",
            "inform",
            """
            - complianceType: musthave
              objectDefinition:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: survivor, namespace: default}
            """));
    bed.bind("survivor", "one");
    bed.decide("one", List.of("c1"));
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  private static List<ComplianceHistory> history() {
    return bed.details("survivor", "c1").isEmpty()
        ? List.of()
        : bed.details("survivor", "c1").get(0).getHistory();
  }

  /** Every entry is its own event, and no two neighbours say the same. */
  private static void assertNoDuplicates(List<ComplianceHistory> history) {
    assertThat(history).extracting(ComplianceHistory::getEventName).doesNotHaveDuplicates();
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).getMessage())
          .as("history entry %d repeats its newer neighbour", i)
          .isNotEqualTo(history.get(i - 1).getMessage());
    }
  }

  @Test
  @Order(1)
  void anAgentRestartConvergesWithoutRepeatingHistory() {
    await("NonCompliant first")
        .atMost(WAIT)
        .until(() -> "NonCompliant".equals(bed.clusterState("survivor", "c1")));
    bed.stopAgent("c1");
    bed.managed("c1")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("survivor")
                .withNamespace("default")
                .endMetadata()
                .build())
        .serverSideApply();
    bed.startAgent("c1");
    await("Compliant after the restart")
        .atMost(WAIT)
        .until(() -> "Compliant".equals(bed.clusterState("survivor", "c1")));
    bed.stopAgent("c1");
    bed.startAgent("c1");
    await("a second restart adds nothing")
        .during(java.time.Duration.ofSeconds(5))
        .atMost(WAIT)
        .until(() -> history().size() == 2);
    assertNoDuplicates(history());
    assertThat(history())
        .extracting(h -> h.getMessage().split(";")[0])
        .containsExactly("Compliant", "NonCompliant");
  }

  @Test
  @Order(2)
  void statusConvergesAfterAHubOutage(ClusterSet clusters) {
    assumeThat(clusters.get("hub"))
        .as("stops the hub's API server, which needs local clusters (-Docmj.test.clusters=local)")
        .isInstanceOf(LocalCluster.class);
    bed.managed("c1")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("survivor")
                .withNamespace("default")
                .endMetadata()
                .build())
        .serverSideApply();
    await("Compliant before the outage")
        .atMost(WAIT)
        .until(() -> "Compliant".equals(bed.clusterState("survivor", "c1")));
    bed.managed("c1").configMaps().inNamespace("default").withName("survivor").delete();
    ((LocalCluster) clusters.get("hub")).restartApiServer();
    await("the change made during the outage reaches the hub")
        .atMost(WAIT)
        .until(
            () ->
                "NonCompliant".equals(bed.clusterState("survivor", "c1"))
                    && "NonCompliant".equals(bed.root("survivor").getStatus().getCompliant()));
    assertNoDuplicates(history());
  }
}
