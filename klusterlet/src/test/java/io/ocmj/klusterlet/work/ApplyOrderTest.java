package io.ocmj.klusterlet.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.klusterlet.work.ApplyOrder.GroupKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyOrderTest {
  @Test
  void namespacesAndCrdsGoFirstThenRbacConfigServicesWorkloadsAndUnknownKindsLast() {
    List<GroupKind> manifests =
        List.of(
            GroupKind.of("example.com/v1", "Widget"),
            GroupKind.of("apps/v1", "Deployment"),
            GroupKind.of("v1", "Service"),
            GroupKind.of("v1", "ConfigMap"),
            GroupKind.of("rbac.authorization.k8s.io/v1", "Role"),
            GroupKind.of("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
            GroupKind.of("v1", "Namespace"));
    assertThat(ApplyOrder.order(manifests)).containsExactly(5, 6, 4, 3, 2, 1, 0);
  }

  @Test
  void manifestOrderIsKeptWithinARank() {
    List<GroupKind> manifests =
        List.of(
            GroupKind.of("v1", "ConfigMap"),
            GroupKind.of("v1", "Secret"),
            GroupKind.of("v1", "ConfigMap"));
    assertThat(ApplyOrder.order(manifests)).containsExactly(0, 1, 2);
  }

  @Test
  void aKindOfTheSameNameInAnotherGroupIsNotMistakenForABuiltIn() {
    assertThat(ApplyOrder.rank(GroupKind.of("example.com/v1", "Namespace")))
        .isGreaterThan(ApplyOrder.rank(GroupKind.of("v1", "Namespace")));
  }
}
