package io.ocmj.klusterlet.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.api.work.v1.FeedbackRule;
import io.ocmj.api.work.v1.FeedbackType;
import io.ocmj.api.work.v1.FeedbackValue;
import io.ocmj.api.work.v1.FieldValue;
import io.ocmj.api.work.v1.JsonPath;
import io.ocmj.api.work.v1.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Status feedback: the values that {@code feedbackRules} ask for, read from the live object. {@code
 * WellKnownStatus} uses OCM's list per kind; {@code JSONPaths} any path. Scalars keep their type;
 * anything else is reported as {@code JsonRaw} when it fits the configured size (OCM needs a
 * feature gate for that).
 */
final class StatusFeedback {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** OCM's well-known status values, by group/kind. */
  static final Map<String, Map<String, String>> WELL_KNOWN =
      Map.of(
          "apps/Deployment",
          ordered(
              "ReadyReplicas", ".status.readyReplicas",
              "Replicas", ".status.replicas",
              "AvailableReplicas", ".status.availableReplicas"),
          "apps/DaemonSet",
          ordered(
              "NumberReady", ".status.numberReady",
              "DesiredNumberScheduled", ".status.desiredNumberScheduled",
              "NumberAvailable", ".status.numberAvailable"),
          "batch/Job",
          ordered(
              "JobComplete", ".status.conditions[?(@.type==\"Complete\")].status",
              "JobSucceeded", ".status.succeeded"),
          "/Pod",
          ordered(
              "PodReady", ".status.conditions[?(@.type==\"Ready\")].status",
              "PodPhase", ".status.phase"));

  private StatusFeedback() {}

  /** The values found, and the problems met (a rule that cannot be read), if any. */
  record Result(List<FeedbackValue> values, List<String> problems) {}

  static Result read(
      List<FeedbackRule> rules,
      String group,
      String kind,
      Map<String, Object> object,
      int maxRawBytes) {
    List<FeedbackValue> values = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (FeedbackRule rule : rules) {
      if (rule.getType() == FeedbackType.WellKnownStatus) {
        Map<String, String> known = WELL_KNOWN.get(group + "/" + kind);
        if (known == null) {
          problems.add("no well-known status for " + kind + (group.isEmpty() ? "" : "." + group));
          continue;
        }
        known.forEach(
            (name, path) ->
                value(name, path, object, maxRawBytes, problems).ifPresent(values::add));
      } else {
        for (JsonPath path : rule.getJsonPaths()) {
          value(path.getName(), path.getPath(), object, maxRawBytes, problems)
              .ifPresent(values::add);
        }
      }
    }
    return new Result(values, problems);
  }

  private static Optional<FeedbackValue> value(
      String name,
      String path,
      Map<String, Object> object,
      int maxRawBytes,
      List<String> problems) {
    Optional<Object> found;
    try {
      found = FieldPath.parse(path).read(object);
    } catch (IllegalArgumentException e) {
      problems.add("feedback " + name + ": " + e.getMessage());
      return Optional.empty();
    }
    if (found.isEmpty()) {
      return Optional.empty(); // not set yet (e.g. no status): reported once it is
    }
    FieldValue field = new FieldValue();
    Object v = found.get();
    if (v instanceof Boolean b) {
      field.setType(ValueType.Boolean);
      field.setBool(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      field.setType(ValueType.Integer);
      field.setInteger(((Number) v).longValue());
    } else if (v instanceof String s) {
      field.setType(ValueType.String);
      field.setString(s);
    } else {
      String raw;
      try {
        raw = JSON.writeValueAsString(v);
      } catch (JsonProcessingException e) {
        problems.add("feedback " + name + ": value at " + path + " cannot be written as JSON");
        return Optional.empty();
      }
      int size = raw.getBytes(StandardCharsets.UTF_8).length;
      if (size > maxRawBytes) {
        problems.add(
            "feedback "
                + name
                + ": value at "
                + path
                + " is "
                + size
                + " bytes of JSON, over the limit of "
                + maxRawBytes
                + " (raise the agent's status feedback size limit or pick a smaller path)");
        return Optional.empty();
      }
      field.setType(ValueType.JsonRaw);
      field.setJsonRaw(raw);
    }
    FeedbackValue value = new FeedbackValue();
    value.setName(name);
    value.setFieldValue(field);
    return Optional.of(value);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
