package io.ocmj.policy.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds OCM's per-template message from object results: non-compliant results only when there are
 * any; grouped by reason in OCM's order; {@code <plural> [<names>] <body>} with {@code in namespace
 * <ns>} or {@code in namespaces: <a>, <b>} when the same names share several namespaces.
 */
public final class ComplianceMessages {
  private ComplianceMessages() {}

  public static String of(List<ObjectResult> results) {
    boolean anyViolation = results.stream().anyMatch(r -> !r.reason().compliant());
    Map<Reason, Map<String, TreeSet<String>>> byReason = new EnumMap<>(Reason.class);
    Map<Reason, String> plural = new EnumMap<>(Reason.class);
    for (ObjectResult r : results) {
      if (anyViolation && r.reason().compliant()) {
        continue;
      }
      plural.putIfAbsent(r.reason(), r.kind().plural());
      TreeSet<String> names =
          byReason
              .computeIfAbsent(r.reason(), k -> new TreeMap<>())
              .computeIfAbsent(r.namespace() == null ? "" : r.namespace(), k -> new TreeSet<>());
      if (r.name() != null) {
        names.add(r.name());
      }
    }
    List<String> parts = new ArrayList<>();
    byReason.forEach(
        (reason, namespaces) -> parts.addAll(groups(plural.get(reason), reason, namespaces)));
    return String.join("; ", parts);
  }

  /** One text per distinct name list; namespaces with the same names share it. */
  private static List<String> groups(
      String plural, Reason reason, Map<String, TreeSet<String>> namespaces) {
    Map<String, List<String>> nsByNames = new LinkedHashMap<>();
    namespaces.forEach(
        (ns, names) ->
            nsByNames.computeIfAbsent(String.join(", ", names), k -> new ArrayList<>()).add(ns));
    List<String> texts = new ArrayList<>();
    nsByNames.forEach(
        (names, nss) -> {
          StringBuilder text = new StringBuilder(plural);
          if (!names.isEmpty()) {
            text.append(" [").append(names).append(']');
          }
          text.append(' ').append(reason.body());
          nss.removeIf(String::isEmpty);
          if (nss.size() == 1) {
            text.append(" in namespace ").append(nss.get(0));
          } else if (nss.size() > 1) {
            text.append(" in namespaces: ").append(String.join(", ", nss));
          }
          texts.add(text.toString());
        });
    return texts;
  }
}
