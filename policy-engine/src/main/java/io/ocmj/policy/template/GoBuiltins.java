package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoQuote;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Go text/template's predefined global functions. */
final class GoBuiltins {
  /** Placeholder; the executor evaluates "and" lazily to short-circuit like Go 1.18+. */
  static final TemplateFunction AND = args -> and(args);

  /** Placeholder; the executor evaluates "or" lazily to short-circuit like Go 1.18+. */
  static final TemplateFunction OR = args -> or(args);

  private GoBuiltins() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("and", AND);
    m.put("or", OR);
    m.put(
        "not",
        a -> {
          Args.count(a, "not", 1);
          return !Values.isTrue(a.get(0));
        });
    m.put("len", GoBuiltins::len);
    m.put("index", GoBuiltins::index);
    m.put("slice", SprigLists::slice);
    m.put("print", GoFormat::sprint);
    m.put("println", GoFormat::sprintln);
    m.put(
        "printf",
        a -> {
          Args.atLeast(a, "printf", 1);
          return GoPrintf.sprintf(Args.str(a.get(0)), a.subList(1, a.size()));
        });
    m.put("eq", GoBuiltins::eq);
    m.put(
        "ne",
        a -> {
          Args.count(a, "ne", 2);
          return !Values.basicEquals(a.get(0), a.get(1));
        });
    m.put("lt", a -> compare(a, "lt") < 0);
    m.put("le", a -> compare(a, "le") <= 0);
    m.put("gt", a -> compare(a, "gt") > 0);
    m.put("ge", a -> compare(a, "ge") >= 0);
    m.put("html", a -> html(evalArgs(a)));
    m.put("js", a -> js(evalArgs(a)));
    m.put("urlquery", a -> URLEncoder.encode(evalArgs(a), StandardCharsets.UTF_8));
    m.put("call", GoBuiltins::call);
  }

  private static Object and(List<Object> args) throws TemplateException {
    Args.atLeast(args, "and", 1);
    for (Object arg : args) {
      if (!Values.isTrue(arg)) {
        return arg;
      }
    }
    return args.get(args.size() - 1);
  }

  private static Object or(List<Object> args) throws TemplateException {
    Args.atLeast(args, "or", 1);
    for (Object arg : args) {
      if (Values.isTrue(arg)) {
        return arg;
      }
    }
    return args.get(args.size() - 1);
  }

  private static Object len(List<Object> args) throws TemplateException {
    Args.count(args, "len", 1);
    Object v = args.get(0);
    if (v instanceof String) {
      return (long) ((String) v).getBytes(StandardCharsets.UTF_8).length;
    }
    if (v instanceof List) {
      return (long) ((List<?>) v).size();
    }
    if (v instanceof Map) {
      return (long) ((Map<?, ?>) v).size();
    }
    if (v == null) {
      throw new TemplateException("len of nil pointer");
    }
    throw new TemplateException("len of type " + Values.typeName(v));
  }

  private static Object index(List<Object> args) throws TemplateException {
    Args.atLeast(args, "index", 1);
    Object item = args.get(0);
    if (item == null) {
      throw new TemplateException("index of untyped nil");
    }
    for (Object key : args.subList(1, args.size())) {
      if (item instanceof List) {
        List<?> list = (List<?>) item;
        long i = indexArg(key, list.size());
        item = list.get((int) i);
      } else if (item instanceof Map) {
        if (!(key instanceof String)) {
          throw new TemplateException(
              "value has type " + Values.typeName(key) + "; should be string");
        }
        item = ((Map<?, ?>) item).get(key);
      } else if (item instanceof String) {
        byte[] bytes = ((String) item).getBytes(StandardCharsets.UTF_8);
        item = (long) (bytes[(int) indexArg(key, bytes.length)] & 0xff);
      } else if (item == null) {
        throw new TemplateException("index of untyped nil");
      } else {
        throw new TemplateException("can't index item of type " + Values.typeName(item));
      }
    }
    return item;
  }

  private static long indexArg(Object key, int size) throws TemplateException {
    if (!Values.isInt(key)) {
      throw new TemplateException("cannot index slice/array with type " + Values.typeName(key));
    }
    long i = ((Number) key).longValue();
    if (i < 0 || i >= size) {
      throw new TemplateException("index out of range: " + i);
    }
    return i;
  }

  private static Object eq(List<Object> args) throws TemplateException {
    if (args.size() < 2) {
      throw new TemplateException("missing argument for comparison");
    }
    for (Object other : args.subList(1, args.size())) {
      if (Values.basicEquals(args.get(0), other)) {
        return true;
      }
    }
    return false;
  }

  private static int compare(List<Object> args, String fn) throws TemplateException {
    Args.count(args, fn, 2);
    return Values.compare(args.get(0), args.get(1));
  }

  private static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String) {
      return (String) args.get(0);
    }
    return GoFormat.sprint(args);
  }

  private static String html(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"':
          sb.append("&#34;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case 0:
          sb.append('\uFFFD');
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String js(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '\\' || cp == '\'' || cp == '"') {
                sb.append('\\').appendCodePoint(cp);
              } else if (cp == '<' || cp == '>' || cp == '&' || cp == '=' || !GoQuote.isPrint(cp)) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  private static Object call(List<Object> args) throws TemplateException {
    Args.atLeast(args, "call", 1);
    if (!(args.get(0) instanceof TemplateFunction)) {
      throw new TemplateException("non-function of type " + Values.typeName(args.get(0)));
    }
    return ((TemplateFunction) args.get(0)).apply(new ArrayList<>(args.subList(1, args.size())));
  }
}
