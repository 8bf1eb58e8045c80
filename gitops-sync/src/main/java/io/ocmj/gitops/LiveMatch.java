package io.ocmj.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a live object already holds every field Git gives it, with the same value: then applying
 * it again cannot change it and the dry-run can be skipped. Objects compare field by field (the
 * live one may have more: defaults, status, other managers' fields); lists must have the same
 * length and match element by element; numbers compare by value. Anything else that differs sends
 * the object to the server-side dry-run, which decides.
 */
final class LiveMatch {
  private LiveMatch() {}

  static boolean holds(JsonNode live, JsonNode desired) {
    if (desired == null || desired.isNull()) {
      return live == null || live.isNull();
    }
    if (live == null) {
      return false;
    }
    if (desired.isObject()) {
      if (!live.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!holds(live.get(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (desired.isArray()) {
      if (!live.isArray() || live.size() != desired.size()) {
        return false;
      }
      for (int i = 0; i < desired.size(); i++) {
        if (!holds(live.get(i), desired.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (desired.isNumber() && live.isNumber()) {
      return desired.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    return desired.equals(live);
  }
}
