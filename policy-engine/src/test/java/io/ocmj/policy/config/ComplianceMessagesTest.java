package io.ocmj.policy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceMessagesTest {
  static final KindInfo PODS = new KindInfo("v1", "Pod", "pods", true);
  static final KindInfo NAMESPACES = new KindInfo("v1", "Namespace", "namespaces", false);

  @Test
  void namesAreSortedAndNamespacesSharingNamesAreListedTogether() {
    String message =
        ComplianceMessages.of(
            List.of(
                ObjectResult.of(PODS, "n2", "nginx-pod", Reason.NOT_FOUND),
                ObjectResult.of(PODS, "n1", "nginx-pod", Reason.NOT_FOUND),
                ObjectResult.of(PODS, "n3", "nginx-pod", Reason.NOT_FOUND)));
    assertThat(message).isEqualTo("pods [nginx-pod] not found in namespaces: n1, n2, n3");
  }

  @Test
  void onlyViolationsAreReportedWhenThereAreAny() {
    String message =
        ComplianceMessages.of(
            List.of(
                ObjectResult.of(PODS, "default", "b", Reason.FOUND_MUST_NOT),
                ObjectResult.of(PODS, "default", "c", Reason.MISSING_AS_EXPECTED),
                ObjectResult.of(PODS, "default", "a", Reason.FOUND_MUST_NOT)));
    assertThat(message).isEqualTo("pods [a, b] found in namespace default");
  }

  @Test
  void reasonsFollowOcmsOrderAndClusterScopedKindsHaveNoNamespace() {
    String message =
        ComplianceMessages.of(
            List.of(
                ObjectResult.of(NAMESPACES, null, "b", Reason.UPDATED),
                ObjectResult.of(NAMESPACES, null, "a", Reason.CREATED)));
    assertThat(message)
        .isEqualTo(
            "namespaces [a] was created successfully; namespaces [b] was updated successfully");
  }

  @Test
  void unnamedResultsHaveNoNameList() {
    assertThat(ComplianceMessages.of(List.of(ObjectResult.of(PODS, "n1", null, Reason.NOT_FOUND))))
        .isEqualTo("pods not found in namespace n1");
  }
}
