package io.ocmj.gitops.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two snapshots, in words: one line per policy and new state, e.g. {@code
 * policies/p1: 2 → NonCompliant (c1, c2) at rev abc1234}; these lines are the report commit's
 * message and what {@code ocmj compliance --since} prints.
 */
public final class ComplianceChanges {
  private ComplianceChanges() {}

  /** The lines, by policy then state; empty when nothing changed. */
  public static List<String> lines(
      Map<String, PolicyCompliance> before, Map<String, PolicyCompliance> after) {
    List<String> lines = new ArrayList<>();
    for (String policy : new TreeSet<>(union(before, after))) {
      PolicyCompliance old = before.get(policy);
      PolicyCompliance now = after.get(policy);
      if (now == null) {
        lines.add(policy + ": removed");
        continue;
      }
      if (old != null && old.sameCompliance(now)) {
        continue;
      }
      String at = rev(now.revision());
      Map<String, List<String>> byState = new TreeMap<>();
      List<String> newMessage = new ArrayList<>();
      for (PolicyCompliance.ClusterState c : now.clusters()) {
        PolicyCompliance.ClusterState was = old == null ? null : find(old, c.name());
        if (was == null || !was.compliant().equals(c.compliant())) {
          byState.computeIfAbsent(state(c.compliant()), k -> new ArrayList<>()).add(c.name());
        } else if (!was.message().equals(c.message())) {
          newMessage.add(c.name());
        }
      }
      byState.forEach(
          (state, clusters) ->
              lines.add(
                  policy + ": " + clusters.size() + " → " + state + " " + names(clusters) + at));
      if (!newMessage.isEmpty()) {
        lines.add(policy + ": " + newMessage.size() + " new message " + names(newMessage) + at);
      }
      if (old != null) {
        List<String> gone =
            old.clusters().stream()
                .map(PolicyCompliance.ClusterState::name)
                .filter(n -> find(now, n) == null)
                .toList();
        if (!gone.isEmpty()) {
          lines.add(policy + ": " + gone.size() + " removed " + names(gone));
        }
      }
      if (byState.isEmpty()
          && newMessage.isEmpty()
          && (old == null || !old.compliant().equals(now.compliant()))) {
        lines.add(policy + ": → " + state(now.compliant()) + at);
      }
    }
    return lines;
  }

  /** The commit message: the one line, or a summary subject with every line in the body. */
  public static String commitMessage(List<String> lines) {
    if (lines.size() == 1) {
      return lines.get(0) + "\n";
    }
    long policies = lines.stream().map(l -> l.substring(0, l.indexOf(':'))).distinct().count();
    return "compliance: "
        + lines.size()
        + " changes in "
        + policies
        + (policies == 1 ? " policy" : " policies")
        + "\n\n"
        + String.join("\n", lines)
        + "\n";
  }

  /** The short form of a revision ({@code main@sha1:<sha>} or a bare SHA): 7 hex digits. */
  public static String shortRevision(String revision) {
    String sha =
        revision.contains(":") ? revision.substring(revision.lastIndexOf(':') + 1) : revision;
    return sha.length() > 7 && sha.matches("[0-9a-f]+") ? sha.substring(0, 7) : sha;
  }

  private static String rev(String revision) {
    return revision.isEmpty() ? "" : " at rev " + shortRevision(revision);
  }

  private static String state(String compliant) {
    return compliant.isEmpty() ? "unknown" : compliant;
  }

  private static String names(List<String> clusters) {
    return "(" + String.join(", ", clusters) + ")";
  }

  private static PolicyCompliance.ClusterState find(PolicyCompliance p, String cluster) {
    return p.clusters().stream().filter(c -> c.name().equals(cluster)).findFirst().orElse(null);
  }

  private static java.util.Set<String> union(
      Map<String, PolicyCompliance> a, Map<String, PolicyCompliance> b) {
    Map<String, Boolean> all = new LinkedHashMap<>();
    a.keySet().forEach(k -> all.put(k, true));
    b.keySet().forEach(k -> all.put(k, true));
    return all.keySet();
  }
}
