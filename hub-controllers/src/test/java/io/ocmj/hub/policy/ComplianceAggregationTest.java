package io.ocmj.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.policy.v1.PolicyStatus;
import io.ocmj.policy.report.CompliancePrecedence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplianceAggregationTest {
  @ParameterizedTest(name = "{0} -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "Compliant,Compliant|Compliant",
        "Compliant,NonCompliant,Pending|NonCompliant",
        "Compliant,Pending|Pending",
        "Compliant,|''",
        "Pending,|Pending",
        "|''"
      })
  void ocmsPrecedence(String states, String expected) {
    List<String> list = states == null ? List.of() : List.of(states.split(",", -1));
    assertThat(CompliancePrecedence.aggregate(list)).isEqualTo(expected == null ? "" : expected);
  }

  @org.junit.jupiter.api.Test
  void theRootListsEveryPlacedClusterWithItsReplicasState() {
    Map<String, Boolean> clusters = new LinkedHashMap<>();
    clusters.put("c1", false);
    clusters.put("c2", false);
    PolicyStatus status =
        ComplianceAggregation.root(
            new PolicyPropagation.Plan(clusters, List.of()), Map.of("c1", "Compliant"));
    assertThat(status.getStatus()).extracting(s -> s.getClustername()).containsExactly("c1", "c2");
    assertThat(status.getStatus().get(1).getCompliant()).isNull();
    assertThat(status.getCompliant()).as("c2 has not reported yet").isEmpty();
  }
}
