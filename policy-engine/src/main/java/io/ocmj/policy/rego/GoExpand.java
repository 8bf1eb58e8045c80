package io.ocmj.policy.rego;

import java.util.regex.Matcher;

/** Go's Regexp.Expand template syntax: {@code $1}, {@code $name}, {@code ${name}}, {@code $$}. */
final class GoExpand {
  private GoExpand() {}

  static void append(StringBuilder out, String template, Matcher m) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        out.append(template, i, template.length());
        return;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      int[] span = name(template, i);
      if (span == null) {
        // Go keeps a '$' that does not start a valid reference.
        out.append('$');
        continue;
      }
      out.append(group(m, template.substring(span[0], span[1])));
      i = span[2];
    }
  }

  /** Returns {nameStart, nameEnd, next} or null; a bare name is the longest run of word chars. */
  private static int[] name(String t, int i) {
    boolean brace = i < t.length() && t.charAt(i) == '{';
    int start = brace ? i + 1 : i;
    int end = start;
    while (end < t.length() && isWordChar(t.charAt(end))) {
      end++;
    }
    if (end == start) {
      return null;
    }
    if (brace) {
      return end < t.length() && t.charAt(end) == '}' ? new int[] {start, end, end + 1} : null;
    }
    return new int[] {start, end, end};
  }

  private static boolean isWordChar(char c) {
    return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** A number names a group by index, anything else by name; unknown groups expand to "". */
  private static String group(Matcher m, String name) {
    String text = null;
    if (name.chars().allMatch(Character::isDigit)) {
      try {
        int index = Integer.parseInt(name);
        text = index <= m.groupCount() ? m.group(index) : null;
      } catch (NumberFormatException e) {
        text = null;
      }
    } else {
      try {
        text = m.group(name);
      } catch (IllegalArgumentException e) {
        text = null;
      }
    }
    return text == null ? "" : text;
  }
}
