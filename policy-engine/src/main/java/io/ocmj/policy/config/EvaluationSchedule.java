package io.ocmj.policy.config;

import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.ConfigurationPolicyStatus;
import io.ocmj.api.policy.v1.EvaluationInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OCM's evaluationInterval: the current state picks {@code compliant} or {@code noncompliant};
 * {@code watch} (or empty, or unparsable) means the caller's watch interval, {@code never} means no
 * further evaluation in that state, a Go duration means that long after {@code lastEvaluated}. A
 * spec change or an unknown state always evaluates now.
 */
public final class EvaluationSchedule {
  private static final Pattern GO_DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private EvaluationSchedule() {}

  /** How long until the next evaluation: zero for now, empty for never. */
  public static Optional<Duration> untilNext(
      ConfigurationPolicy policy, Instant now, Duration watchInterval) {
    ConfigurationPolicyStatus status = policy.getStatus();
    if (status == null
        || status.getLastEvaluated() == null
        || !Objects.equals(
            status.getLastEvaluatedGeneration(), policy.getMetadata().getGeneration())) {
      return Optional.of(Duration.ZERO);
    }
    EvaluationInterval intervals =
        policy.getSpec() == null ? null : policy.getSpec().getEvaluationInterval();
    String text;
    if (Evaluation.COMPLIANT.equals(status.getCompliant())) {
      text = intervals == null ? null : intervals.getCompliant();
    } else if (Evaluation.NON_COMPLIANT.equals(status.getCompliant())) {
      text = intervals == null ? null : intervals.getNoncompliant();
    } else {
      return Optional.of(Duration.ZERO);
    }
    if ("never".equals(text)) {
      return Optional.empty();
    }
    Duration interval = parse(text).orElse(watchInterval);
    try {
      Instant next = Instant.parse(status.getLastEvaluated()).plus(interval);
      return Optional.of(now.isBefore(next) ? Duration.between(now, next) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.of(Duration.ZERO);
    }
  }

  /** A Go duration ({@code 10s}, {@code 1h30m}); empty for watch, empty text or garbage. */
  static Optional<Duration> parse(String text) {
    if (text == null || text.isBlank() || text.equals("watch")) {
      return Optional.empty();
    }
    Matcher m = GO_DURATION.matcher(text);
    long nanos = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return Optional.empty();
      }
      double value = Double.parseDouble(m.group(1));
      long unit =
          switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos += (long) (value * unit);
      end = m.end();
    }
    return end == text.length() && end > 0
        ? Optional.of(Duration.ofNanos(nanos))
        : Optional.empty();
  }
}
