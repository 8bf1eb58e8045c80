package io.ocmj.policy.template;

import io.ocmj.policy.template.Node.ListNode;
import java.util.Map;
import java.util.Objects;

/** A parsed Go text/template. Immutable and thread-safe once parsed. */
public final class GoTemplate {
  private final String name;
  private final String text;
  private final TemplateFunctions functions;
  private final Map<String, ListNode> templates;

  private GoTemplate(
      String name, String text, TemplateFunctions functions, Map<String, ListNode> templates) {
    this.name = name;
    this.text = text;
    this.functions = functions;
    this.templates = Map.copyOf(templates);
  }

  /**
   * Parses a template with the standard <code>&#123;&#123;</code> and <code>&#125;&#125;</code>
   * delimiters.
   *
   * @throws TemplateException with Go's {@code template: <name>:<line>: <msg>} text on syntax
   *     errors or unknown functions
   */
  public static GoTemplate parse(String name, String text, TemplateFunctions functions)
      throws TemplateException {
    return parse(name, text, functions, "{{", "}}");
  }

  /**
   * Parses a template with custom delimiters, such as <code>&#123;&#123;hub</code> and <code>
   * hub&#125;&#125;</code> for hub templates.
   *
   * @throws TemplateException with Go's {@code template: <name>:<line>: <msg>} text on syntax
   *     errors or unknown functions
   */
  public static GoTemplate parse(
      String name, String text, TemplateFunctions functions, String leftDelim, String rightDelim)
      throws TemplateException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(functions, "functions");
    if (leftDelim == null || leftDelim.isEmpty() || rightDelim == null || rightDelim.isEmpty()) {
      throw new IllegalArgumentException("delimiters must be non-empty");
    }
    return new GoTemplate(
        name, text, functions, Parser.parse(name, text, functions, leftDelim, rightDelim));
  }

  /**
   * Executes the template.
   *
   * @param data the root value: maps, lists, strings, numbers, booleans, null or a {@link
   *     TemplateContext}
   * @return the rendered text
   * @throws TemplateException with Go's {@code template: <name>:<line>:<col>: executing ...} text
   */
  public String execute(Object data) throws TemplateException {
    return new Executor(this).run(data);
  }

  /** Returns the template's name. */
  public String name() {
    return name;
  }

  TemplateFunctions functions() {
    return functions;
  }

  ListNode tree(String templateName) {
    return templates.get(templateName);
  }

  /** Formats a position as Go does: 1-based line and 0-based byte column within that line. */
  String location(int pos) {
    int lineStart = text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
    if (pos == 0) {
      lineStart = 0;
    }
    return lineOf(text, pos) + ":" + (pos - lineStart);
  }

  static int lineOf(String text, int pos) {
    int line = 1;
    int end = Math.min(pos, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
