package io.ocmj.klusterlet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyStatusDesiredTest {
  static Policy policy() {
    Policy p =
        Serialization.unmarshal(
            """
            apiVersion: policy.open-cluster-management.io/v1
            kind: Policy
            metadata: {name: ns.p, namespace: c1, uid: u1}
            spec:
              disabled: false
              policy-templates:
              - objectDefinition: {apiVersion: policy.open-cluster-management.io/v1, kind: ConfigurationPolicy, metadata: {name: a}}
              - objectDefinition: {apiVersion: policy.open-cluster-management.io/v1, kind: ConfigurationPolicy, metadata: {name: b}}
            """,
            Policy.class);
    return p;
  }

  static Event event(String uid, String template, String message, Instant at) {
    long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
    return new EventBuilder()
        .withNewMetadata()
        .withName("ns.p." + Long.toHexString(nanos))
        .endMetadata()
        .withNewInvolvedObject()
        .withUid(uid)
        .withKind("Policy")
        .endInvolvedObject()
        .withReason("policy: c1/" + template)
        .withMessage(message)
        .build();
  }

  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void eachTemplateTakesItsNewestMessageAndThePolicyTheWorst() {
    List<Event> events =
        List.of(
            event("u1", "a", "NonCompliant; violation - x", T),
            event("u1", "a", "Compliant; notification - x", T.plusSeconds(5)),
            event(
                "u1",
                "b",
                "Pending; Dependencies were not satisfied: 1 is still pending (Policy q)",
                T),
            event("other-uid", "a", "NonCompliant; ignored", T.plusSeconds(9)));
    PolicyStatus status = PolicyStatusDesired.compute(policy(), events);
    assertThat(status.getDetails())
        .extracting(d -> d.getCompliant())
        .containsExactly("Compliant", "Pending");
    assertThat(status.getDetails().get(0).getHistory())
        .extracting(h -> h.getMessage())
        .containsExactly("Compliant; notification - x", "NonCompliant; violation - x");
    assertThat(status.getCompliant()).isEqualTo("Pending");
  }

  @Test
  void historyIsDeduplicatedByEventNameAndCappedAtTen() {
    Policy p = policy();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      events.add(
          event(
              "u1",
              "a",
              (i % 2 == 0 ? "Compliant" : "NonCompliant") + "; m" + i,
              T.plusSeconds(i)));
    }
    p.setStatus(PolicyStatusDesired.compute(p, events));
    PolicyStatus again = PolicyStatusDesired.compute(p, events);
    assertThat(again.getDetails().get(0).getHistory()).hasSize(10);
    assertThat(again.getDetails().get(0).getHistory().get(0).getMessage())
        .isEqualTo("NonCompliant; m11");
    assertThat(again.getCompliant()).isEqualTo("NonCompliant");
  }

  @Test
  void unknownMessagePrefixesCountAsNonCompliant() {
    assertThat(ComplianceEvents.stateOf("(combined from similar events): Compliant; ok"))
        .isEqualTo("Compliant");
    assertThat(ComplianceEvents.stateOf("Compliannt; typo")).isEqualTo("NonCompliant");
    assertThat(ComplianceEvents.templateOf("policy: c1/a")).contains("a");
    assertThat(ComplianceEvents.templateOf("policy: cluster-scoped")).contains("cluster-scoped");
    assertThat(ComplianceEvents.templateOf("Created")).isEmpty();
  }
}
