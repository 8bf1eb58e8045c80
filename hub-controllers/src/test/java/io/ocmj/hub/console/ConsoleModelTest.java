package io.ocmj.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncStatus;
import io.ocmj.api.policy.v1.CompliancePerClusterStatus;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicySpec;
import io.ocmj.api.policy.v1.PolicyStatus;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1.ManifestWorkStatus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleModelTest {
  /** Sees policies of the given namespaces only, and clusters. */
  private static Viewer seeing(String... namespaces) {
    return new Viewer() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public boolean mayList(String group, String resource, String namespace) {
        return resource.equals("managedclusters") || List.of(namespaces).contains(namespace);
      }
    };
  }

  static Policy root(String ns, String name, Map<String, String> compliance) {
    Policy p = new Policy();
    p.getMetadata().setNamespace(ns);
    p.getMetadata().setName(name);
    p.getMetadata()
        .setAnnotations(
            Map.of(
                Policy.ANNOTATION_STANDARDS,
                "NIST SP 800-53",
                GitSync.ANNOTATION_REVISION,
                "main@sha1:abc"));
    p.setSpec(new PolicySpec());
    p.setStatus(status(compliance));
    return p;
  }

  /** A root policy's status: each cluster's compliance (also ConsoleIT's). */
  static PolicyStatus status(Map<String, String> compliance) {
    PolicyStatus status = new PolicyStatus();
    compliance.forEach(
        (cluster, state) -> {
          CompliancePerClusterStatus s = new CompliancePerClusterStatus();
          s.setClustername(cluster);
          s.setClusternamespace(cluster);
          s.setCompliant(state);
          status.getStatus().add(s);
        });
    return status;
  }

  static Policy replicated(String cluster, String rootNs, String name, String state) {
    Policy p = root(cluster, rootNs + "." + name, Map.of());
    p.getMetadata().setLabels(Map.of(Policy.LABEL_ROOT_POLICY, rootNs + "." + name));
    p.getStatus().setCompliant(state);
    return p;
  }

  @Test
  void matrixHasACellPerPolicyAndClusterWithCounts() {
    ConsoleModel.Matrix m =
        ConsoleModel.matrix(
            Viewer.admin("admin"),
            List.of(
                root("a", "p1", Map.of("c1", "Compliant", "c2", "NonCompliant")),
                root("a", "p2", Map.of("c1", "Pending", "c3", "weird")),
                replicated("c1", "a", "p1", "Compliant")));
    assertThat(m.clusters()).containsExactly("c1", "c2", "c3");
    assertThat(m.policies()).extracting(ConsoleModel.PolicyRow::name).containsExactly("p1", "p2");
    ConsoleModel.PolicyRow p1 = m.policies().get(0);
    assertThat(p1.cells())
        .containsExactly(Map.entry("c1", "Compliant"), Map.entry("c2", "NonCompliant"));
    assertThat(p1.counts())
        .containsEntry("Compliant", 1)
        .containsEntry("NonCompliant", 1)
        .containsEntry("Pending", 0)
        .containsEntry("Unknown", 1); // c3 has no status for p1: an Unknown cell, counted
    // p2: c1 Pending, c3 an unknown word, c2 no status
    assertThat(m.policies().get(1).counts())
        .containsEntry("Pending", 1)
        .containsEntry("Unknown", 2);
    assertThat(m.clusterCounts().get("c2"))
        .containsEntry("NonCompliant", 1)
        .containsEntry("Unknown", 1);
    assertThat(p1.standards()).isEqualTo("NIST SP 800-53");
    assertThat(p1.revision()).isEqualTo("main@sha1:abc");
    // an unknown word from a status is shown as unknown, not passed on
    assertThat(m.policies().get(1).cells()).containsEntry("c3", ConsoleModel.UNKNOWN);
    assertThat(m.clusterCounts().get("c1"))
        .containsEntry("Compliant", 1)
        .containsEntry("Pending", 1);
  }

  @Test
  void aViewerSeesOnlyPoliciesOfNamespacesTheirRbacLets() {
    ConsoleModel.Matrix m =
        ConsoleModel.matrix(
            seeing("team-a"),
            List.of(
                root("team-a", "mine", Map.of("c1", "Compliant")),
                root("team-b", "theirs", Map.of("c1", "NonCompliant", "c9", "Compliant"))));
    assertThat(m.policies()).extracting(ConsoleModel.PolicyRow::name).containsExactly("mine");
    assertThat(m.namespaces()).containsExactly("team-a");
    // clusters only known from a hidden policy's status do not show either
    assertThat(m.clusters()).containsExactly("c1");
    assertThat(m.clusterCounts().get("c1")).doesNotContainEntry("NonCompliant", 1);
  }

  @Test
  void aCellsDetailIsForbiddenOutsideTheViewersNamespaces() {
    Policy r = root("team-b", "theirs", Map.of("c1", "NonCompliant"));
    assertThat(ConsoleModel.cell(seeing("team-a"), r, null, "c1").forbidden()).isTrue();
    ConsoleModel.CellDetail d = ConsoleModel.cell(seeing("team-b"), r, null, "c1");
    assertThat(d.forbidden()).isFalse();
    assertThat(d.state()).isEqualTo("NonCompliant");
    assertThat(d.revision()).isEqualTo("main@sha1:abc");
  }

  @Test
  void fleetRowsCarryConditionsLabelsAndSets() {
    ManagedCluster mc = new ManagedCluster();
    mc.getMetadata().setName("c1");
    mc.getMetadata()
        .setLabels(Map.of("cluster.open-cluster-management.io/clusterset", "prod", "env", "prod"));
    ManagedClusterSpec spec = new ManagedClusterSpec();
    spec.setHubAcceptsClient(true);
    mc.setSpec(spec);
    ManagedClusterStatus status = new ManagedClusterStatus();
    status
        .getConditions()
        .add(
            new ConditionBuilder()
                .withType(ManagedCluster.CONDITION_JOINED)
                .withStatus("True")
                .build());
    mc.setStatus(status);
    ConsoleModel.Fleet f = ConsoleModel.fleet(Viewer.admin("a"), List.of(mc), Map.of());
    assertThat(f.clusterSets()).containsExactly("prod");
    ConsoleModel.ClusterRow row = f.clusters().get(0);
    assertThat(row.accepted()).isTrue();
    assertThat(row.joined()).isEqualTo("True");
    assertThat(row.available()).isEqualTo("Unknown");
    assertThat(row.lastLease()).isNull();
    assertThat(row.agentVersion()).as("an agent that does not report its version").isNull();
    ClusterClaimStatus agent = new ClusterClaimStatus();
    agent.setName(ClusterClaim.AGENT_VERSION);
    agent.setValue("0.1.0");
    status.getClusterClaims().add(agent);
    assertThat(ConsoleModel.fleet(Viewer.admin("a"), List.of(mc), Map.of()).clusters())
        .extracting(ConsoleModel.ClusterRow::agentVersion)
        .containsExactly("0.1.0");
    assertThat(ConsoleModel.fleet(seeing(), List.of(mc), Map.of()).forbidden()).isFalse();
    Viewer nobody =
        new Viewer() {
          @Override
          public String name() {
            return "nobody";
          }

          @Override
          public boolean mayList(String group, String resource, String namespace) {
            return false;
          }
        };
    ConsoleModel.Fleet hidden = ConsoleModel.fleet(nobody, List.of(mc), Map.of());
    assertThat(hidden.forbidden()).isTrue();
    assertThat(hidden.clusters()).isEmpty();
  }

  @Test
  void aWorkIsFailedWhenDegradedOrNotApplied() {
    assertThat(ConsoleModel.workState(work())).isEqualTo("Pending");
    assertThat(ConsoleModel.workState(work("Applied", "True"))).isEqualTo("Applied");
    assertThat(ConsoleModel.workState(work("Applied", "True", "Available", "True")))
        .isEqualTo("Available");
    assertThat(ConsoleModel.workState(work("Applied", "False"))).isEqualTo("Failed");
    assertThat(
            ConsoleModel.workState(
                work("Applied", "True", "Available", "True", "Degraded", "True")))
        .isEqualTo("Failed");
  }

  private static ManifestWork work(String... conditions) {
    ManifestWork w = new ManifestWork();
    w.getMetadata().setName("w");
    ManifestWorkStatus s = new ManifestWorkStatus();
    for (int i = 0; i < conditions.length; i += 2) {
      s.getConditions()
          .add(
              new ConditionBuilder().withType(conditions[i]).withStatus(conditions[i + 1]).build());
    }
    w.setStatus(s);
    return w;
  }

  @Test
  void gitRowsAreLimitedByRbacAndCarryCommits() {
    GitSync s = new GitSync();
    s.getMetadata().setNamespace("gitops");
    s.getMetadata().setName("fleet");
    GitSyncStatus status = new GitSyncStatus();
    status.setLastAppliedRevision("main@sha1:abc");
    s.setStatus(status);
    var commits =
        Map.of(
            "gitops/fleet",
            List.of(
                new ConsoleModel.RecordedCommit(
                    "main@sha1:abc",
                    "t",
                    Map.of(
                        "team-a", Map.of("NonCompliant", 2), "team-b", Map.of("NonCompliant", 5)),
                    Map.of(
                        "team-a", Map.of("NonCompliant", 0), "team-b", Map.of("Compliant", 5)))));
    assertThat(ConsoleModel.git(seeing("other"), List.of(s), commits).syncs()).isEmpty();
    ConsoleModel.SyncRow row =
        ConsoleModel.git(seeing("gitops", "team-a"), List.of(s), commits).syncs().get(0);
    assertThat(row.lastAppliedRevision()).isEqualTo("main@sha1:abc");
    assertThat(row.ready()).isEqualTo("Unknown");
    // the commit's effect counts only the policies this viewer may see (team-a, not team-b)
    assertThat(row.commits()).hasSize(1);
    assertThat(row.commits().get(0).before()).containsEntry("NonCompliant", 2);
    assertThat(row.commits().get(0).after())
        .containsEntry("NonCompliant", 0)
        .containsEntry("Compliant", 0);
  }

  @Test
  void aUrlIsShownWithoutCredentialsWrittenIntoIt() {
    assertThat(ConsoleModel.withoutUserInfo("https://bot:s3cret@git.example.com/fleet.git"))
        .isEqualTo("https://git.example.com/fleet.git");
    assertThat(ConsoleModel.withoutUserInfo("https://git.example.com/fleet.git"))
        .isEqualTo("https://git.example.com/fleet.git");
    assertThat(ConsoleModel.withoutUserInfo("git@github.com:org/fleet.git"))
        .isEqualTo("git@github.com:org/fleet.git");
  }

  @Test
  void aCellsHistoryNeedsTheClusterNamespaceAndTheRightReplica() {
    Policy r = root("team-a", "p", Map.of("c1", "NonCompliant"));
    Policy replica = replicated("c1", "team-a", "p", "NonCompliant");
    io.ocmj.api.policy.v1.DetailsPerTemplate d = new io.ocmj.api.policy.v1.DetailsPerTemplate();
    d.setCompliant("NonCompliant");
    io.ocmj.api.policy.v1.ComplianceHistory h = new io.ocmj.api.policy.v1.ComplianceHistory();
    h.setMessage("NonCompliant; violation - configmaps [x] not found in namespace default");
    d.getHistory().add(h);
    replica.getStatus().getDetails().add(d);
    assertThat(ConsoleModel.cell(seeing("team-a", "c1"), r, replica, "c1").templates())
        .singleElement()
        .satisfies(t -> assertThat(t.history()).hasSize(1));
    // may see the root policy but not the cluster's namespace: state, no history
    ConsoleModel.CellDetail rootOnly = ConsoleModel.cell(seeing("team-a"), r, replica, "c1");
    assertThat(rootOnly.state()).isEqualTo("NonCompliant");
    assertThat(rootOnly.templates()).isEmpty();
    // a policy in the cluster namespace that is not this root's replica is not shown as one
    Policy other = replicated("c1", "team-a", "q", "Compliant");
    other.getMetadata().setName("team-a.p");
    other.getStatus().getDetails().add(d);
    assertThat(ConsoleModel.cell(seeing("team-a", "c1"), r, other, "c1").templates()).isEmpty();
  }

  @Test
  void queryStringsAreDecoded() {
    assertThat(ConsoleServer.query(URI.create("/api/cell?namespace=a%2Fb&policy=p+1&cluster")))
        .containsEntry("namespace", "a/b")
        .containsEntry("policy", "p 1")
        .containsEntry("cluster", "");
  }

  @Test
  void aLoopbackConsoleAnswersLoopbackNamesOnAnyPortAndNoOtherName() {
    assertThat(ConsoleServer.isLoopbackName("127.0.0.1:8480")).isTrue();
    assertThat(ConsoleServer.isLoopbackName("localhost:9000")).isTrue(); // port-forward
    assertThat(ConsoleServer.isLoopbackName("LOCALHOST")).isTrue();
    assertThat(ConsoleServer.isLoopbackName("[::1]:8480")).isTrue();
    assertThat(ConsoleServer.isLoopbackName("[0:0:0:0:0:0:0:1]:8480")).isTrue();
    assertThat(ConsoleServer.isLoopbackName("127.0.0.2")).isTrue();
    // DNS rebinding: another site's name that resolves to 127.0.0.1 is refused, not resolved
    assertThat(ConsoleServer.isLoopbackName("evil.example.com:8480")).isFalse();
    assertThat(ConsoleServer.isLoopbackName("localhost.evil.example.com")).isFalse();
    assertThat(ConsoleServer.isLoopbackName("10.0.0.1:8480")).isFalse();
    assertThat(ConsoleServer.isLoopbackName(null)).isFalse();
    assertThat(ConsoleServer.isLoopbackName("[::1")).isFalse();
  }

  @Test
  void devModeServesLoopbackOnly() {
    assertThatThrownBy(
            () ->
                ConsoleServer.start(
                    null, new InetSocketAddress("0.0.0.0", 0), true, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback only");
  }

  /** May list core/v1 events in the given namespaces, and nothing else. */
  private static Viewer listingEventsIn(String... namespaces) {
    return new Viewer() {
      @Override
      public String name() {
        return "events";
      }

      @Override
      public boolean mayList(String group, String resource, String namespace) {
        return group.isEmpty()
            && resource.equals("events")
            && List.of(namespaces).contains(namespace);
      }
    };
  }

  @Test
  void aClustersEventsAreNewestFirstAndOnlyFromNamespacesTheViewerMayList() {
    Event old =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace("c1")
            .withName("a")
            .endMetadata()
            .withNewInvolvedObject()
            .withKind("ManifestWork")
            .withName("w")
            .endInvolvedObject()
            .withType("Warning")
            .withReason("Old")
            .withLastTimestamp("2026-11-27T01:00:01Z")
            .build();
    // an events.k8s.io event: eventTime only, in micro-seconds, half a millisecond after "Old"
    // (as strings, "01Z" sorts after "01.000500Z")
    Event micro =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace("c1")
            .withName("b")
            .endMetadata()
            .withType("Normal")
            .withReason("Micro")
            .withEventTime(new MicroTime("2026-11-27T01:00:01.000500Z"))
            .build();
    // a series: its last observation and its count
    Event series =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace("c1")
            .withName("s")
            .endMetadata()
            .withReason("Series")
            .withEventTime(new MicroTime("2026-11-27T00:00:00.000000Z"))
            .withNewSeries()
            .withCount(7)
            .withLastObservedTime(new MicroTime("2026-11-27T01:30:00.000000Z"))
            .endSeries()
            .build();
    Event aboutCluster =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace("default")
            .withName("c")
            .endMetadata()
            .withNewInvolvedObject()
            .withKind("ManagedCluster")
            .withName("c1")
            .endInvolvedObject()
            .withReason("Cluster")
            .withFirstTimestamp("2026-11-27T02:00:00Z")
            .withCount(3)
            .build();
    List<Event> events = List.of(old, micro, series, aboutCluster);
    assertThat(ConsoleModel.eventRows(Viewer.admin("a"), events))
        .extracting(e -> e.reason() + "@" + e.time() + "x" + e.count())
        .containsExactly(
            "Cluster@2026-11-27T02:00:00Zx3",
            "Series@2026-11-27T01:30:00Zx7",
            "Micro@2026-11-27T01:00:01.000500Zx1",
            "Old@2026-11-27T01:00:01Zx1");
    assertThat(ConsoleModel.eventRows(listingEventsIn("c1"), events))
        .extracting(ConsoleModel.EventRow::reason)
        .containsExactly("Series", "Micro", "Old");
    assertThat(ConsoleModel.eventRows(listingEventsIn("default"), events))
        .extracting(ConsoleModel.EventRow::reason)
        .containsExactly("Cluster");
    assertThat(ConsoleModel.eventRows(seeing(), events)).isEmpty();
  }

  @Test
  void aManagedClustersEventsAreTheOnesInDefaultAboutThatVeryCluster() {
    Event inDefault = aboutCluster("default", null);
    Event elsewhere = aboutCluster("team-a", null); // anyone with rights in team-a could write it
    Event inItsNamespace =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace("c1")
            .withName("w")
            .endMetadata()
            .build();
    assertThat(FleetView.clusterOf(inDefault)).containsExactly("c1");
    assertThat(FleetView.clusterOf(elsewhere)).isEmpty();
    assertThat(FleetView.clusterOf(inItsNamespace)).containsExactly("c1");
    ManagedCluster mc = new ManagedCluster();
    mc.getMetadata().setName("c1");
    mc.getMetadata().setUid("uid-now");
    Event earlier = aboutCluster("default", "uid-before"); // a deleted cluster of the same name
    Event now = aboutCluster("default", "uid-now");
    assertThat(FleetView.eventsOf(mc, List.of(inDefault, earlier, now, inItsNamespace)))
        .containsExactly(inDefault, now, inItsNamespace);
  }

  private static Event aboutCluster(String namespace, String uid) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName("c1." + namespace + "." + uid)
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion("cluster.open-cluster-management.io/v1")
        .withKind("ManagedCluster")
        .withName("c1")
        .withUid(uid)
        .endInvolvedObject()
        .build();
  }
}
