package io.ocmj.policy.rego;

import java.util.Map;

/** Rewrites the RE2 syntax Go accepts into java.util.regex syntax with the same meaning. */
final class GoRegexSyntax {
  private static final Map<String, String> POSIX_CLASSES =
      Map.ofEntries(
          Map.entry("alnum", "\\p{Alnum}"),
          Map.entry("alpha", "\\p{Alpha}"),
          Map.entry("ascii", "\\x00-\\x7F"),
          Map.entry("blank", "\\p{Blank}"),
          Map.entry("cntrl", "\\p{Cntrl}"),
          Map.entry("digit", "0-9"),
          Map.entry("graph", "\\p{Graph}"),
          Map.entry("lower", "a-z"),
          Map.entry("print", "\\p{Print}"),
          Map.entry("punct", "\\p{Punct}"),
          Map.entry("space", "\\t\\n\\x0B\\f\\r "),
          Map.entry("upper", "A-Z"),
          Map.entry("word", "\\w"),
          Map.entry("xdigit", "0-9A-Fa-f"));

  private GoRegexSyntax() {}

  /**
   * Copies one character inside a class; Java would read '[' as a nested class and "&&" as an
   * intersection, which RE2 treats as literals. Returns the index of the last char consumed.
   */
  private static int classChar(String re, int i, StringBuilder out) {
    char c = re.charAt(i);
    if (c == '[' && re.startsWith("[:", i)) {
      int close = re.indexOf(":]", i + 2);
      String name = close < 0 ? "" : re.substring(i + 2, close);
      boolean negated = name.startsWith("^");
      String cls = POSIX_CLASSES.get(negated ? name.substring(1) : name);
      if (cls != null) {
        out.append(negated ? "[^" + cls + "]" : cls);
        return close + 1;
      }
    }
    if (c == '[' || c == '&') {
      out.append('\\');
    }
    out.append(c);
    return i;
  }

  /**
   * Translates named groups {@code (?P<n>)}, POSIX classes {@code [[:alpha:]]}, and — unless the
   * pattern turns on multi-line mode — {@code $}, which in Go only matches at the very end.
   */
  static String toJava(String re) {
    boolean multiline = re.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z]*[:)].*");
    StringBuilder out = new StringBuilder(re.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\' && i + 1 < re.length()) {
        out.append(c).append(re.charAt(++i));
      } else if (inClass && c == ']') {
        inClass = false;
        out.append(c);
      } else if (inClass) {
        i = classChar(re, i, out);
      } else if (re.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (c == '[') {
        inClass = true;
        out.append(c);
        // A ']' right after '[' or '[^' is a literal in RE2, and Java agrees.
        if (re.startsWith("^", i + 1)) {
          out.append(re.charAt(++i));
        }
        if (re.startsWith("]", i + 1)) {
          out.append("\\]");
          i++;
        }
      } else if (c == '$' && !multiline) {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
