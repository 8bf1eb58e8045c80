package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.hub.registration.CsrDecision.ClusterState;
import io.ocmj.hub.registration.CsrDecision.Outcome;
import io.ocmj.hub.registration.CsrDecision.Request;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsrDecisionTest {
  private static final String AGENT = "system:open-cluster-management:c1:agent1";
  private static final String BOOTSTRAP =
      "system:serviceaccount:open-cluster-management:cluster-bootstrap";
  private static final ClusterState ACCEPTED = new ClusterState(true, true, false);
  private static final ClusterState JOINED = new ClusterState(true, true, true);

  private static Request request(
      String label, String cn, List<String> orgs, List<String> usages, String by) {
    return new Request("csr", CsrDecision.SIGNER, label, usages, cn, orgs, by);
  }

  private static Request good(String by) {
    return request(
        "c1", AGENT, List.of("system:open-cluster-management:c1"), List.of("client auth"), by);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "bootstrap request of an accepted cluster",
            good(BOOTSTRAP),
            ACCEPTED,
            true,
            "is accepted"),
        Arguments.of("renewal by the agent itself", good(AGENT), JOINED, true, "renewal"),
        Arguments.of(
            "the reserved cluster name managed-clusters (every agent's group)",
            request(
                "managed-clusters",
                "system:open-cluster-management:managed-clusters:agent1",
                List.of("system:open-cluster-management:managed-clusters"),
                List.of("client auth"),
                BOOTSTRAP),
            ACCEPTED,
            false,
            "is reserved"),
        Arguments.of(
            "cluster not accepted",
            good(BOOTSTRAP),
            new ClusterState(true, false, false),
            false,
            "not accepted"),
        Arguments.of(
            "cluster does not exist",
            good(BOOTSTRAP),
            new ClusterState(false, false, false),
            false,
            "not accepted"),
        Arguments.of(
            "bootstrap request after the cluster joined",
            good(BOOTSTRAP),
            JOINED,
            false,
            "already joined"),
        Arguments.of(
            "foreign CN: labelled c1, asks for c2's identity",
            request(
                "c1",
                "system:open-cluster-management:c2:agent1",
                List.of("system:open-cluster-management:c1"),
                List.of("client auth"),
                BOOTSTRAP),
            ACCEPTED,
            false,
            "names cluster c2"),
        Arguments.of(
            "foreign CN and label: c2's agent asks for c1's identity",
            good("system:open-cluster-management:c2:agent9"),
            JOINED,
            false,
            "requested by system:open-cluster-management:c2:agent9"),
        Arguments.of(
            "extra group",
            request(
                "c1",
                AGENT,
                List.of("system:open-cluster-management:c1", "system:masters"),
                List.of("client auth"),
                BOOTSTRAP),
            ACCEPTED,
            false,
            "must be exactly"),
        Arguments.of(
            "common managed-clusters group is tolerated",
            request(
                "c1",
                AGENT,
                List.of(
                    "system:open-cluster-management:c1",
                    "system:open-cluster-management:managed-clusters"),
                List.of("client auth"),
                BOOTSTRAP),
            ACCEPTED,
            true,
            "is accepted"),
        Arguments.of(
            "server auth usage",
            request(
                "c1",
                AGENT,
                List.of("system:open-cluster-management:c1"),
                List.of("client auth", "server auth"),
                BOOTSTRAP),
            ACCEPTED,
            false,
            "usages"),
        Arguments.of(
            "missing label",
            request(
                null,
                AGENT,
                List.of("system:open-cluster-management:c1"),
                List.of("client auth"),
                BOOTSTRAP),
            ACCEPTED,
            false,
            "label open-cluster-management.io/cluster-name is missing"),
        Arguments.of(
            "CN not in OCM's form",
            request(
                "c1",
                "admin",
                List.of("system:open-cluster-management:c1"),
                List.of("client auth"),
                BOOTSTRAP),
            ACCEPTED,
            false,
            "is not system:open-cluster-management:<cluster>:<agent>"),
        Arguments.of(
            "another signer",
            new Request(
                "csr",
                "kubernetes.io/kubelet-serving",
                "c1",
                List.of("client auth"),
                AGENT,
                List.of("system:open-cluster-management:c1"),
                BOOTSTRAP),
            ACCEPTED,
            false,
            "signer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, Request request, ClusterState cluster, boolean approve, String reason) {
    Outcome outcome = CsrDecision.decide(request, cluster);
    assertThat(outcome.approve()).as(outcome.reason()).isEqualTo(approve);
    assertThat(outcome.reason()).contains(reason);
  }
}
