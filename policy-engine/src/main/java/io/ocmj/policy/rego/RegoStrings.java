package io.ocmj.policy.rego;

import io.ocmj.policy.rego.RegoValue.RArray;
import io.ocmj.policy.rego.RegoValue.RObject;
import io.ocmj.policy.rego.RegoValue.RSet;
import io.ocmj.policy.rego.RegoValue.RString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The string and object builtins Gatekeeper templates use, with OPA's type errors. */
public final class RegoStrings {
  static final String ANY_PREFIX = "strings.any_prefix_match";
  static final String ANY_SUFFIX = "strings.any_suffix_match";

  private RegoStrings() {}

  /**
   * {@code strings.any_prefix_match(search, base)}: true if any search string starts with any base
   * string; each operand is a string, an array or a set of strings.
   */
  public static boolean anyPrefixMatch(RegoValue search, RegoValue base) {
    List<String> strs = strings(ANY_PREFIX, 1, search);
    List<String> prefixes = strings(ANY_PREFIX, 2, base);
    for (String s : strs) {
      for (String p : prefixes) {
        if (s.startsWith(p)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code strings.any_suffix_match(search, base)}: like the prefix form, with endsWith. */
  public static boolean anySuffixMatch(RegoValue search, RegoValue base) {
    List<String> strs = strings(ANY_SUFFIX, 1, search);
    List<String> suffixes = strings(ANY_SUFFIX, 2, base);
    for (String s : strs) {
      for (String p : suffixes) {
        if (s.endsWith(p)) {
          return true;
        }
      }
    }
    return false;
  }

  /** OPA checks every element, so a bad element fails even when another one would match. */
  private static List<String> strings(String builtin, int pos, RegoValue v) {
    if (v instanceof RString s) {
      return List.of(s.value());
    }
    Collection<RegoValue> items;
    if (v instanceof RArray a) {
      items = a.items();
    } else if (v instanceof RSet s) {
      items = s.members();
    } else {
      throw RegoBuiltinException.operand(builtin, pos, v.typeName(), "string", "set", "array");
    }
    List<String> out = new ArrayList<>(items.size());
    for (RegoValue item : items) {
      if (!(item instanceof RString s)) {
        throw RegoBuiltinException.element(builtin, pos, v.typeName(), item.typeName());
      }
      out.add(s.value());
    }
    return out;
  }

  /**
   * {@code strings.count(search, substring)}: non-overlapping occurrences; like Go, an empty
   * substring counts the code points plus one.
   */
  public static long count(String search, String substring) {
    if (substring.isEmpty()) {
      return search.codePointCount(0, search.length()) + 1L;
    }
    long n = 0;
    for (int i = search.indexOf(substring); i >= 0; i = search.indexOf(substring, i)) {
      n++;
      i += substring.length();
    }
    return n;
  }

  /** {@code object.keys(object)}: the keys as a set. */
  public static RSet objectKeys(RObject object) {
    return RSet.of(object.entries().keySet());
  }
}
