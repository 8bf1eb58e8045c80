package io.ocmj.policy.rego;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs a Gatekeeper {@code suite.yaml} (gator's format: tests of a template and a constraint, cases
 * of an object with optional inventory, assertions {@code violations: yes|no|<n>} with an optional
 * {@code message} regex) through ocmj's Rego engine. YAML 1.2, so {@code yes}/{@code no} stay text.
 */
public final class GatorSuite {
  private final Path dir;
  private final RegoCompiler compiler;
  private final Map<String, RegoModule> modules = new HashMap<>();

  private GatorSuite(Path dir, RegoCompiler compiler) {
    this.dir = dir;
    this.compiler = compiler;
  }

  /** The outcome of one case; {@code detail} says what failed. */
  public record CaseResult(String test, String name, boolean passed, String detail) {}

  /** Runs every test and case of {@code <dir>/suite.yaml}. */
  public static List<CaseResult> run(Path dir, RegoCompiler compiler)
      throws IOException, RegoException {
    return new GatorSuite(dir, compiler).runAll();
  }

  private List<CaseResult> runAll() throws IOException, RegoException {
    Map<String, Object> suite = Maps.map(load(dir.resolve("suite.yaml")).get(0));
    List<CaseResult> results = new ArrayList<>();
    for (Object t : list(suite.get("tests"))) {
      Map<String, Object> test = Maps.map(t);
      String testName = String.valueOf(test.get("name"));
      RegoModule module = module(String.valueOf(test.get("template")));
      Map<String, Object> constraint =
          Maps.map(load(dir.resolve(String.valueOf(test.get("constraint")))).get(0));
      for (Object c : list(test.get("cases"))) {
        results.add(runCase(testName, Maps.map(c), module, constraint));
      }
    }
    return results;
  }

  private CaseResult runCase(
      String test, Map<String, Object> c, RegoModule module, Map<String, Object> constraint)
      throws IOException, RegoException {
    String name = String.valueOf(c.get("name"));
    Map<String, Object> object =
        Maps.map(load(dir.resolve(String.valueOf(c.get("object")))).get(0));
    List<Map<String, Object>> inventory = new ArrayList<>();
    for (Object file : list(c.get("inventory"))) {
      load(dir.resolve(String.valueOf(file))).forEach(o -> inventory.add(Maps.map(o)));
    }
    Map<String, Object> namespace = namespaceOf(object, inventory);
    List<GatekeeperReview.Violation> violations =
        GatekeeperReview.review(
            module, constraint, object, namespace, GatekeeperReview.inventory(inventory));
    for (Object a : list(c.get("assertions"))) {
      String failure = check(Maps.map(a), violations);
      if (failure != null) {
        return new CaseResult(test, name, false, failure);
      }
    }
    return new CaseResult(test, name, true, violations.size() + " violation(s)");
  }

  /** Null when the assertion holds, else what was expected and found. */
  static String check(Map<String, Object> assertion, List<GatekeeperReview.Violation> violations) {
    Object message = assertion.get("message");
    Pattern pattern = message == null ? null : Pattern.compile(String.valueOf(message));
    long count =
        violations.stream()
            .filter(v -> pattern == null || pattern.matcher(v.message()).find())
            .count();
    String expected =
        assertion.get("violations") == null ? "yes" : String.valueOf(assertion.get("violations"));
    boolean holds =
        switch (expected) {
          case "yes" -> count > 0;
          case "no" -> count == 0;
          default -> count == Long.parseLong(expected);
        };
    return holds
        ? null
        : "expected violations: "
            + expected
            + (message == null ? "" : " matching /" + message + "/")
            + ", got "
            + count
            + " "
            + violations.stream().map(GatekeeperReview.Violation::message).toList();
  }

  private static Map<String, Object> namespaceOf(
      Map<String, Object> object, List<Map<String, Object>> inventory) {
    String ns = Maps.string(object, "metadata", "namespace");
    return inventory.stream()
        .filter(
            o ->
                "Namespace".equals(o.get("kind"))
                    && ns != null
                    && ns.equals(Maps.string(o, "metadata", "name")))
        .findFirst()
        .orElse(null);
  }

  private RegoModule module(String templateFile) throws IOException, RegoException {
    RegoModule cached = modules.get(templateFile);
    if (cached == null) {
      cached =
          ConstraintTemplateSource.of(Maps.map(load(dir.resolve(templateFile)).get(0)))
              .compile(compiler);
      modules.put(templateFile, cached);
    }
    return cached;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static List<Object> load(Path file) throws IOException {
    List<Object> docs = new ArrayList<>();
    for (Object doc :
        new Load(LoadSettings.builder().setMaxAliasesForCollections(50).build())
            .loadAllFromString(Files.readString(file))) {
      if (doc != null) {
        docs.add(doc);
      }
    }
    if (docs.isEmpty()) {
      throw new IOException(file + ": no YAML document");
    }
    return docs;
  }
}
