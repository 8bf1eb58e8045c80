package io.ocmj.klusterlet.work;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * A JSON path into a Kubernetes object as OCM writes them ({@code .status.readyReplicas}, {@code
 * {.spec.replicas}}, filters such as {@code .status.conditions[?(@.type=="Ready")].status}), read
 * and edited with Jayway JsonPath on the object's map form.
 */
final class FieldPath {
  private static final Configuration CONFIG =
      Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS);

  private final String text;
  private final JsonPath path;

  private FieldPath(String text, JsonPath path) {
    this.text = text;
    this.path = path;
  }

  /** Parses {@code text}; IllegalArgumentException names the path and what is wrong. */
  static FieldPath parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
    }
    if (!trimmed.startsWith("$")) {
      trimmed = "$" + (trimmed.startsWith(".") || trimmed.startsWith("[") ? "" : ".") + trimmed;
    }
    try {
      return new FieldPath(text, JsonPath.compile(trimmed));
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw new InvalidFieldPath(
          "path " + text + " is not a valid JSON path: " + e.getMessage(), e);
    }
  }

  String text() {
    return text;
  }

  /**
   * The value at this path; a filter's single match is unwrapped, no match or an empty filter
   * result is empty.
   */
  Optional<Object> read(Object document) {
    Object value;
    try {
      value = path.read(document, CONFIG);
    } catch (PathNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      // compiles, but cannot be evaluated: an unknown function, or the library's own failure
      // (an IndexOutOfBoundsException for a negative index under a deep scan, say)
      throw invalid(e);
    }
    if (value instanceof List<?> list && !path.isDefinite()) {
      return list.size() == 1 ? Optional.ofNullable(list.get(0)) : Optional.empty();
    }
    return Optional.ofNullable(value);
  }

  /** Sets the value at this (definite) path when its parent exists. */
  void set(Object document, Object value) {
    try {
      path.set(document, value, CONFIG);
    } catch (PathNotFoundException e) {
      // no parent: nothing to set
    } catch (RuntimeException e) {
      throw invalid(e);
    }
  }

  void delete(Object document) {
    try {
      path.delete(document, CONFIG);
    } catch (PathNotFoundException e) {
      // nothing there to delete
    } catch (RuntimeException e) {
      throw invalid(e);
    }
  }

  private InvalidFieldPath invalid(RuntimeException e) {
    return new InvalidFieldPath("path " + text + " is not a valid JSON path: " + e.getMessage(), e);
  }

  /** A path of the work's spec that cannot be compiled or evaluated. */
  static final class InvalidFieldPath extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidFieldPath(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
