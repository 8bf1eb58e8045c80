package io.ocmj.policy.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.ConfigurationPolicySpec;
import io.ocmj.api.policy.v1.CustomMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a ConfigurationPolicy against a cluster, OCM's way. In enforce mode (and only when the
 * caller allows it) the engine creates, updates and deletes through the {@link ClusterView}; the
 * result reports what was done.
 */
public final class ConfigPolicyEvaluator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigPolicyEvaluator() {}

  /** {@code allowEnforce=false} evaluates enforce policies as inform (the dry-run does that). */
  public record Options(boolean allowEnforce, List<String> deniedFunctions) {
    public Options {
      deniedFunctions = List.copyOf(deniedFunctions);
    }

    public static Options enforcing() {
      return new Options(true, List.of());
    }

    public static Options informOnly() {
      return new Options(false, List.of());
    }
  }

  public static Evaluation evaluate(ConfigurationPolicy policy, ClusterView view, Options options) {
    ConfigurationPolicySpec spec =
        policy.getSpec() == null ? new ConfigurationPolicySpec() : policy.getSpec();
    String name = policy.getMetadata().getName();
    PolicyTemplating templating = new PolicyTemplating(view, options.deniedFunctions());
    ObjectTemplates.Parsed parsed = ObjectTemplates.parse(spec, name, templating);
    if (parsed.error() != null) {
      return finish(policy, templating, List.of(), parsed.error());
    }
    List<String> namespaces;
    try {
      namespaces = NamespaceSelection.select(spec.getNamespaceSelector(), view.namespaces());
    } catch (IllegalArgumentException e) {
      return finish(
          policy, templating, List.of(), "spec.namespaceSelector: invalid glob: " + e.getMessage());
    } catch (RuntimeException e) {
      return finish(
          policy,
          templating,
          List.of(),
          "spec.namespaceSelector: listing namespaces failed: " + e.getMessage());
    }
    boolean enforce = options.allowEnforce() && isEnforce(spec.getRemediationAction());
    ObjectTemplateEvaluator evaluator =
        new ObjectTemplateEvaluator(view, templating, namespaces, enforce);
    List<TemplateResult> results = new ArrayList<>(parsed.errors());
    for (ObjectTemplateSpec t : parsed.templates()) {
      results.add(evaluator.evaluate(t));
    }
    results.sort(Comparator.comparingInt(TemplateResult::index));
    return finish(policy, templating, results, null);
  }

  /** Whether a remediationAction text means enforce (informOnly and inform do not). */
  public static boolean isEnforce(String remediationAction) {
    return remediationAction != null
        && remediationAction.toLowerCase(Locale.ROOT).equals("enforce");
  }

  private static Evaluation finish(
      ConfigurationPolicy policy,
      PolicyTemplating templating,
      List<TemplateResult> results,
      String policyError) {
    boolean compliant = policyError == null && results.stream().allMatch(TemplateResult::compliant);
    String state = compliant ? Evaluation.COMPLIANT : Evaluation.NON_COMPLIANT;
    String message = Evaluation.defaultMessage(state, results, policyError);
    return new Evaluation(state, results, custom(policy, templating, state, message));
  }

  /** Applies spec.customMessage for the state, if any; a failing template keeps the default. */
  private static String custom(
      ConfigurationPolicy policy, PolicyTemplating templating, String state, String message) {
    CustomMessage custom = policy.getSpec() == null ? null : policy.getSpec().getCustomMessage();
    String text =
        custom == null
            ? null
            : Evaluation.COMPLIANT.equals(state) ? custom.getCompliant() : custom.getNoncompliant();
    if (text == null || text.isBlank()) {
      return message;
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("DefaultMessage", message.substring(message.indexOf(';') + 1).trim());
    context.put("Policy", JSON.convertValue(policy, Map.class));
    try {
      String rendered = templating.renderMessage(text, context).trim();
      return rendered.startsWith(state + ";") ? rendered : state + "; " + rendered;
    } catch (PolicyTemplating.Failure e) {
      return message + " (spec.customMessage failed: " + e.getMessage() + ")";
    }
  }
}
