package io.ocmj.policy.config;

import io.ocmj.api.policy.v1.NamespaceSelector;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * OCM's namespaceSelector: include and exclude are shell globs on names; labels alone act as {@code
 * include: ["*"]}; no labels and no include select nothing. Terminating namespaces are skipped only
 * with {@code terminatingInclusion: Never}.
 */
public final class NamespaceSelection {
  private NamespaceSelection() {}

  /** The selected namespace names, sorted. */
  public static List<String> select(NamespaceSelector selector, List<NamespaceInfo> namespaces) {
    if (selector == null) {
      return List.of();
    }
    boolean hasLabels =
        (selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty())
            || (selector.getMatchExpressions() != null
                && !selector.getMatchExpressions().isEmpty());
    List<String> include = selector.getInclude() == null ? List.of() : selector.getInclude();
    if (include.isEmpty() && !hasLabels) {
      return List.of();
    }
    List<String> includeGlobs = include.isEmpty() ? List.of("*") : include;
    List<String> exclude = selector.getExclude() == null ? List.of() : selector.getExclude();
    boolean skipTerminating = "Never".equals(selector.getTerminatingInclusion());
    return namespaces.stream()
        .filter(ns -> !(skipTerminating && ns.terminating()))
        .filter(ns -> anyGlob(includeGlobs, ns.name()) && !anyGlob(exclude, ns.name()))
        .filter(
            ns ->
                LabelSelectors.matchesLeniently(
                    selector.getMatchLabels(), selector.getMatchExpressions(), ns.labels()))
        .map(NamespaceInfo::name)
        .sorted()
        .toList();
  }

  static boolean anyGlob(List<String> globs, String name) {
    for (String glob : globs) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      if (matcher.matches(Path.of(name))) {
        return true;
      }
    }
    return false;
  }
}
