package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sprig v3 string functions. Argument order follows Sprig (the subject string comes last). */
final class SprigStrings {
  private SprigStrings() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("trim", a -> goTrimSpace(str1(a, "trim")));
    m.put("trimAll", a -> trimCutset(s(a, 1, "trimAll"), s(a, 0, "trimAll")));
    m.put("trimPrefix", a -> trimPrefix(s(a, 1, "trimPrefix"), s(a, 0, "trimPrefix")));
    m.put("trimSuffix", a -> trimSuffix(s(a, 1, "trimSuffix"), s(a, 0, "trimSuffix")));
    m.put("upper", a -> str1(a, "upper").toUpperCase(Locale.ROOT));
    m.put("lower", a -> str1(a, "lower").toLowerCase(Locale.ROOT));
    m.put("title", a -> title(str1(a, "title")));
    m.put("repeat", a -> repeat(a));
    m.put("substr", SprigStrings::substr);
    m.put("nospace", a -> str1(a, "nospace").replaceAll("[\\s\\u0085\\u00a0]", ""));
    m.put("trunc", SprigStrings::trunc);
    m.put("abbrev", SprigStrings::abbrev);
    m.put("contains", a -> s(a, 1, "contains").contains(s(a, 0, "contains")));
    m.put("hasPrefix", a -> s(a, 1, "hasPrefix").startsWith(s(a, 0, "hasPrefix")));
    m.put("hasSuffix", a -> s(a, 1, "hasSuffix").endsWith(s(a, 0, "hasSuffix")));
    m.put("quote", a -> quoteAll(a, true));
    m.put("squote", a -> quoteAll(a, false));
    m.put("cat", SprigStrings::cat);
    m.put("indent", a -> indent(Args.integer(a2(a, "indent").get(0)), Args.str(a.get(1))));
    m.put("nindent", a -> "\n" + indent(Args.integer(a2(a, "nindent").get(0)), Args.str(a.get(1))));
    m.put("replace", SprigStrings::replace);
    m.put("plural", SprigStrings::plural);
    m.put("snakecase", a -> joinWords(str1(a, "snakecase"), "_"));
    m.put("kebabcase", a -> joinWords(str1(a, "kebabcase"), "-"));
    m.put("camelcase", a -> camelcase(str1(a, "camelcase")));
    m.put(
        "splitList",
        a -> new ArrayList<Object>(split(s(a, 1, "splitList"), s(a, 0, "splitList"), -1)));
    m.put("split", a -> indexed(split(s(a, 1, "split"), s(a, 0, "split"), -1)));
    m.put("splitn", SprigStrings::splitn);
    m.put("join", a -> String.join(Args.str(a2(a, "join").get(0)), strslice(a.get(1))));
    m.put("sortAlpha", SprigStrings::sortAlpha);
    m.put("toString", a -> Args.strval(one(a, "toString")));
    m.put("toStrings", a -> new ArrayList<Object>(strslice(one(a, "toStrings"))));
  }

  private static List<Object> a2(List<Object> a, String fn) throws TemplateException {
    Args.count(a, fn, 2);
    return a;
  }

  private static Object one(List<Object> a, String fn) throws TemplateException {
    Args.count(a, fn, 1);
    return a.get(0);
  }

  private static String str1(List<Object> a, String fn) throws TemplateException {
    return Args.str(one(a, fn));
  }

  private static String s(List<Object> a, int i, String fn) throws TemplateException {
    return Args.str(a2(a, fn).get(i));
  }

  /** strings.TrimSpace, which trims Unicode white space (Java's trim() only trims controls). */
  static String goTrimSpace(String s) {
    return s.replaceAll(
        "^[\\s\\u0085\\u00a0\\u2000-\\u200a\\u3000]+|[\\s\\u0085\\u00a0\\u2000-\\u200a\\u3000]+$",
        "");
  }

  private static String trimCutset(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String trimPrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  private static String trimSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  /** strings.Title: upper-cases the first letter of each word; words end at non-word runes. */
  private static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean prevSeparator = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(prevSeparator ? Character.toTitleCase(cp) : cp);
      prevSeparator = !(Character.isLetterOrDigit(cp) || cp == '_');
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static Object repeat(List<Object> a) throws TemplateException {
    Args.count(a, "repeat", 2);
    int count = Args.integer(a.get(0));
    String s = Args.str(a.get(1));
    if (count < 0) {
      throw new TemplateException("strings: negative Repeat count");
    }
    if ((long) count * s.length() > 10_000_000L) {
      throw new TemplateException("strings: Repeat output length overflow");
    }
    return s.repeat(count);
  }

  /** Sprig substr works on bytes; we work on UTF-16 units, equal for ASCII. */
  private static Object substr(List<Object> a) throws TemplateException {
    Args.count(a, "substr", 3);
    int start = Args.integer(a.get(0));
    int end = Args.integer(a.get(1));
    String s = Args.str(a.get(2));
    if (start < 0) {
      return s.substring(0, Math.min(Math.max(end, 0), s.length()));
    }
    if (end < 0 || end > s.length()) {
      return start > s.length() ? "" : s.substring(start);
    }
    if (start > end) {
      throw new TemplateException("slice bounds out of range [" + start + ":" + end + "]");
    }
    return s.substring(start, end);
  }

  private static Object trunc(List<Object> a) throws TemplateException {
    Args.count(a, "trunc", 2);
    int c = Args.integer(a.get(0));
    String s = Args.str(a.get(1));
    if (c < 0 && s.length() + c > 0) {
      return s.substring(s.length() + c);
    }
    if (c >= 0 && s.length() > c) {
      return s.substring(0, c);
    }
    return s;
  }

  private static Object abbrev(List<Object> a) throws TemplateException {
    Args.count(a, "abbrev", 2);
    int width = Args.integer(a.get(0));
    String s = Args.str(a.get(1));
    if (width < 4 || s.length() <= width) {
      return s;
    }
    return s.substring(0, width - 3) + "...";
  }

  private static Object quoteAll(List<Object> a, boolean dbl) {
    List<String> out = new ArrayList<>();
    for (Object v : a) {
      if (v != null) {
        out.add(dbl ? GoQuote.quote(Args.strval(v)) : "'" + Args.strval(v) + "'");
      }
    }
    return String.join(" ", out);
  }

  private static Object cat(List<Object> a) {
    List<String> out = new ArrayList<>();
    for (Object v : a) {
      if (v != null) {
        out.add(GoFormat.value(v));
      }
    }
    return String.join(" ", out);
  }

  static String indent(int spaces, String v) {
    String pad = " ".repeat(Math.max(0, spaces));
    return pad + v.replace("\n", "\n" + pad);
  }

  private static Object replace(List<Object> a) throws TemplateException {
    Args.count(a, "replace", 3);
    String old = Args.str(a.get(0));
    String replacement = Args.str(a.get(1));
    String src = Args.str(a.get(2));
    if (old.isEmpty()) {
      StringBuilder sb = new StringBuilder(replacement);
      src.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(replacement));
      return sb.toString();
    }
    return src.replace(old, replacement);
  }

  private static Object plural(List<Object> a) throws TemplateException {
    Args.count(a, "plural", 3);
    return Args.integer(a.get(2)) == 1 ? Args.str(a.get(0)) : Args.str(a.get(1));
  }

  /** Splits identifiers into lower-case words at case changes and non-alphanumerics. */
  private static String joinWords(String s, String sep) {
    String spaced =
        s.replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
            .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
            .replaceAll("[^A-Za-z0-9]+", " ")
            .trim();
    return spaced.isEmpty() ? "" : String.join(sep, spaced.toLowerCase(Locale.ROOT).split(" "));
  }

  private static String camelcase(String s) {
    StringBuilder sb = new StringBuilder();
    boolean upperNext = true;
    for (char c : s.toCharArray()) {
      if (c == '_' || c == ' ' || c == '-') {
        upperNext = true;
        continue;
      }
      sb.append(upperNext ? Character.toUpperCase(c) : c);
      upperNext = false;
    }
    return sb.toString();
  }

  /** strings.SplitN semantics: an empty separator splits into characters. */
  static List<String> split(String s, String sep, int n) {
    List<String> parts = new ArrayList<>();
    if (n == 0) {
      return parts;
    }
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
      return parts;
    }
    int start = 0;
    int idx;
    while ((n < 0 || parts.size() < n - 1) && (idx = s.indexOf(sep, start)) >= 0) {
      parts.add(s.substring(start, idx));
      start = idx + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static Map<String, Object> indexed(List<String> parts) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      out.put("_" + i, parts.get(i));
    }
    return out;
  }

  private static Object splitn(List<Object> a) throws TemplateException {
    Args.count(a, "splitn", 3);
    return indexed(split(Args.str(a.get(2)), Args.str(a.get(0)), Args.integer(a.get(1))));
  }

  /** Sprig's strslice: lists become strings (nils dropped), scalars a one-element list. */
  static List<String> strslice(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object item : (List<?>) v) {
        if (item != null) {
          out.add(Args.strval(item));
        }
      }
    } else if (v != null) {
      out.add(Args.strval(v));
    }
    return out;
  }

  private static Object sortAlpha(List<Object> a) throws TemplateException {
    Args.count(a, "sortAlpha", 1);
    List<String> sorted = strslice(a.get(0));
    Collections.sort(sorted, (x, y) -> compareBytes(x, y));
    return new ArrayList<Object>(sorted);
  }

  private static int compareBytes(String x, String y) {
    return Arrays.compareUnsigned(
        x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
  }
}
