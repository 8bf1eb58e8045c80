package io.ocmj.policy.config;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * OCM's {@code relatedObjects[].properties.diff}: a unified diff with 5 lines of context of the
 * existing object against the merged one, both as YAML with sorted keys, cut after 50 lines.
 */
public final class YamlDiff {
  static final int MAX_LINES = 50;
  private static final int CONTEXT = 5;
  private static final Dump YAML =
      new Dump(
          DumpSettings.builder()
              .setDefaultFlowStyle(FlowStyle.BLOCK)
              .setIndent(2)
              .setIndicatorIndent(0)
              .setWidth(Integer.MAX_VALUE)
              .build());

  private YamlDiff() {}

  /** The full diff text, or "" when the objects render the same. */
  public static String full(String id, Map<String, Object> existing, Map<String, Object> merged) {
    List<String> before = lines(existing);
    List<String> after = lines(merged);
    Patch<String> patch = DiffUtils.diff(before, after);
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    List<String> out =
        UnifiedDiffUtils.generateUnifiedDiff(
            id + " : existing", id + " : updated", before, patch, CONTEXT);
    return String.join("\n", out);
  }

  /** The diff as stored in status: over 50 lines it keeps the first 50 under a header. */
  public static String truncated(String diff) {
    List<String> lines = Arrays.asList(diff.split("\n", -1));
    if (lines.size() <= MAX_LINES) {
      return diff;
    }
    return "# Truncated: showing "
        + MAX_LINES
        + "/"
        + lines.size()
        + " diff lines:\n"
        + String.join("\n", lines.subList(0, MAX_LINES));
  }

  /** An object as YAML lines; like Go's YAML, the text ends with a newline (an empty last line). */
  static List<String> lines(Map<String, Object> object) {
    Map<String, Object> clean = new LinkedHashMap<>(object);
    if (clean.get("metadata") instanceof Map<?, ?> meta) {
      Map<String, Object> m = new LinkedHashMap<>();
      meta.forEach((k, v) -> m.put(String.valueOf(k), v));
      m.remove("managedFields");
      clean.put("metadata", m);
    }
    String text = YAML.dumpToString(sorted(clean));
    return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(YamlDiff::sorted).toList();
    }
    return value;
  }
}
