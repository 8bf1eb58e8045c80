package io.ocmj.policy.rego;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regex.replace}, {@code regex.split} and {@code regex.find_n} with Go's regexp rules for
 * successive matches (an empty match right after a match is skipped) and for {@code $} expansion.
 */
public final class RegoRegex {
  static final String REPLACE = "regex.replace";
  static final String SPLIT = "regex.split";
  static final String FIND_N = "regex.find_n";
  private static final int CACHE_LIMIT = 256;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private RegoRegex() {}

  /**
   * {@code regex.replace(s, pattern, value)}: every match replaced, {@code $1}/{@code ${name}}
   * expanded.
   */
  public static String replace(String s, String pattern, String value) {
    Matcher m = compile(REPLACE, pattern).matcher(s);
    StringBuilder out = new StringBuilder();
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= s.length() && m.find(searchPos)) {
      out.append(s, lastMatchEnd, m.start());
      // Go does not replace an empty match that abuts the previous match.
      if (m.end() > lastMatchEnd || m.start() == 0) {
        GoExpand.append(out, value, m);
      }
      lastMatchEnd = m.end();
      int width = searchPos < s.length() ? Character.charCount(s.codePointAt(searchPos)) : 1;
      searchPos = searchPos + width > m.end() ? searchPos + width : m.end();
    }
    return out.append(s, lastMatchEnd, s.length()).toString();
  }

  /** {@code regex.split(pattern, s)}: Go's Regexp.Split(s, -1). */
  public static List<String> split(String pattern, String s) {
    Pattern p = compile(SPLIT, pattern);
    List<String> out = new ArrayList<>();
    if (!pattern.isEmpty() && s.isEmpty()) {
      out.add("");
      return out;
    }
    int beg = 0;
    int end = 0;
    for (int[] match : matches(p, s, -1)) {
      end = match[0];
      if (match[1] != 0) {
        out.add(s.substring(beg, end));
      }
      beg = match[1];
    }
    if (end != s.length()) {
      out.add(s.substring(beg));
    }
    return out;
  }

  /** {@code regex.find_n(pattern, s, n)}: up to n matches, all of them when n is negative. */
  public static List<String> findN(String pattern, String s, long n) {
    List<String> out = new ArrayList<>();
    for (int[] match : matches(compile(FIND_N, pattern), s, n)) {
      out.add(s.substring(match[0], match[1]));
    }
    return out;
  }

  /** Go's allMatches: successive matches, skipping empty ones that touch the previous match. */
  private static List<int[]> matches(Pattern p, String s, long n) {
    List<int[]> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    int pos = 0;
    int prevMatchEnd = -1;
    while ((n < 0 || out.size() < n) && pos <= s.length() && m.find(pos)) {
      boolean accept = true;
      if (m.end() == m.start()) {
        accept = m.start() != prevMatchEnd;
        pos =
            m.end() < s.length()
                ? m.end() + Character.charCount(s.codePointAt(m.end()))
                : m.end() + 1;
      } else {
        pos = m.end();
      }
      prevMatchEnd = m.end();
      if (accept) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  static Pattern compile(String builtin, String pattern) {
    Pattern cached = CACHE.get(pattern);
    if (cached != null) {
      return cached;
    }
    try {
      Pattern p = Pattern.compile(GoRegexSyntax.toJava(pattern), Pattern.UNIX_LINES);
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(pattern, p);
      return p;
    } catch (PatternSyntaxException e) {
      throw RegoBuiltinException.failure(
          builtin, "error parsing regexp: " + e.getDescription() + ": `" + pattern + "`");
    }
  }
}
