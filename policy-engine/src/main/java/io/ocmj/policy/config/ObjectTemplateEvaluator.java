package io.ocmj.policy.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one object template: settles the namespaces (metadata, else the namespaceSelector) and
 * the objects (named, selected by objectSelector, or every object of the kind), renders templates
 * per object, compares, and in enforce mode writes through the {@link ClusterView}.
 */
final class ObjectTemplateEvaluator {
  private final ClusterView view;
  private final PolicyTemplating templating;
  private final List<String> selectedNamespaces;
  private final boolean enforce;

  ObjectTemplateEvaluator(
      ClusterView view,
      PolicyTemplating templating,
      List<String> selectedNamespaces,
      boolean enforce) {
    this.view = view;
    this.templating = templating;
    this.selectedNamespaces = selectedNamespaces;
    this.enforce = enforce;
  }

  TemplateResult evaluate(ObjectTemplateSpec t) {
    KindInfo kind = view.kind(t.apiVersion(), t.kind()).orElse(null);
    if (kind == null) {
      return TemplateResult.error(
          t.index(),
          "couldn't find mapping resource with kind "
              + t.kind()
              + " in API version "
              + t.apiVersion()
              + ", please check if you have CRD deployed");
    }
    try {
      List<ObjectResult> results = new ArrayList<>();
      for (String ns : namespaces(t, kind)) {
        results.addAll(inNamespace(t, kind, ns));
      }
      return new TemplateResult(t.index(), results, null);
    } catch (EvaluationError e) {
      return TemplateResult.error(t.index(), e.getMessage());
    } catch (RuntimeException e) {
      // The cluster refused a read, or input reached a path nothing validated: the template
      // reports it (NonCompliant) instead of failing the whole evaluation.
      return TemplateResult.error(
          t.index(),
          "Error evaluating object-templates["
              + t.index()
              + "] ("
              + t.kind()
              + "): "
              + e.getMessage());
    }
  }

  private List<String> namespaces(ObjectTemplateSpec t, KindInfo kind) throws EvaluationError {
    List<String> one = new ArrayList<>();
    if (!kind.namespaced()) {
      one.add(null);
      return one;
    }
    String ns = t.metadataField("namespace");
    if (ns != null && ns.contains("{{")) {
      ns = renderText(ns, new LinkedHashMap<>());
      if (ns.isEmpty()) {
        throw new EvaluationError(
            "namespaced object "
                + nameOrEmpty(t)
                + " of kind "
                + t.kind()
                + " has no namespace specified after template resolution");
      }
    }
    if (ns != null && !ns.isEmpty()) {
      one.add(ns);
      return one;
    }
    if (selectedNamespaces.isEmpty()) {
      throw new EvaluationError(
          "namespaced object "
              + nameOrEmpty(t)
              + " of kind "
              + t.kind()
              + " has no namespace specified from the policy namespaceSelector nor the object"
              + " metadata");
    }
    return selectedNamespaces;
  }

  private static String nameOrEmpty(ObjectTemplateSpec t) {
    String name = t.metadataField("name");
    return name == null ? "" : name;
  }

  private List<ObjectResult> inNamespace(ObjectTemplateSpec t, KindInfo kind, String ns)
      throws EvaluationError {
    String name = t.metadataField("name");
    boolean nameTemplated = name != null && name.contains("{{");
    List<ObjectResult> results = new ArrayList<>();
    if (t.objectSelector() != null && (name == null || name.isEmpty() || nameTemplated)) {
      List<String> names =
          view.list(kind, ns).stream()
              .filter(
                  o -> LabelSelectors.matchesLeniently(t.objectSelector(), ObjectFields.labels(o)))
              .map(ObjectFields::name)
              .sorted()
              .toList();
      if (names.isEmpty()) {
        results.add(ObjectResult.of(kind, ns, null, absentReason(t)));
      }
      for (String selected : names) {
        named(t, kind, ns, selected, results);
      }
      return results;
    }
    if (name == null || name.isEmpty()) {
      return UnnamedEvaluation.evaluate(t, kind, ns, view, templating);
    }
    if (nameTemplated) {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("ObjectNamespace", ns);
      name = renderText(name, context);
      if (name.isEmpty()) {
        return UnnamedEvaluation.evaluate(t, kind, ns, view, templating); // as OCM does
      }
    }
    named(t, kind, ns, name, results);
    return results;
  }

  private static Reason absentReason(ObjectTemplateSpec t) {
    return t.type() == ComplianceType.MUST_NOT_HAVE ? Reason.MISSING_AS_EXPECTED : Reason.NOT_FOUND;
  }

  private void named(
      ObjectTemplateSpec t, KindInfo kind, String ns, String name, List<ObjectResult> results)
      throws EvaluationError {
    Map<String, Object> existing = view.get(kind, ns, name).orElse(null);
    Map<String, Object> desired = t.definition();
    if (PolicyTemplating.hasTemplates(desired)) {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("Object", existing);
      context.put("ObjectName", name);
      if (ns != null) {
        context.put("ObjectNamespace", ns);
      }
      try {
        PolicyTemplating.Rendered rendered = templating.renderObject(desired, context);
        if (rendered.skipped()) {
          return;
        }
        desired = rendered.object();
      } catch (PolicyTemplating.Failure e) {
        throw new EvaluationError(e.getMessage());
      }
    }
    results.add(new NamedObject(view, kind, ns, name, enforce).evaluate(t, desired, existing));
  }

  private String renderText(String text, Map<String, Object> context) throws EvaluationError {
    try {
      Map<String, Object> holder = new LinkedHashMap<>();
      holder.put("value", text);
      PolicyTemplating.Rendered rendered = templating.renderObject(holder, context);
      Object value = rendered.object() == null ? null : rendered.object().get("value");
      return value == null ? "" : String.valueOf(value);
    } catch (PolicyTemplating.Failure e) {
      throw new EvaluationError(e.getMessage());
    }
  }
}
