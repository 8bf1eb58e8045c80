package io.ocmj.policy.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A root context that behaves like a Go struct: reading a field that is not in {@code fields} is an
 * execution error instead of yielding {@code <no value>}.
 *
 * @param fields the struct fields by name
 */
public record TemplateContext(Map<String, Object> fields) {
  /** Go type name used in "can't evaluate field" errors, matching go-template-utils. */
  static final String GO_TYPE = "templates.TemplateContext";

  /** Copies the field map (null values allowed) so the context stays immutable. */
  public TemplateContext {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
