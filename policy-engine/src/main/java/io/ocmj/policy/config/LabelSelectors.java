package io.ocmj.policy.config;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Kubernetes label selector matching (matchLabels and matchExpressions). */
public final class LabelSelectors {
  private LabelSelectors() {}

  /** Whether the labels satisfy every part of the selector; an empty selector matches all. */
  public static boolean matches(
      Map<String, String> matchLabels,
      List<LabelSelectorRequirement> expressions,
      Map<String, String> labels) {
    Map<String, String> have = labels == null ? Map.of() : labels;
    if (matchLabels != null) {
      for (Map.Entry<String, String> e : matchLabels.entrySet()) {
        if (e.getValue() == null || !e.getValue().equals(have.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (expressions != null) {
      for (LabelSelectorRequirement r : expressions) {
        if (!matches(r, have)) {
          return false;
        }
      }
    }
    return true;
  }

  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    return selector == null
        || matches(selector.getMatchLabels(), selector.getMatchExpressions(), labels);
  }

  private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
    if (r.getOperator() == null || r.getKey() == null) {
      return false; // an incomplete requirement selects nothing
    }
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    String value = labels.get(r.getKey());
    return switch (r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> labels.containsKey(r.getKey());
      case "DoesNotExist" -> !labels.containsKey(r.getKey());
      default -> false;
    };
  }
}
