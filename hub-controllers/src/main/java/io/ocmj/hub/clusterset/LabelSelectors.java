package io.ocmj.hub.clusterset;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes label-selector matching ({@code matchLabels} and {@code matchExpressions} with In,
 * NotIn, Exists, DoesNotExist), as the API server applies it. Written here because fabric8 offers
 * selectors only as server-side query parameters, and membership must be computed in memory.
 */
public final class LabelSelectors {
  private LabelSelectors() {}

  /** Whether {@code labels} match; a null or empty selector matches everything. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    Map<String, String> actual = labels == null ? Map.of() : labels;
    if (selector == null) {
      return true;
    }
    if (selector.getMatchLabels() != null
        && !selector.getMatchLabels().entrySet().stream()
            .allMatch(e -> e.getValue().equals(actual.get(e.getKey())))) {
      return false;
    }
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    return expressions.stream().allMatch(r -> matches(r, actual));
  }

  private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
    String value = labels.get(r.getKey());
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    return switch (r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> labels.containsKey(r.getKey());
      case "DoesNotExist" -> !labels.containsKey(r.getKey());
      default ->
          throw new IllegalArgumentException(
              "labelSelector.matchExpressions: operator "
                  + r.getOperator()
                  + " must be In, NotIn, Exists or DoesNotExist");
    };
  }
}
