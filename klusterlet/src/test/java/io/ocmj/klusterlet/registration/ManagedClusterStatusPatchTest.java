package io.ocmj.klusterlet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.cluster.v1.ClusterClaimStatus;
import io.ocmj.api.cluster.v1.ManagedClusterStatus;
import io.ocmj.api.cluster.v1.ManagedClusterVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedClusterStatusPatchTest {
  private static ClusterClaimStatus claim(String name, String value) {
    ClusterClaimStatus c = new ClusterClaimStatus();
    c.setName(name);
    c.setValue(value);
    return c;
  }

  private static ManagedClusterStatus status(String version, List<ClusterClaimStatus> claims) {
    ManagedClusterStatus s = new ManagedClusterStatus();
    if (version != null) {
      ManagedClusterVersion v = new ManagedClusterVersion();
      v.setKubernetes(version);
      s.setVersion(v);
    }
    s.setClusterClaims(claims);
    return s;
  }

  @Test
  void theSameVersionAndClaimsAsTheHubShowsAreNotWrittenAgain() {
    ManagedClusterStatus hub = status("v1.37.2", List.of(claim("id.k8s.io", "abc")));
    assertThat(
            ManagedClusterStatusPatch.differs(hub, "v1.37.2", List.of(claim("id.k8s.io", "abc"))))
        .isFalse();
  }

  @Test
  void noClaimsIsTheSameAsAnAbsentList() {
    ManagedClusterStatus hub = status("v1.37.2", null);
    assertThat(ManagedClusterStatusPatch.differs(hub, "v1.37.2", List.of())).isFalse();
  }

  @Test
  void aChangedClaimANewVersionOrAStatusNotWrittenYetAreWritten() {
    ManagedClusterStatus hub = status("v1.37.2", List.of(claim("id.k8s.io", "abc")));
    assertThat(
            ManagedClusterStatusPatch.differs(
                hub, "v1.37.2", List.of(claim("id.k8s.io", "abc"), claim("region", "eu"))))
        .isTrue();
    assertThat(
            ManagedClusterStatusPatch.differs(hub, "v1.37.3", List.of(claim("id.k8s.io", "abc"))))
        .isTrue();
    assertThat(ManagedClusterStatusPatch.differs(null, "v1.37.2", List.of())).isTrue();
  }
}
