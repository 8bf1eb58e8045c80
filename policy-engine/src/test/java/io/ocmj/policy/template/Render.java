package io.ocmj.policy.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers for parsing and executing templates with the standard function table. */
final class Render {
  private Render() {}

  static String render(String template, Object data) throws TemplateException {
    return GoTemplate.parse("t", template, TemplateFunctions.standard()).execute(data);
  }

  static String render(String template) throws TemplateException {
    return render(template, sample());
  }

  /** A small data tree resembling a Kubernetes object plus a few typed values. */
  static Map<String, Object> sample() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "app");
    metadata.put("labels", new LinkedHashMap<>(Map.of("tier", "web", "env", "prod")));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("metadata", metadata);
    data.put("items", List.of("a", "b", "c"));
    data.put("nums", List.of(3L, 1L, 2L));
    data.put("empty", List.of());
    data.put("nil", null);
    data.put("count", 3L);
    data.put("ratio", 0.5);
    data.put("flag", true);
    data.put("text", "Hello World");
    return data;
  }
}
