package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.policy.v1.Policy;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OCM's compliance channel: the engine reports each state change of a template as an Event on the
 * owning Policy ({@code involvedObject} with its uid, reason {@code policy: <ns>/<template>},
 * message {@code <State>; …}); status sync reads them back into the Policy's details and history.
 */
public final class ComplianceEvents {
  static final String COMPONENT = "ocmj-policy-agent";
  static final String ACTION = "ComplianceStateUpdate";
  private static final Pattern REASON =
      Pattern.compile("(?i)^policy:\\s*(?:([a-z0-9.-]+)\\s*/)?(.+)");
  private static final String COMBINED = "(combined from similar events):";

  private ComplianceEvents() {}

  /** The event reason for a template ({@code policy: <ns>/<name>}, cluster-scoped without ns). */
  public static String reason(String templateNamespace, String templateName) {
    return templateNamespace == null || templateNamespace.isEmpty()
        ? "policy: " + templateName
        : "policy: " + templateNamespace + "/" + templateName;
  }

  /** The template name an event reason names, if it is a compliance reason. */
  public static Optional<String> templateOf(String reason) {
    if (reason == null) {
      return Optional.empty();
    }
    Matcher m = REASON.matcher(reason);
    return m.matches() ? Optional.of(m.group(2).trim()) : Optional.empty();
  }

  /** OCM's reading of a message: compliant / pending prefixes, anything else NonCompliant. */
  public static String stateOf(String message) {
    String text = message == null ? "" : message.trim();
    if (text.startsWith(COMBINED)) {
      text = text.substring(COMBINED.length()).trim();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("compliant")) {
      return Policy.COMPLIANT;
    }
    if (lower.startsWith("pending")) {
      return Policy.PENDING;
    }
    return Policy.NON_COMPLIANT;
  }

  /** Records one compliance event for {@code template} on its owning {@code policy}. */
  public static Event emit(
      KubernetesClient client,
      Policy policy,
      HasMetadata template,
      String templateApiVersion,
      String templateKind,
      String message,
      Instant now) {
    String ns = policy.getMetadata().getNamespace();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    String time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    String templateName = template.getMetadata().getName();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(policy.getMetadata().getName() + "." + Long.toHexString(nanos))
            .withNamespace(ns)
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(Policy.API_VERSION)
            .withKind(Policy.KIND)
            .withNamespace(ns)
            .withName(policy.getMetadata().getName())
            .withUid(policy.getMetadata().getUid())
            .endInvolvedObject()
            .withNewRelated()
            .withApiVersion(templateApiVersion)
            .withKind(templateKind)
            .withNamespace(template.getMetadata().getNamespace())
            .withName(templateName)
            .withUid(template.getMetadata().getUid())
            .endRelated()
            .withReason(reason(template.getMetadata().getNamespace(), templateName))
            .withMessage(message)
            .withType(Policy.COMPLIANT.equals(stateOf(message)) ? "Normal" : "Warning")
            .withAction(ACTION)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .withCount(1)
            .build();
    return client.v1().events().inNamespace(ns).resource(event).create();
  }

  /** The high-precision time an event name carries ({@code <policy>.<hex nanos>}), if any. */
  static Optional<Instant> timeOf(String eventName) {
    int dot = eventName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      long nanos = Long.parseUnsignedLong(eventName.substring(dot + 1), 16);
      return Optional.of(Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
