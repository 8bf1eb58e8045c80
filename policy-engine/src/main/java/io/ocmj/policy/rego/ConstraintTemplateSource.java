package io.ocmj.policy.rego;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Rego of a Gatekeeper ConstraintTemplate ({@code templates.gatekeeper.sh}): the constraint
 * kind it defines, its modules ({@code rego} + {@code libs}, or the {@code Rego} entry of {@code
 * code[]}), the syntax version and the {@code <package>/violation} entrypoint.
 */
public record ConstraintTemplateSource(
    String name, String kind, List<RegoCompiler.Module> modules, boolean v0, String entrypoint) {
  static final String TARGET = "admission.k8s.gatekeeper.sh";
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z0-9_.]+)");

  /** Reads a template object; the message names the field that is missing or wrong. */
  public static ConstraintTemplateSource of(Map<String, Object> template) throws RegoException {
    String name = Maps.string(template, "metadata", "name");
    String kind = Maps.string(template, "spec", "crd", "spec", "names", "kind");
    if (kind == null || kind.isEmpty()) {
      throw new RegoException(
          "ConstraintTemplate " + name + ": spec.crd.spec.names.kind is required");
    }
    Map<String, Object> target = target(template, name);
    Map<String, Object> source = target;
    if (target.get("rego") == null && target.get("code") instanceof List<?> code) {
      source =
          code.stream()
              .filter(c -> c instanceof Map<?, ?> m && "Rego".equals(m.get("engine")))
              .map(c -> Maps.map(((Map<?, ?>) c).get("source")))
              .findFirst()
              .orElseThrow(
                  () ->
                      new RegoException(
                          "ConstraintTemplate "
                              + name
                              + ": spec.targets[0].code has no Rego engine"));
    }
    if (!(source.get("rego") instanceof String rego) || rego.isBlank()) {
      throw new RegoException("ConstraintTemplate " + name + ": spec.targets[0] has no rego");
    }
    List<RegoCompiler.Module> modules = new ArrayList<>();
    modules.add(new RegoCompiler.Module(name, rego));
    if (source.get("libs") instanceof List<?> libs) {
      for (int i = 0; i < libs.size(); i++) {
        modules.add(new RegoCompiler.Module(name + "-lib" + i, String.valueOf(libs.get(i))));
      }
    }
    Matcher pkg = PACKAGE.matcher(rego);
    if (!pkg.find()) {
      throw new RegoException("ConstraintTemplate " + name + ": the rego has no package");
    }
    boolean v0 = !"v1".equals(source.get("version"));
    return new ConstraintTemplateSource(
        name, kind, modules, v0, pkg.group(1).replace('.', '/') + "/violation");
  }

  private static Map<String, Object> target(Map<String, Object> template, String name)
      throws RegoException {
    Object targets = Maps.get(template, "spec", "targets");
    if (targets instanceof List<?> list) {
      for (Object t : list) {
        if (t instanceof Map<?, ?> m && TARGET.equals(m.get("target"))) {
          return Maps.map(m);
        }
      }
    }
    throw new RegoException(
        "ConstraintTemplate " + name + ": spec.targets has no target " + TARGET);
  }

  /** Compiles it to a loaded module. */
  public RegoModule compile(RegoCompiler compiler) throws RegoException {
    return RegoModule.load(compiler.compile(modules, entrypoint, v0), entrypoint);
  }
}
