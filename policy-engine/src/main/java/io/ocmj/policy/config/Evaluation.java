package io.ocmj.policy.config;

import java.util.List;

/**
 * The outcome of one ConfigurationPolicy evaluation: the state, each template's result (in template
 * order) and the compliance message OCM would emit ({@code <State>; violation - …}).
 */
public record Evaluation(String compliant, List<TemplateResult> templates, String message) {
  public static final String COMPLIANT = "Compliant";
  public static final String NON_COMPLIANT = "NonCompliant";

  public Evaluation {
    templates = List.copyOf(templates);
  }

  public boolean isCompliant() {
    return COMPLIANT.equals(compliant);
  }

  /** Every object result of every template, in order. */
  public List<ObjectResult> objects() {
    return templates.stream().flatMap(t -> t.objects().stream()).toList();
  }

  /** OCM's default message: the state, then per template {@code violation|notification - msg}. */
  static String defaultMessage(String state, List<TemplateResult> templates, String policyError) {
    StringBuilder text = new StringBuilder(state);
    if (policyError != null) {
      return text.append("; violation - ").append(policyError).toString();
    }
    for (TemplateResult t : templates) {
      text.append("; ")
          .append(t.compliant() ? "notification - " : "violation - ")
          .append(t.message());
    }
    return text.toString();
  }
}
