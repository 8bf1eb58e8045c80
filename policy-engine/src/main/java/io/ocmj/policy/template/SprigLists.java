package io.ocmj.policy.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Sprig v3 list functions; every result is a fresh mutable list. */
final class SprigLists {
  private SprigLists() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("list", ArrayList<Object>::new);
    m.put("first", a -> ends(list1(a, "first"), true));
    m.put("last", a -> ends(list1(a, "last"), false));
    m.put("rest", a -> sub(list1(a, "rest"), 1, 0));
    m.put("initial", a -> sub(list1(a, "initial"), 0, 1));
    m.put("append", SprigLists::append);
    m.put("mustAppend", SprigLists::append);
    m.put("push", SprigLists::append);
    m.put("prepend", SprigLists::prepend);
    m.put("mustPrepend", SprigLists::prepend);
    m.put("concat", SprigLists::concat);
    m.put("reverse", a -> reverse(list1(a, "reverse")));
    m.put("uniq", a -> uniq(list1(a, "uniq")));
    m.put("without", SprigLists::without);
    m.put("has", SprigLists::has);
    m.put("mustHas", SprigLists::has);
    m.put("compact", SprigLists::compact);
    m.put("mustSlice", SprigLists::slice);
    m.put("until", a -> until(Values.toInt64(single(a, "until"))));
    m.put("untilStep", SprigLists::untilStep);
  }

  private static Object ends(List<?> list, boolean first) {
    return list.isEmpty() ? null : list.get(first ? 0 : list.size() - 1);
  }

  /** Sprig's rest/initial: nil for an empty list, else the list minus its head or tail. */
  private static Object sub(List<?> list, int head, int tail) {
    return list.isEmpty() ? null : new ArrayList<Object>(list.subList(head, list.size() - tail));
  }

  private static Object reverse(List<?> list) {
    List<Object> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static Object until(long n) {
    return range(0, n, n < 0 ? -1 : 1);
  }

  private static Object single(List<Object> a, String fn) throws TemplateException {
    Args.count(a, fn, 1);
    return a.get(0);
  }

  private static List<?> list1(List<Object> a, String fn) throws TemplateException {
    return Args.list(single(a, fn), "find " + fn);
  }

  private static Object append(List<Object> a) throws TemplateException {
    Args.count(a, "append", 2);
    List<Object> out = new ArrayList<>(Args.list(a.get(0), "push"));
    out.add(a.get(1));
    return out;
  }

  private static Object prepend(List<Object> a) throws TemplateException {
    Args.count(a, "prepend", 2);
    List<Object> out = new ArrayList<>();
    out.add(a.get(1));
    out.addAll(Args.list(a.get(0), "prepend"));
    return out;
  }

  private static Object concat(List<Object> a) throws TemplateException {
    List<Object> out = new ArrayList<>();
    for (Object v : a) {
      if (!(v instanceof List)) {
        throw new TemplateException("Cannot concat type " + Values.typeName(v) + " as list");
      }
      out.addAll((List<?>) v);
    }
    return out;
  }

  private static Object uniq(List<?> list) {
    List<Object> out = new ArrayList<>();
    for (Object item : list) {
      if (!contains(out, item)) {
        out.add(item);
      }
    }
    return out;
  }

  private static boolean contains(List<?> list, Object item) {
    for (Object existing : list) {
      if (Values.deepEquals(existing, item)) {
        return true;
      }
    }
    return false;
  }

  private static Object without(List<Object> a) throws TemplateException {
    Args.atLeast(a, "without", 1);
    List<Object> omit = a.subList(1, a.size());
    List<Object> out = new ArrayList<>();
    for (Object item : Args.list(a.get(0), "find without")) {
      if (!contains(omit, item)) {
        out.add(item);
      }
    }
    return out;
  }

  private static Object has(List<Object> a) throws TemplateException {
    Args.count(a, "has", 2);
    Object haystack = a.get(1);
    if (haystack == null) {
      return false;
    }
    return contains(Args.list(haystack, "find has"), a.get(0));
  }

  private static Object compact(List<Object> a) throws TemplateException {
    List<Object> out = new ArrayList<>();
    for (Object item : list1(a, "compact")) {
      if (!Values.isEmpty(item)) {
        out.add(item);
      }
    }
    return out;
  }

  /** Sprig's slice for lists, Go's builtin slice semantics for strings. */
  static Object slice(List<Object> a) throws TemplateException {
    Args.atLeast(a, "slice", 1);
    Object item = a.get(0);
    List<Object> idx = a.subList(1, a.size());
    if (idx.size() > 2) {
      throw new TemplateException("too many slice indexes: " + idx.size());
    }
    if (item instanceof String) {
      byte[] bytes = ((String) item).getBytes(StandardCharsets.UTF_8);
      int[] range = bounds(idx, bytes.length);
      return new String(bytes, range[0], range[1] - range[0], StandardCharsets.UTF_8);
    }
    if (item == null) {
      throw new TemplateException("slice of untyped nil");
    }
    List<?> list = Args.list(item, "slice");
    int[] range = bounds(idx, list.size());
    return new ArrayList<Object>(list.subList(range[0], range[1]));
  }

  private static int[] bounds(List<Object> idx, int size) throws TemplateException {
    int start = idx.isEmpty() ? 0 : (int) Values.toInt64(idx.get(0));
    int end = idx.size() < 2 ? size : (int) Values.toInt64(idx.get(1));
    if (start < 0 || end > size || start > end) {
      throw new TemplateException("index out of range: [" + start + ":" + end + "]");
    }
    return new int[] {start, end};
  }

  private static Object untilStep(List<Object> a) throws TemplateException {
    Args.count(a, "untilStep", 3);
    return range(Values.toInt64(a.get(0)), Values.toInt64(a.get(1)), Values.toInt64(a.get(2)));
  }

  private static List<Object> range(long start, long stop, long step) {
    List<Object> out = new ArrayList<>();
    if (step == 0 || (stop - start) / step > 1_000_000) {
      return out;
    }
    for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.add(i);
    }
    return out;
  }
}
