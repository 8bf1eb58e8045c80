package io.ocmj.policy.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object template without a name and without objectSelector: every object of the kind in the
 * namespace is compared. musthave is satisfied by any matching object; mustnothave is violated by
 * each matching object. Such templates are never enforced (OCM does not know what to create).
 */
final class UnnamedEvaluation {
  private UnnamedEvaluation() {}

  static List<ObjectResult> evaluate(
      ObjectTemplateSpec t, KindInfo kind, String ns, ClusterView view, PolicyTemplating templating)
      throws EvaluationError {
    Map<String, Object> desired = t.definition();
    if (PolicyTemplating.hasTemplates(desired)) {
      Map<String, Object> context = new LinkedHashMap<>();
      if (ns != null) {
        context.put("ObjectNamespace", ns);
      }
      try {
        PolicyTemplating.Rendered rendered = templating.renderObject(desired, context);
        if (rendered.skipped()) {
          return List.of();
        }
        desired = rendered.object();
      } catch (PolicyTemplating.Failure e) {
        throw new EvaluationError(e.getMessage());
      }
    }
    desired = SecretData.normalised(kind, desired);
    List<Map<String, Object>> objects = view.list(kind, ns);
    List<String> matching = new ArrayList<>();
    for (Map<String, Object> object : objects) {
      ObjectComparison.Outcome outcome =
          ObjectComparison.compare(desired, object, t.type(), t.metadataType());
      if (outcome.error() == null && outcome.matches()) {
        matching.add(ObjectFields.name(object));
      }
    }
    matching.sort(null);
    List<ObjectResult> results = new ArrayList<>();
    if (t.type() == ComplianceType.MUST_NOT_HAVE) {
      if (matching.isEmpty()) {
        results.add(ObjectResult.of(kind, ns, null, Reason.MISSING_AS_EXPECTED));
      }
      matching.forEach(name -> results.add(ObjectResult.of(kind, ns, name, Reason.FOUND_MUST_NOT)));
      return results;
    }
    if (!matching.isEmpty()) {
      matching.forEach(
          name -> results.add(ObjectResult.of(kind, ns, name, Reason.FOUND_AS_SPECIFIED)));
    } else {
      Reason reason = objects.isEmpty() ? Reason.NOT_FOUND : Reason.NOT_MATCHING;
      results.add(ObjectResult.of(kind, ns, null, reason));
    }
    return results;
  }
}
