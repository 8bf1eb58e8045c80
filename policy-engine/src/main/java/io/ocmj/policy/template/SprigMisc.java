package io.ocmj.policy.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Sprig v3 defaults, conversion, math, regex and hashing functions. */
final class SprigMisc {
  private SprigMisc() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put(
        "default",
        a -> {
          Args.atLeast(a, "default", 1);
          return a.size() < 2 || Values.isEmpty(a.get(1)) ? a.get(0) : a.get(1);
        });
    m.put("empty", a -> Values.isEmpty(one(a, "empty")));
    m.put("coalesce", a -> a.stream().filter(v -> !Values.isEmpty(v)).findFirst().orElse(null));
    m.put(
        "ternary",
        a -> {
          Args.count(a, "ternary", 3);
          return Args.bool(a.get(2)) ? a.get(0) : a.get(1);
        });
    m.put(
        "fail",
        a -> {
          throw new TemplateException(Args.str(one(a, "fail")));
        });
    m.put("required", SprigMisc::required);
    m.put("int", a -> Values.toInt64(one(a, "int")));
    m.put("int64", a -> Values.toInt64(one(a, "int64")));
    m.put("float64", a -> Values.toFloat64(one(a, "float64")));
    m.put("toDecimal", a -> toDecimal(one(a, "toDecimal")));
    registerMath(m);
    registerRegex(m);
    m.put("uuidv4", a -> UUID.randomUUID().toString());
    m.put("sha1sum", a -> digest("SHA-1", Args.str(one(a, "sha1sum"))));
    m.put("sha256sum", a -> digest("SHA-256", Args.str(one(a, "sha256sum"))));
  }

  private static Object one(List<Object> a, String fn) throws TemplateException {
    Args.count(a, fn, 1);
    return a.get(0);
  }

  private static Object required(List<Object> a) throws TemplateException {
    Args.count(a, "required", 2);
    Object value = a.get(1);
    if (value == null || "".equals(value)) {
      throw new TemplateException(Args.str(a.get(0)));
    }
    return value;
  }

  private static long toDecimal(Object v) {
    Long parsed = null;
    String s = GoFormat.value(v);
    if (s.matches("[+-]?[0-7]+")) {
      parsed = Long.parseLong(s, 8);
    }
    return parsed == null ? 0 : parsed;
  }

  private static void registerMath(Map<String, TemplateFunction> m) {
    m.put("add", a -> a.stream().mapToLong(Values::toInt64).sum());
    m.put("add1", a -> Values.toInt64(one(a, "add1")) + 1);
    m.put("sub", a -> Values.toInt64(two(a, "sub").get(0)) - Values.toInt64(a.get(1)));
    m.put(
        "mul",
        a -> {
          Args.atLeast(a, "mul", 1);
          return a.stream().mapToLong(Values::toInt64).reduce(1, (x, y) -> x * y);
        });
    m.put("div", a -> Values.toInt64(two(a, "div").get(0)) / divisor(a.get(1)));
    m.put("mod", a -> Values.toInt64(two(a, "mod").get(0)) % divisor(a.get(1)));
    m.put(
        "max",
        a -> {
          Args.atLeast(a, "max", 1);
          return a.stream().mapToLong(Values::toInt64).max().getAsLong();
        });
    m.put(
        "min",
        a -> {
          Args.atLeast(a, "min", 1);
          return a.stream().mapToLong(Values::toInt64).min().getAsLong();
        });
    m.put("floor", a -> Math.floor(Values.toFloat64(one(a, "floor"))));
    m.put("ceil", a -> Math.ceil(Values.toFloat64(one(a, "ceil"))));
    m.put("round", SprigMisc::round);
  }

  private static List<Object> two(List<Object> a, String fn) throws TemplateException {
    Args.count(a, fn, 2);
    return a;
  }

  private static long divisor(Object v) throws TemplateException {
    long d = Values.toInt64(v);
    if (d == 0) {
      throw new TemplateException("runtime error: integer divide by zero");
    }
    return d;
  }

  /** Sprig's round: rounds half away from zero at {@code places}, with optional threshold. */
  private static Object round(List<Object> a) throws TemplateException {
    Args.atLeast(a, "round", 2);
    double value = Values.toFloat64(a.get(0));
    double pow = Math.pow(10, Args.integer(a.get(1)));
    double roundOn = a.size() > 2 ? Values.toFloat64(a.get(2)) : 0.5;
    double digit = pow * value;
    double fraction = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
    double rounded = fraction >= roundOn ? Math.ceil(digit) : Math.floor(digit);
    return rounded / pow;
  }

  private static void registerRegex(Map<String, TemplateFunction> m) {
    m.put(
        "regexMatch",
        a -> {
          Args.count(a, "regexMatch", 2);
          try {
            return compile(Args.str(a.get(0))).matcher(Args.str(a.get(1))).find();
          } catch (TemplateException e) {
            return false;
          }
        });
    m.put(
        "mustRegexMatch",
        a -> compile(Args.str(two(a, "mustRegexMatch").get(0))).matcher(Args.str(a.get(1))).find());
    m.put("regexFind", SprigMisc::regexFind);
    m.put("mustRegexFind", SprigMisc::regexFind);
    m.put("regexFindAll", SprigMisc::regexFindAll);
    m.put("mustRegexFindAll", SprigMisc::regexFindAll);
    m.put("regexReplaceAll", SprigMisc::regexReplaceAll);
    m.put("mustRegexReplaceAll", SprigMisc::regexReplaceAll);
    m.put("regexSplit", SprigMisc::regexSplit);
    m.put("mustRegexSplit", SprigMisc::regexSplit);
    m.put(
        "regexQuoteMeta",
        a -> Args.str(one(a, "regexQuoteMeta")).replaceAll("([\\\\.+*?()|\\[\\]{}^$])", "\\\\$1"));
  }

  /** Compiles RE2 syntax; Go's named groups {@code (?P<n>)} are rewritten for Java. */
  static Pattern compile(String regex) throws TemplateException {
    try {
      return Pattern.compile(regex.replace("(?P<", "(?<"));
    } catch (PatternSyntaxException e) {
      throw new TemplateException(
          "error parsing regexp: " + e.getDescription() + ": `" + regex + "`");
    }
  }

  private static Object regexFind(List<Object> a) throws TemplateException {
    Args.count(a, "regexFind", 2);
    Matcher matcher = compile(Args.str(a.get(0))).matcher(Args.str(a.get(1)));
    return matcher.find() ? matcher.group() : "";
  }

  private static Object regexFindAll(List<Object> a) throws TemplateException {
    Args.count(a, "regexFindAll", 3);
    Matcher matcher = compile(Args.str(a.get(0))).matcher(Args.str(a.get(1)));
    int n = Args.integer(a.get(2));
    List<Object> out = new ArrayList<>();
    while ((n < 0 || out.size() < n) && matcher.find()) {
      out.add(matcher.group());
    }
    return out;
  }

  private static Object regexReplaceAll(List<Object> a) throws TemplateException {
    Args.count(a, "regexReplaceAll", 3);
    Matcher matcher = compile(Args.str(a.get(0))).matcher(Args.str(a.get(1)));
    String template = Args.str(a.get(2));
    StringBuilder sb = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(sb, Matcher.quoteReplacement(expand(template, matcher)));
    }
    matcher.appendTail(sb);
    return sb.toString();
  }

  /** Go's Regexp.Expand: $1, ${1}, $name, ${name}; unknown groups expand to "". */
  private static String expand(String template, Matcher matcher) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i++);
      if (c != '$' || i >= template.length()) {
        sb.append(c);
        continue;
      }
      if (template.charAt(i) == '$') {
        sb.append('$');
        i++;
        continue;
      }
      boolean braced = template.charAt(i) == '{';
      int start = braced ? i + 1 : i;
      int end = start;
      while (end < template.length() && Lexer.isAlphaNumeric(template.charAt(end))) {
        end++;
      }
      if (end == start || (braced && (end >= template.length() || template.charAt(end) != '}'))) {
        sb.append('$');
        continue;
      }
      sb.append(group(matcher, template.substring(start, end)));
      i = braced ? end + 1 : end;
    }
    return sb.toString();
  }

  private static String group(Matcher matcher, String name) {
    try {
      String value =
          name.chars().allMatch(Character::isDigit)
              ? matcher.group(Integer.parseInt(name))
              : matcher.group(name);
      return value == null ? "" : value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return "";
    }
  }

  private static Object regexSplit(List<Object> a) throws TemplateException {
    Args.count(a, "regexSplit", 3);
    String s = Args.str(a.get(1));
    int n = Args.integer(a.get(2));
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    Matcher matcher = compile(Args.str(a.get(0))).matcher(s);
    int beg = 0;
    int end = 0;
    while (matcher.find()) {
      if (n > 0 && out.size() == n - 1) {
        break;
      }
      end = matcher.start();
      if (matcher.end() != 0) {
        out.add(s.substring(beg, end));
      }
      beg = matcher.end();
    }
    if (end != s.length()) {
      out.add(s.substring(beg));
    }
    return out;
  }

  private static String digest(String algorithm, String s) throws TemplateException {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new TemplateException(algorithm + " unavailable", e);
    }
  }
}
