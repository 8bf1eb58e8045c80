package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.Event;
import io.ocmj.api.policy.v1.ComplianceHistory;
import io.ocmj.api.policy.v1.DetailsPerTemplate;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyStatus;
import io.ocmj.api.policy.v1.PolicyTemplate;
import io.ocmj.api.policy.v1.TemplateMeta;
import io.ocmj.policy.report.CompliancePrecedence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A replicated Policy's status from its compliance events (pure): per template, the history
 * (previous history plus new events, de-duplicated by event name, newest first, at most 10) and the
 * state of the newest message; overall, OCM's precedence NonCompliant > Pending > unknown >
 * Compliant. Events whose involvedObject uid is not the policy's are ignored.
 */
public final class PolicyStatusDesired {
  private PolicyStatusDesired() {}

  public static PolicyStatus compute(Policy policy, List<Event> events) {
    Map<String, List<ComplianceHistory>> byTemplate = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    List<PolicyTemplate> templates = policy.getSpec().getPolicyTemplates();
    for (int i = 0; i < templates.size(); i++) {
      PolicyTemplate t = templates.get(i);
      String name = t.getObjectDefinition() == null ? null : t.getObjectDefinition().name();
      if (name == null || name.isEmpty()) {
        name = TemplateSync.unnamed(i); // its template-sync error is reported under this name
      }
      if (!byTemplate.containsKey(name)) {
        names.add(name);
        byTemplate.put(name, new ArrayList<>(previous(policy, name)));
      }
    }
    String uid = policy.getMetadata().getUid();
    for (Event e : events) {
      if (e.getInvolvedObject() == null || !Objects.equals(uid, e.getInvolvedObject().getUid())) {
        continue;
      }
      ComplianceEvents.templateOf(e.getReason())
          .map(byTemplate::get)
          .ifPresent(history -> history.add(entry(e)));
    }
    PolicyStatus status = new PolicyStatus();
    List<DetailsPerTemplate> details = new ArrayList<>();
    List<String> states = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      List<ComplianceHistory> history = newestFirst(byTemplate.get(name));
      DetailsPerTemplate d = new DetailsPerTemplate();
      TemplateMeta meta = new TemplateMeta();
      meta.setName(name);
      d.setTemplateMeta(meta);
      d.setHistory(history);
      String state = history.isEmpty() ? "" : ComplianceEvents.stateOf(history.get(0).getMessage());
      d.setCompliant(state.isEmpty() ? null : state);
      details.add(d);
      // ignorePending: the template still shows Pending; only the policy's state ignores it.
      states.add(
          Policy.PENDING.equals(state) && ignoresPending(policy, name) ? Policy.COMPLIANT : state);
    }
    status.setDetails(details);
    status.setCompliant(CompliancePrecedence.aggregate(states));
    return status;
  }

  private static boolean ignoresPending(Policy policy, String name) {
    return policy.getSpec().getPolicyTemplates().stream()
        .anyMatch(
            t ->
                t.isIgnorePending()
                    && t.getObjectDefinition() != null
                    && name.equals(t.getObjectDefinition().name()));
  }

  private static List<ComplianceHistory> previous(Policy policy, String name) {
    if (policy.getStatus() == null) {
      return List.of();
    }
    return policy.getStatus().getDetails().stream()
        .filter(d -> d.getTemplateMeta() != null && name.equals(d.getTemplateMeta().getName()))
        .flatMap(d -> d.getHistory().stream())
        .toList();
  }

  private static ComplianceHistory entry(Event e) {
    ComplianceHistory h = new ComplianceHistory();
    h.setEventName(e.getMetadata().getName());
    h.setMessage(e.getMessage());
    Instant at =
        ComplianceEvents.timeOf(e.getMetadata().getName())
            .orElseGet(
                () ->
                    e.getLastTimestamp() == null
                        ? Instant.EPOCH
                        : Instant.parse(e.getLastTimestamp()));
    h.setLastTimestamp(at.truncatedTo(ChronoUnit.SECONDS).toString());
    return h;
  }

  /** De-duplicated by event name, newest first (by the event name's time), at most 10. */
  private static List<ComplianceHistory> newestFirst(List<ComplianceHistory> all) {
    Map<String, ComplianceHistory> unique = new LinkedHashMap<>();
    for (ComplianceHistory h : all) {
      unique.putIfAbsent(
          Objects.toString(h.getEventName(), h.getLastTimestamp() + h.getMessage()), h);
    }
    List<ComplianceHistory> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparing(PolicyStatusDesired::time).reversed());
    return new ArrayList<>(sorted.subList(0, Math.min(sorted.size(), Policy.HISTORY_LIMIT)));
  }

  private static Instant time(ComplianceHistory h) {
    return ComplianceEvents.timeOf(Objects.toString(h.getEventName(), ""))
        .orElseGet(
            () ->
                h.getLastTimestamp() == null ? Instant.EPOCH : Instant.parse(h.getLastTimestamp()));
  }

  /** The newest message of a template in a policy status, or null (no status, no history). */
  public static String latestMessage(PolicyStatus status, String template) {
    if (status == null) {
      return null;
    }
    for (DetailsPerTemplate d : status.getDetails()) {
      if (d.getTemplateMeta() != null
          && template.equals(d.getTemplateMeta().getName())
          && !d.getHistory().isEmpty()) {
        return d.getHistory().get(0).getMessage();
      }
    }
    return null;
  }
}
