package io.ocmj.policy.template;

import java.util.List;
import java.util.Map;

/** Argument checking and conversion for builtin functions, with Go's error wording. */
final class Args {
  private Args() {}

  static void count(List<Object> args, String fn, int want) throws TemplateException {
    if (args.size() != want) {
      throw TemplateException.argument(
          "wrong number of args for " + fn + ": want " + want + " got " + args.size());
    }
  }

  static void atLeast(List<Object> args, String fn, int want) throws TemplateException {
    if (args.size() < want) {
      throw TemplateException.argument(
          "wrong number of args for " + fn + ": want at least " + want + " got " + args.size());
    }
  }

  /** A Go {@code string} parameter: only strings are accepted. */
  static String str(Object v) throws TemplateException {
    if (v instanceof String) {
      return (String) v;
    }
    if (v == null) {
      throw TemplateException.argument("invalid value; expected string");
    }
    throw TemplateException.argument(
        "wrong type for value; expected string; got " + Values.typeName(v));
  }

  /** A Go {@code int} parameter; integral floats are accepted for convenience. */
  static int integer(Object v) throws TemplateException {
    if (Values.isInt(v)) {
      return (int) ((Number) v).longValue();
    }
    if (Values.isFloat(v) && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())) {
      return (int) ((Number) v).doubleValue();
    }
    if (v == null) {
      throw TemplateException.argument("invalid value; expected int");
    }
    throw TemplateException.argument(
        "wrong type for value; expected int; got " + Values.typeName(v));
  }

  /** A Go {@code bool} parameter. */
  static boolean bool(Object v) throws TemplateException {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw TemplateException.argument(
        "wrong type for value; expected bool; got " + Values.typeName(v));
  }

  /** A {@code []interface{}} parameter. */
  static List<?> list(Object v, String fn) throws TemplateException {
    if (v instanceof List) {
      return (List<?>) v;
    }
    throw new TemplateException("Cannot " + fn + " on type " + Values.typeName(v));
  }

  /** A {@code map[string]interface{}} parameter. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object v) throws TemplateException {
    if (v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw TemplateException.argument(
        "wrong type for value; expected map[string]interface {}; got " + Values.typeName(v));
  }

  /** Sprig's strval: strings as-is, everything else formatted with %v. */
  static String strval(Object v) {
    return v instanceof String ? (String) v : GoFormat.value(v);
  }
}
