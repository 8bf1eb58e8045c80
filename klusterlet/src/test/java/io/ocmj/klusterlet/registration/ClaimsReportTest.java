package io.ocmj.klusterlet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.cluster.v1alpha1.ClusterClaimSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClaimsReportTest {
  private static ClusterClaim claim(String name, String value) {
    ClusterClaim c = new ClusterClaim();
    c.getMetadata().setName(name);
    ClusterClaimSpec spec = new ClusterClaimSpec();
    spec.setValue(value);
    c.setSpec(spec);
    return c;
  }

  @Test
  void reservedClaimsComeFirstInTheirOrderThenCustomByName() {
    List<ClusterClaimStatus> report =
        ClaimsReport.report(
            List.of(
                claim("zone.example.com", "a"),
                claim("platform.open-cluster-management.io", "Kind"),
                claim("id.k8s.io", "uid-1"),
                claim("region.example.com", "eu")),
            20,
            null);
    assertThat(report)
        .extracting(ClusterClaimStatus::getName)
        .containsExactly(
            "id.k8s.io",
            "platform.open-cluster-management.io",
            "region.example.com",
            "zone.example.com");
  }

  @Test
  void customClaimsAreCutToTheMaximumButReservedOnesStay() {
    List<ClusterClaim> claims = new ArrayList<>();
    IntStream.range(0, 25)
        .forEach(i -> claims.add(claim(String.format("c%02d.example.com", i), "v")));
    claims.add(claim("id.k8s.io", "uid"));
    List<ClusterClaimStatus> report = ClaimsReport.report(claims, 20, null);
    assertThat(report).hasSize(21);
    assertThat(report.get(0).getName()).isEqualTo("id.k8s.io");
    assertThat(report.get(20).getName()).isEqualTo("c19.example.com");
  }

  @Test
  void claimsWithoutValueAreLeftOut() {
    assertThat(ClaimsReport.report(List.of(claim("empty.example.com", "")), 20, null)).isEmpty();
  }

  @Test
  void theAgentsVersionComesAfterOcmsReservedClaimsAndAnObjectOfItsNameIsIgnored() {
    List<ClusterClaimStatus> report =
        ClaimsReport.report(
            List.of(
                claim("zone.example.com", "a"),
                claim(ClusterClaim.AGENT_VERSION, "made-up"),
                claim("id.k8s.io", "uid-1")),
            20,
            "1.2.3");
    assertThat(report)
        .extracting(c -> c.getName() + "=" + c.getValue())
        .containsExactly("id.k8s.io=uid-1", "agentversion.ocmj.io=1.2.3", "zone.example.com=a");
  }

  @Test
  void theAgentsVersionDoesNotCountAgainstTheCustomMaximum() {
    List<ClusterClaim> claims = new ArrayList<>();
    IntStream.range(0, 3)
        .forEach(i -> claims.add(claim(String.format("c%02d.example.com", i), "v")));
    assertThat(ClaimsReport.report(claims, 3, "1.2.3"))
        .extracting(ClusterClaimStatus::getName)
        .containsExactly(
            "agentversion.ocmj.io", "c00.example.com", "c01.example.com", "c02.example.com");
  }
}
