package io.ocmj.policy.template;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** An immutable name→function table. */
public final class TemplateFunctions {
  private static final TemplateFunctions BUILTINS = new TemplateFunctions(builtinMap());
  private static final TemplateFunctions STANDARD = new TemplateFunctions(standardMap());

  private final Map<String, TemplateFunction> functions;

  private TemplateFunctions(Map<String, TemplateFunction> functions) {
    this.functions = Collections.unmodifiableMap(functions);
  }

  private static Map<String, TemplateFunction> builtinMap() {
    Map<String, TemplateFunction> map = new HashMap<>();
    GoBuiltins.register(map);
    return map;
  }

  private static Map<String, TemplateFunction> standardMap() {
    Map<String, TemplateFunction> map = builtinMap();
    SprigStrings.register(map);
    SprigLists.register(map);
    SprigDicts.register(map);
    SprigMisc.register(map);
    OcmFunctions.register(map);
    return map;
  }

  /** Only Go's builtin functions (and, or, not, len, index, printf, eq, ...). */
  public static TemplateFunctions builtins() {
    return BUILTINS;
  }

  /**
   * Go builtins, the Sprig subset used by OCM policies and the go-template-utils encoding helpers.
   * Cluster lookup functions (fromSecret, lookup, ...) are not included: callers add them.
   */
  public static TemplateFunctions standard() {
    return STANDARD;
  }

  /** Returns a new table with {@code name} bound to {@code fn}, replacing any existing entry. */
  public TemplateFunctions with(String name, TemplateFunction fn) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fn, "fn");
    Map<String, TemplateFunction> copy = new HashMap<>(functions);
    copy.put(name, fn);
    return new TemplateFunctions(copy);
  }

  /** Returns a new table without the given names (a deny list); unknown names are ignored. */
  public TemplateFunctions without(Collection<String> names) {
    Map<String, TemplateFunction> copy = new HashMap<>(functions);
    copy.keySet().removeAll(names);
    return new TemplateFunctions(copy);
  }

  /** Reports whether a function with this name is defined. */
  public boolean has(String name) {
    return functions.containsKey(name);
  }

  /** Returns the defined function names in sorted order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(functions.keySet()));
  }

  TemplateFunction get(String name) {
    return functions.get(name);
  }
}
