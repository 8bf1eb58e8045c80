package io.ocmj.policy.template;

import java.util.List;

/** A template function: receives evaluated arguments (the piped value last, as in Go). */
@FunctionalInterface
public interface TemplateFunction {
  /**
   * Applies the function.
   *
   * @param args the evaluated arguments; a piped value is the last element
   * @return the result, one of the data model types (may be {@code null})
   * @throws TemplateException if the function fails; the message is reported as {@code error
   *     calling <name>: <message>}
   */
  Object apply(List<Object> args) throws TemplateException;
}
