package io.ocmj.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
  private static final String NEWER_OCM_OBJECT =
      """
      apiVersion: cluster.open-cluster-management.io/v1
      kind: ManagedCluster
      metadata:
        name: c1
      spec:
        hubAcceptsClient: true
        someFutureField:
          enabled: true
        managedClusterClientConfigs:
        - url: https://c1:6443
          futureTls: strict
      """;

  @Test
  void fieldsThisVersionDoesNotModelSurviveAReadModifyWrite() {
    ManagedCluster cluster = Serialization.unmarshal(NEWER_OCM_OBJECT, ManagedCluster.class);
    cluster.getSpec().setLeaseDurationSeconds(30);

    @SuppressWarnings("unchecked")
    Map<String, Object> spec =
        (Map<String, Object>)
            Serialization.unmarshal(Serialization.asJson(cluster), Map.class).get("spec");

    assertThat(spec).containsEntry("someFutureField", Map.of("enabled", true));
    assertThat(spec).containsEntry("leaseDurationSeconds", 30);
    assertThat(spec.get("managedClusterClientConfigs").toString()).contains("futureTls=strict");
    assertThat(spec).doesNotContainKey("unknownFields");
  }

  @Test
  void modelledFieldsAreNotDuplicatedAsUnknown() {
    ManagedCluster cluster = Serialization.unmarshal(NEWER_OCM_OBJECT, ManagedCluster.class);
    assertThat(cluster.getSpec().unknownFields()).containsOnlyKeys("someFutureField");
    assertThat(cluster.getSpec().isAccepted()).isTrue();
  }
}
