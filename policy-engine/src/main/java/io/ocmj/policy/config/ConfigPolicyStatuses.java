package io.ocmj.policy.config;

import io.ocmj.api.policy.v1.ComplianceCondition;
import io.ocmj.api.policy.v1.CompliancePerTemplate;
import io.ocmj.api.policy.v1.ConfigurationPolicyStatus;
import io.ocmj.api.policy.v1.HistoryEvent;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.RelatedObject;
import io.ocmj.api.policy.v1.RelatedObjectMeta;
import io.ocmj.api.policy.v1.RelatedObjectProperties;
import io.ocmj.api.policy.v1.RelatedObjectRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an {@link Evaluation} into OCM's ConfigurationPolicy status: compliancyDetails per
 * template, relatedObjects, lastEvaluated, and a history (newest first, at most 10) that grows only
 * when the message changes. Messages are capped at 4096 characters as OCM caps them.
 */
public final class ConfigPolicyStatuses {
  static final int MESSAGE_LIMIT = 4096;
  private static final String TRUNCATED = "...[truncated]";

  private ConfigPolicyStatuses() {}

  public static ConfigurationPolicyStatus build(
      ConfigurationPolicyStatus previous, Evaluation evaluation, Long generation, Instant now) {
    ConfigurationPolicyStatus status = new ConfigurationPolicyStatus();
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    status.setCompliant(evaluation.compliant());
    status.setLastEvaluated(time);
    status.setLastEvaluatedGeneration(generation);
    List<CompliancePerTemplate> details = new ArrayList<>();
    List<CompliancePerTemplate> before =
        previous == null ? List.of() : previous.getCompliancyDetails();
    for (TemplateResult t : evaluation.templates()) {
      details.add(detail(t, before.size() > t.index() ? before.get(t.index()) : null, time));
      t.objects().forEach(o -> status.getRelatedObjects().add(keepCreated(related(o), previous)));
    }
    status.setCompliancyDetails(details);
    status.setHistory(history(previous, capped(evaluation.message()), now));
    return status;
  }

  /** A message as OCM stores and emits it: at most 4096 characters. */
  public static String capped(String message) {
    if (message.length() <= MESSAGE_LIMIT) {
      return message;
    }
    return message.substring(0, MESSAGE_LIMIT - TRUNCATED.length()) + TRUNCATED;
  }

  private static CompliancePerTemplate detail(
      TemplateResult t, CompliancePerTemplate before, String time) {
    ComplianceCondition condition = new ComplianceCondition();
    condition.setType(t.compliant() ? "notification" : "violation");
    condition.setStatus("True");
    condition.setReason(t.conditionReason());
    condition.setMessage(t.message());
    condition.setLastTransitionTime(time);
    if (before != null && !before.getConditions().isEmpty()) {
      ComplianceCondition old = before.getConditions().get(0);
      if (Objects.equals(old.getMessage(), condition.getMessage())
          && Objects.equals(old.getType(), condition.getType())) {
        condition.setLastTransitionTime(old.getLastTransitionTime());
      }
    }
    CompliancePerTemplate detail = new CompliancePerTemplate();
    detail.setCompliant(t.compliant() ? Evaluation.COMPLIANT : Evaluation.NON_COMPLIANT);
    detail.setConditions(new ArrayList<>(List.of(condition)));
    return detail;
  }

  private static RelatedObject related(ObjectResult o) {
    RelatedObjectMeta meta = new RelatedObjectMeta();
    meta.setName(o.name() == null ? "-" : o.name());
    meta.setNamespace(o.namespace());
    RelatedObjectRef ref = new RelatedObjectRef();
    ref.setApiVersion(o.kind().apiVersion());
    ref.setKind(o.kind().kind());
    ref.setMetadata(meta);
    RelatedObject related = new RelatedObject();
    related.setObject(ref);
    related.setCompliant(o.reason().compliant() ? Evaluation.COMPLIANT : Evaluation.NON_COMPLIANT);
    related.setReason(o.reason().related());
    if (o.createdByPolicy() || o.uid() != null || o.diff() != null) {
      RelatedObjectProperties properties = new RelatedObjectProperties();
      properties.setCreatedByPolicy(o.createdByPolicy() ? Boolean.TRUE : null);
      properties.setUid(o.uid());
      properties.setDiff(
          o.diff() == null || o.diff().isEmpty() ? null : YamlDiff.truncated(o.diff()));
      related.setProperties(properties);
    }
    return related;
  }

  /**
   * An object the policy created stays marked as created (with the uid it had) in later
   * evaluations, so that pruneObjectBehavior DeleteIfCreated can still find it.
   */
  private static RelatedObject keepCreated(RelatedObject now, ConfigurationPolicyStatus previous) {
    if (previous == null || (now.getProperties() != null && now.getProperties().getUid() != null)) {
      return now;
    }
    for (RelatedObject old : previous.getRelatedObjects()) {
      if (old.getProperties() != null
          && Boolean.TRUE.equals(old.getProperties().getCreatedByPolicy())
          && sameObject(old.getObject(), now.getObject())) {
        RelatedObjectProperties properties =
            now.getProperties() == null ? new RelatedObjectProperties() : now.getProperties();
        properties.setCreatedByPolicy(true);
        properties.setUid(old.getProperties().getUid());
        now.setProperties(properties);
      }
    }
    return now;
  }

  private static boolean sameObject(RelatedObjectRef a, RelatedObjectRef b) {
    return a != null
        && b != null
        && Objects.equals(a.getApiVersion(), b.getApiVersion())
        && Objects.equals(a.getKind(), b.getKind())
        && a.getMetadata() != null
        && b.getMetadata() != null
        && Objects.equals(a.getMetadata().getName(), b.getMetadata().getName())
        && Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace());
  }

  private static List<HistoryEvent> history(
      ConfigurationPolicyStatus previous, String message, Instant now) {
    List<HistoryEvent> history = new ArrayList<>();
    if (previous != null && previous.getHistory() != null) {
      history.addAll(previous.getHistory());
    }
    if (history.isEmpty() || !message.equals(history.get(0).getMessage())) {
      HistoryEvent event = new HistoryEvent();
      event.setLastTimestamp(now.truncatedTo(ChronoUnit.MICROS).toString());
      event.setMessage(message);
      history.add(0, event);
    }
    return new ArrayList<>(history.subList(0, Math.min(history.size(), Policy.HISTORY_LIMIT)));
  }
}
