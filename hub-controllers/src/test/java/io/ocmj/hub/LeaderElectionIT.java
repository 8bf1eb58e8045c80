package io.ocmj.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementSpec;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.status.Conditions;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two hub replicas with leader election: one holds the Lease and reconciles; when it stops, the
 * other takes the Lease over and reconciles from then on.
 */
@KubernetesClusters("hub")
class LeaderElectionIT {
  private static final Duration WAIT = Duration.ofMinutes(1);
  private HubControllers first;
  private HubControllers second;

  @AfterEach
  void stop() {
    for (HubControllers c : new HubControllers[] {first, second}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void theStandbyTakesOverWhenTheLeaderStops(ClusterSet clusters) {
    KubernetesClient hub = clusters.get("hub").client();
    HubCrds.install(hub);
    HubConfig config = HubConfig.defaults().withLeaderElection("kube-system");
    first = HubControllers.start(hub, Clock.systemUTC(), config);
    second = HubControllers.start(hub, Clock.systemUTC(), config);
    List<String> identities =
        List.of(
            first.election().orElseThrow().identity(), second.election().orElseThrow().identity());
    assertThat(identities.get(0)).isNotEqualTo(identities.get(1));

    await("one replica holds the Lease").atMost(WAIT).until(() -> identities.contains(holder(hub)));
    String leader = holder(hub);
    createSet(hub, "led-by-first-leader");
    await("the leader reconciles").atMost(WAIT).until(() -> reconciled(hub, "led-by-first-leader"));

    HubControllers leading = leader.equals(identities.get(0)) ? first : second;
    HubControllers waiting = leading == first ? second : first;
    String standby = leader.equals(identities.get(0)) ? identities.get(1) : identities.get(0);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName("le").endMetadata().build())
        .serverSideApply();
    Placement placement = new Placement();
    placement.getMetadata().setName("p");
    placement.getMetadata().setNamespace("le");
    placement.setSpec(new PlacementSpec());
    hub.resource(placement).create();
    await("the leader schedules the placement")
        .atMost(WAIT)
        .until(() -> leading.placementPasses("le", "p") > 0);
    assertThat(waiting.placementPasses("le", "p")).as("the standby does nothing").isZero();
    leading.close();
    if (leading == first) {
      first = null;
    } else {
      second = null;
    }
    await("the standby takes the Lease over").atMost(WAIT).until(() -> standby.equals(holder(hub)));
    createSet(hub, "led-by-second-leader");
    await("the new leader reconciles")
        .atMost(WAIT)
        .until(() -> reconciled(hub, "led-by-second-leader"));
    assertThat((first != null ? first : second).live()).isTrue();
  }

  private static String holder(KubernetesClient hub) {
    Lease lease = hub.leases().inNamespace("kube-system").withName(HubConfig.LEASE).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static void createSet(KubernetesClient hub, String name) {
    ManagedClusterSet set = new ManagedClusterSet();
    set.getMetadata().setName(name);
    hub.resource(set).create();
  }

  private static boolean reconciled(KubernetesClient hub, String name) {
    ManagedClusterSet set = hub.resources(ManagedClusterSet.class).withName(name).get();
    return set.getStatus() != null
        && Conditions.find(set.getStatus().getConditions(), ManagedClusterSet.CONDITION_EMPTY)
            .isPresent();
  }
}
