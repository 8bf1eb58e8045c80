package io.ocmj.policy.template;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The encoding and conversion helpers go-template-utils adds to policy templates. Registered after
 * Sprig, so {@code indent}, {@code atoi}, {@code b64enc} and {@code b64dec} take GTU's behaviour.
 */
final class OcmFunctions {
  private static final String BASE64_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private OcmFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    TemplateFunction b64enc =
        a ->
            Base64.getEncoder()
                .encodeToString(str(a, "base64enc").getBytes(StandardCharsets.UTF_8));
    TemplateFunction b64dec = a -> base64decode(str(a, "base64dec"));
    m.put("base64enc", b64enc);
    m.put("b64enc", b64enc);
    m.put("base64dec", b64dec);
    m.put("b64dec", b64dec);
    m.put(
        "autoindent",
        a -> {
          throw new TemplateException(
              "an unexpected error occurred where autoindent could not be processed");
        });
    m.put("indent", OcmFunctions::indent);
    m.put("atoi", a -> atoi(str(a, "atoi")));
    m.put(
        "toInt",
        a -> {
          Args.count(a, "toInt", 1);
          return Values.toInt64(a.get(0));
        });
    m.put("toBool", a -> parseBool(str(a, "toBool")));
    m.put("toLiteral", OcmFunctions::toLiteral);
    registerJson(m);
    TemplateFunction fromYaml = a -> YamlCodec.decode(str(a, "fromYAML"));
    TemplateFunction toYaml = OcmFunctions::toYaml;
    m.put("fromYAML", fromYaml);
    m.put("fromYaml", fromYaml);
    m.put("toYAML", toYaml);
    m.put("toYaml", toYaml);
  }

  private static void registerJson(Map<String, TemplateFunction> m) {
    TemplateFunction fromJson =
        a -> {
          try {
            return JsonCodec.decode(str(a, "fromJson"));
          } catch (TemplateException e) {
            if (e.isArgumentError()) {
              throw e;
            }
            return null;
          }
        };
    TemplateFunction mustFromJson = a -> JsonCodec.decode(str(a, "mustFromJson"));
    TemplateFunction toJson = a -> lenient(a, true);
    TemplateFunction mustToJson = a -> JsonCodec.encode(one(a, "mustToJson"), true);
    TemplateFunction toRawJson = a -> lenient(a, false);
    TemplateFunction mustToRawJson = a -> JsonCodec.encode(one(a, "mustToRawJson"), false);
    for (String suffix : new String[] {"JSON", "Json"}) {
      m.put("from" + suffix, fromJson);
      m.put("mustFrom" + suffix, mustFromJson);
      m.put("to" + suffix, toJson);
      m.put("mustTo" + suffix, mustToJson);
      m.put("toRaw" + suffix, toRawJson);
      m.put("mustToRaw" + suffix, mustToRawJson);
    }
  }

  private static Object one(List<Object> a, String fn) throws TemplateException {
    Args.count(a, fn, 1);
    return a.get(0);
  }

  private static String str(List<Object> a, String fn) throws TemplateException {
    return Args.str(one(a, fn));
  }

  /** Sprig's toJson swallows encoding errors and yields "". */
  private static Object lenient(List<Object> a, boolean html) throws TemplateException {
    Object value = one(a, html ? "toJson" : "toRawJson");
    try {
      return JsonCodec.encode(value, html);
    } catch (TemplateException e) {
      return "";
    }
  }

  /** Like Go's base64.StdEncoding.DecodeString, returning the error text instead of failing. */
  static String base64decode(String v) {
    String s = v.replace("\r", "").replace("\n", "");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (BASE64_ALPHABET.indexOf(c) < 0 && c != '=') {
        return "illegal base64 data at input byte " + i;
      }
    }
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      int at = s.indexOf('=');
      return "illegal base64 data at input byte " + (at < 0 ? s.length() : at);
    }
  }

  /** GTU's indent: pads every line, then trims the result so the first line is not indented. */
  private static Object indent(List<Object> a) throws TemplateException {
    Args.count(a, "indent", 2);
    int spaces = Args.integer(a.get(0));
    String v = Args.str(a.get(1));
    String pad = " ".repeat(Math.max(0, spaces));
    return SprigStrings.goTrimSpace("\n" + pad + v.replace("\n", "\n" + pad));
  }

  /** strconv.Atoi ignoring errors: optional sign and decimal digits only, else 0. */
  static long atoi(String s) {
    if (!s.matches("[+-]?[0-9]{1,19}")) {
      return 0;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** strconv.ParseBool ignoring errors. */
  static boolean parseBool(String s) {
    switch (s) {
      case "1":
      case "t":
      case "T":
      case "true":
      case "TRUE":
      case "True":
        return true;
      default:
        return false;
    }
  }

  private static Object toLiteral(List<Object> a) throws TemplateException {
    String s = str(a, "toLiteral");
    if (s.contains("\n")) {
      throw new TemplateException(
          "new lines are not allowed in the string passed to the toLiteral function");
    }
    return s;
  }

  /** GTU's toYAML: yaml.v3 output without the trailing newline. */
  private static Object toYaml(List<Object> a) throws TemplateException {
    String yaml = YamlCodec.encode(one(a, "toYAML"));
    return yaml.endsWith("\n") ? yaml.substring(0, yaml.length() - 1) : yaml;
  }
}
