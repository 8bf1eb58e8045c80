package io.ocmj.policy.config;

import io.ocmj.policy.template.GoTemplate;
import io.ocmj.policy.template.TemplateException;
import io.ocmj.policy.template.TemplateFunctions;
import io.ocmj.policy.template.YamlTemplates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Renders the Go templates inside a JSON-shaped object the way OCM's go-template-utils does: the
 * object is written as YAML, the text rendered as one template (so a template may produce any YAML,
 * not only strings), and the result read back. Hub templates use the {@code {{hub}} … {@code hub}}}
 * delimiters; managed-cluster templates the default ones.
 */
public final class YamlRendering {
  private static final Dump YAML =
      new Dump(
          DumpSettings.builder()
              .setDefaultFlowStyle(FlowStyle.BLOCK)
              .setWidth(Integer.MAX_VALUE)
              .setSplitLines(false)
              .build());

  private YamlRendering() {}

  /** The object with its templates resolved against {@code data}. */
  public static Map<String, Object> render(
      String name,
      Map<String, Object> object,
      TemplateFunctions functions,
      String leftDelim,
      String rightDelim,
      Object data)
      throws TemplateException {
    String text = YAML.dumpToString(object);
    GoTemplate template =
        GoTemplate.parse(
            name,
            YamlTemplates.preprocess(text, leftDelim, rightDelim),
            functions,
            leftDelim,
            rightDelim);
    String rendered = template.execute(data);
    Object parsed;
    try {
      parsed =
          new Load(LoadSettings.builder().setMaxAliasesForCollections(50).build())
              .loadFromString(rendered);
    } catch (RuntimeException e) {
      throw new TemplateException("the rendered object is not valid YAML: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new TemplateException("the rendered object is not an object");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(String.valueOf(k), SpecMerge.deepCopy(v)));
    return result;
  }
}
