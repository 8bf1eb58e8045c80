package io.ocmj.policy.config;

import io.ocmj.policy.template.GoTemplate;
import io.ocmj.policy.template.TemplateContext;
import io.ocmj.policy.template.TemplateException;
import io.ocmj.policy.template.TemplateFunctions;
import io.ocmj.policy.template.YamlTemplates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Managed-cluster templates ({@code {{ … }}}) in object templates, resolved as OCM does: the object
 * template is written as YAML, rendered as one Go template, and read back. Lookups go through the
 * {@link ClusterView}; {@code skipObject} drops the current object.
 */
public final class PolicyTemplating {
  private final TemplateFunctions functions;

  /** Templating whose lookups read the given cluster; {@code denied} functions are removed. */
  public PolicyTemplating(ClusterView view, List<String> denied) {
    this.functions = ClusterFunctions.add(TemplateFunctions.standard(), view).without(denied);
  }

  /** A template problem: the message is what the policy status shows. */
  public static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  /** The result of rendering one object: the object, or skipped by {@code skipObject}. */
  record Rendered(Map<String, Object> object, boolean skipped) {}

  static boolean hasTemplates(Object value) {
    if (value instanceof String s) {
      return s.contains("{{");
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .anyMatch(e -> hasTemplates(String.valueOf(e.getKey())) || hasTemplates(e.getValue()));
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(PolicyTemplating::hasTemplates);
    }
    return false;
  }

  /** Renders {@code object-templates-raw} to the list of object templates it describes. */
  List<Map<String, Object>> renderRaw(String text) throws Failure {
    String rendered = render("object-templates-raw", text, new LinkedHashMap<>(), null);
    Object parsed;
    try {
      parsed =
          new Load(LoadSettings.builder().setMaxAliasesForCollections(50).build())
              .loadFromString(rendered);
    } catch (RuntimeException e) {
      throw new Failure("Error parsing object-templates-raw YAML: " + e.getMessage());
    }
    if (parsed == null) {
      return List.of();
    }
    if (!(parsed instanceof List<?> list)) {
      throw new Failure(
          "Error parsing object-templates-raw YAML: the rendered text is not a list of object"
              + " templates");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> map)) {
        throw new Failure(
            "Error parsing object-templates-raw YAML: every item must be an object template");
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      items.add(copy);
    }
    return items;
  }

  /** Renders an object definition with the per-object context OCM gives. */
  Rendered renderObject(Map<String, Object> definition, Map<String, Object> context)
      throws Failure {
    AtomicBoolean skip = new AtomicBoolean();
    try {
      Map<String, Object> object =
          YamlRendering.render(
              "object-template", definition, table(skip), "{{", "}}", new TemplateContext(context));
      return skip.get() ? new Rendered(null, true) : new Rendered(object, false);
    } catch (TemplateException e) {
      throw new Failure("Error processing template: " + e.getMessage());
    }
  }

  /** Renders a custom compliance message ({@code .DefaultMessage}, {@code .Policy}). */
  String renderMessage(String text, Map<String, Object> context) throws Failure {
    return render("customMessage", text, context, null);
  }

  /** The function table, with {@code skipObject} setting the flag when one is given. */
  private TemplateFunctions table(AtomicBoolean skip) {
    if (skip == null) {
      return functions;
    }
    return functions.with(
        "skipObject",
        args -> {
          skip.set(args.isEmpty() || Boolean.TRUE.equals(args.get(0)));
          return "";
        });
  }

  private String render(String name, String text, Map<String, Object> context, AtomicBoolean skip)
      throws Failure {
    try {
      GoTemplate template = GoTemplate.parse(name, YamlTemplates.preprocess(text), table(skip));
      return template.execute(new TemplateContext(context));
    } catch (TemplateException e) {
      throw new Failure("Error processing template: " + e.getMessage());
    }
  }
}
