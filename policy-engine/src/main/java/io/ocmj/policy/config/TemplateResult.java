package io.ocmj.policy.config;

import java.util.List;

/**
 * The outcome of one object template: its objects, or an error that made it NonCompliant (an
 * invalid field, a template that failed, a kind the cluster does not serve, a refused write).
 */
public record TemplateResult(int index, List<ObjectResult> objects, String error) {
  public TemplateResult {
    objects = List.copyOf(objects);
  }

  static TemplateResult error(int index, String message) {
    return new TemplateResult(index, List.of(), message);
  }

  public boolean compliant() {
    return error == null && objects.stream().allMatch(o -> o.reason().compliant());
  }

  /** OCM's condition message for this template. */
  public String message() {
    return error != null ? error : ComplianceMessages.of(objects);
  }

  /** OCM's condition reason for this template. */
  public String conditionReason() {
    if (error != null) {
      return "K8s missing a must have object";
    }
    return objects.stream()
        .filter(o -> compliant() || !o.reason().compliant())
        .map(o -> o.reason().condition())
        .findFirst()
        .orElse("K8s `must have` object already exists");
  }
}
