package io.ocmj.policy.dryrun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dry-run's comparison of an expected (partial) status with the actual one, with the lines
 * OCM's dryrun prints: every expected list item must match some actual item, every expected field
 * must be present and equal (recursively).
 */
final class StatusCompare {
  private StatusCompare() {}

  record Result(List<String> lines, boolean matches) {}

  static Result compare(Map<?, ?> expected, Map<?, ?> actual) {
    List<String> lines = new ArrayList<>();
    boolean all = true;
    Map<String, Object> sorted = new TreeMap<>();
    expected.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      String key = e.getKey();
      Object want = e.getValue();
      Object have = actual.get(key);
      if (want instanceof List<?> items) {
        boolean listMatches = true;
        for (int i = 0; i < items.size(); i++) {
          boolean found = have instanceof List<?> haveItems && anyMatch(items.get(i), haveItems);
          lines.add(
              "." + key + "[" + i + "] " + (found ? "matches" : "does not match any elements"));
          listMatches &= found;
        }
        lines.add("." + key + (listMatches ? " matches" : " does not match the elements"));
        all &= listMatches;
      } else if (want instanceof Map<?, ?>) {
        boolean ok = subset(want, have);
        lines.add("." + key + (ok ? " matches" : " does not match"));
        all &= ok;
      } else {
        boolean ok = subset(want, have);
        lines.add(
            "."
                + key
                + ": '"
                + want
                + "' "
                + (ok ? "does match" : "does not match")
                + " '"
                + (have == null ? "" : have)
                + "'");
        all &= ok;
      }
    }
    lines.add(
        all
            ? " Expected status matches the actual status"
            : " Expected status does not match the actual status");
    return new Result(lines, all);
  }

  private static boolean anyMatch(Object want, List<?> have) {
    return have.stream().anyMatch(h -> subset(want, h));
  }

  /** Whether everything in {@code want} is in {@code have}. */
  static boolean subset(Object want, Object have) {
    if (want instanceof Map<?, ?> w) {
      if (!(have instanceof Map<?, ?> h)) {
        return false;
      }
      return w.entrySet().stream().allMatch(e -> subset(e.getValue(), h.get(e.getKey())));
    }
    if (want instanceof List<?> w) {
      return have instanceof List<?> h && w.stream().allMatch(item -> anyMatch(item, h));
    }
    if (want == null) {
      return have == null;
    }
    return have != null && String.valueOf(want).equals(String.valueOf(have));
  }
}
