package io.ocmj.policy.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sprig v3 dict functions. As in Sprig, {@code set}, {@code unset}, {@code merge} and {@code
 * mergeOverwrite} modify and return their first argument.
 */
final class SprigDicts {
  /** Bounds deepCopy recursion so cyclic maps fail cleanly. */
  private static final int MAX_DEPTH = 1000;

  private SprigDicts() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("dict", SprigDicts::dict);
    m.put("get", SprigDicts::get);
    m.put("set", SprigDicts::set);
    m.put("unset", SprigDicts::unset);
    m.put("hasKey", SprigDicts::hasKey);
    m.put("pluck", SprigDicts::pluck);
    m.put("keys", SprigDicts::keys);
    m.put(
        "values",
        a -> {
          Args.count(a, "values", 1);
          return new ArrayList<Object>(Args.map(a.get(0)).values());
        });
    m.put("pick", a -> pickOrOmit(a, true));
    m.put("omit", a -> pickOrOmit(a, false));
    m.put("merge", a -> merge(a, false));
    m.put("mustMerge", a -> merge(a, false));
    m.put("mergeOverwrite", a -> merge(a, true));
    m.put("mustMergeOverwrite", a -> merge(a, true));
    m.put(
        "deepCopy",
        a -> {
          Args.count(a, "deepCopy", 1);
          return deepCopy(a.get(0), 0);
        });
    m.put("dig", SprigDicts::dig);
  }

  private static Object get(List<Object> a) throws TemplateException {
    Args.count(a, "get", 2);
    Map<String, Object> d = Args.map(a.get(0));
    String key = Args.str(a.get(1));
    return d.containsKey(key) ? d.get(key) : "";
  }

  private static Object set(List<Object> a) throws TemplateException {
    Args.count(a, "set", 3);
    Map<String, Object> d = Args.map(a.get(0));
    d.put(Args.str(a.get(1)), a.get(2));
    return d;
  }

  private static Object unset(List<Object> a) throws TemplateException {
    Args.count(a, "unset", 2);
    Map<String, Object> d = Args.map(a.get(0));
    d.remove(Args.str(a.get(1)));
    return d;
  }

  private static Object hasKey(List<Object> a) throws TemplateException {
    Args.count(a, "hasKey", 2);
    return Args.map(a.get(0)).containsKey(Args.str(a.get(1)));
  }

  private static Object dict(List<Object> a) {
    Map<String, Object> d = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i += 2) {
      d.put(Args.strval(a.get(i)), i + 1 < a.size() ? a.get(i + 1) : "");
    }
    return d;
  }

  private static Object pluck(List<Object> a) throws TemplateException {
    Args.atLeast(a, "pluck", 1);
    String key = Args.str(a.get(0));
    List<Object> out = new ArrayList<>();
    for (Object d : a.subList(1, a.size())) {
      Map<String, Object> map = Args.map(d);
      if (map.containsKey(key)) {
        out.add(map.get(key));
      }
    }
    return out;
  }

  private static Object keys(List<Object> a) throws TemplateException {
    List<Object> out = new ArrayList<>();
    for (Object d : a) {
      out.addAll(Args.map(d).keySet());
    }
    return out;
  }

  private static Object pickOrOmit(List<Object> a, boolean pick) throws TemplateException {
    Args.atLeast(a, pick ? "pick" : "omit", 1);
    Map<String, Object> d = Args.map(a.get(0));
    List<String> names = new ArrayList<>();
    for (Object k : a.subList(1, a.size())) {
      names.add(Args.str(k));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : d.entrySet()) {
      if (names.contains(e.getKey()) == pick) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static Object merge(List<Object> a, boolean overwrite) throws TemplateException {
    Args.atLeast(a, overwrite ? "mergeOverwrite" : "merge", 1);
    Map<String, Object> dst = Args.map(a.get(0));
    for (Object src : a.subList(1, a.size())) {
      mergeInto(dst, Args.map(src), overwrite, 0);
    }
    return dst;
  }

  /** Mirrors mergo: nested maps merge recursively; other values fill only empty slots. */
  @SuppressWarnings("unchecked")
  private static void mergeInto(
      Map<String, Object> dst, Map<String, Object> src, boolean overwrite, int depth)
      throws TemplateException {
    if (depth > MAX_DEPTH) {
      throw new TemplateException("maximum merge depth exceeded");
    }
    for (Map.Entry<String, Object> e : src.entrySet()) {
      Object existing = dst.get(e.getKey());
      Object incoming = e.getValue();
      if (existing instanceof Map && incoming instanceof Map) {
        Map<String, Object> nested = new LinkedHashMap<>((Map<String, Object>) existing);
        mergeInto(nested, (Map<String, Object>) incoming, overwrite, depth + 1);
        dst.put(e.getKey(), nested);
      } else if (!dst.containsKey(e.getKey()) || Values.isEmpty(existing)) {
        dst.put(e.getKey(), incoming);
      } else if (overwrite && !Values.isEmpty(incoming)) {
        dst.put(e.getKey(), incoming);
      }
    }
  }

  static Object deepCopy(Object v, int depth) throws TemplateException {
    if (depth > MAX_DEPTH) {
      throw new TemplateException("maximum nesting depth exceeded");
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(String.valueOf(e.getKey()), deepCopy(e.getValue(), depth + 1));
      }
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) v) {
        out.add(deepCopy(item, depth + 1));
      }
      return out;
    }
    return v;
  }

  /** dig "a" "b" default dict: walks nested maps, returning the default when a key is absent. */
  private static Object dig(List<Object> a) throws TemplateException {
    Args.atLeast(a, "dig", 3);
    Object current = Args.map(a.get(a.size() - 1));
    Object fallback = a.get(a.size() - 2);
    for (Object key : a.subList(0, a.size() - 2)) {
      String k = Args.str(key);
      if (!(current instanceof Map) || !((Map<?, ?>) current).containsKey(k)) {
        return fallback;
      }
      current = ((Map<?, ?>) current).get(k);
    }
    return current;
  }
}
