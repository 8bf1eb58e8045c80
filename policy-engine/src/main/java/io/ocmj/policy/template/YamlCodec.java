package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoFloat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** YAML decoding (first document, core schema) and encoding styled like Go's yaml.v3. */
final class YamlCodec {
  private static final int MAX_DEPTH = 1000;

  /** Plain scalars yaml.v3 would read back as something other than a string. */
  private static final Pattern NON_STRING =
      Pattern.compile(
          "(?i:true|false|yes|no|on|off|y|n|null|~)"
              + "|[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)"
              + "|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
              + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

  private YamlCodec() {}

  /** Decodes the first YAML document; integers become Long, mapping keys strings. */
  static Object decode(String yaml) throws TemplateException {
    LoadSettings settings =
        LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(100)
            .build();
    try {
      Iterator<Object> docs = new Load(settings).loadAllFromString(yaml).iterator();
      return docs.hasNext() ? normalize(docs.next(), 0) : null;
    } catch (RuntimeException e) {
      throw new TemplateException("yaml: " + String.valueOf(e.getMessage()).strip(), e);
    }
  }

  private static Object normalize(Object v, int depth) throws TemplateException {
    if (depth > MAX_DEPTH) {
      throw new TemplateException("yaml: exceeded max depth");
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(Args.strval(normalize(e.getKey(), depth + 1)), normalize(e.getValue(), depth + 1));
      }
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) v) {
        out.add(normalize(item, depth + 1));
      }
      return out;
    }
    if (v instanceof Integer || (v instanceof BigInteger && ((BigInteger) v).bitLength() < 64)) {
      return ((Number) v).longValue();
    }
    return v;
  }

  /** Encodes like a yaml.v3 Encoder with SetIndent(2), including the trailing newline. */
  static String encode(Object v) throws TemplateException {
    StringBuilder sb = new StringBuilder();
    if (isCollection(v) && !isEmptyCollection(v)) {
      block(sb, v, 0, 0);
    } else {
      sb.append(scalar(v, 2)).append('\n');
    }
    return sb.toString();
  }

  private static boolean isCollection(Object v) {
    return v instanceof Map || v instanceof List || v instanceof TemplateContext;
  }

  private static boolean isEmptyCollection(Object v) {
    return v instanceof Map
        ? ((Map<?, ?>) v).isEmpty()
        : v instanceof List
            ? ((List<?>) v).isEmpty()
            : v instanceof TemplateContext && ((TemplateContext) v).fields().isEmpty();
  }

  private static void block(StringBuilder sb, Object v, int indent, int depth)
      throws TemplateException {
    if (depth > MAX_DEPTH) {
      throw new TemplateException("yaml: exceeded max depth");
    }
    String pad = " ".repeat(indent);
    if (v instanceof List) {
      for (Object item : (List<?>) v) {
        if (isCollection(item) && !isEmptyCollection(item)) {
          StringBuilder nested = new StringBuilder();
          block(nested, item, indent + 2, depth + 1);
          sb.append(pad).append("- ").append(nested, indent + 2, nested.length());
        } else {
          sb.append(pad).append("- ").append(scalar(item, indent + 2)).append('\n');
        }
      }
      return;
    }
    Map<?, ?> map =
        v instanceof Map ? GoFormat.sortedEntries((Map<?, ?>) v) : ((TemplateContext) v).fields();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      sb.append(pad).append(scalar(String.valueOf(e.getKey()), indent)).append(':');
      Object value = e.getValue();
      if (isCollection(value) && !isEmptyCollection(value)) {
        sb.append('\n');
        block(sb, value, indent + 2, depth + 1);
      } else {
        sb.append(' ').append(scalar(value, indent + 2)).append('\n');
      }
    }
  }

  private static String scalar(Object v, int contentIndent) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map || v instanceof TemplateContext) {
      return "{}";
    }
    if (v instanceof List) {
      return "[]";
    }
    if (Values.isFloat(v)) {
      String s = GoFloat.shortest(((Number) v).doubleValue());
      return s.equals("+Inf") ? ".inf" : s.equals("-Inf") ? "-.inf" : s.equals("NaN") ? ".nan" : s;
    }
    if (!(v instanceof String)) {
      return String.valueOf(v);
    }
    return string((String) v, contentIndent);
  }

  private static String string(String s, int contentIndent) {
    if (s.isEmpty() || NON_STRING.matcher(s).matches()) {
      return doubleQuoted(s);
    }
    if (s.contains("\n")) {
      return literalAllowed(s) ? literal(s, contentIndent) : doubleQuoted(s);
    }
    if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return doubleQuoted(s);
    }
    return plainAllowed(s) ? s : "'" + s.replace("'", "''") + "'";
  }

  private static boolean plainAllowed(String s) {
    char first = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0 || Character.isWhitespace(first)) {
      return s.length() > 1
          && "-?:".indexOf(first) >= 0
          && !Character.isWhitespace(s.charAt(1))
          && plainBody(s);
    }
    return plainBody(s);
  }

  private static boolean plainBody(String s) {
    return !s.contains(": ")
        && !s.contains(" #")
        && !s.endsWith(":")
        && !Character.isWhitespace(s.charAt(s.length() - 1))
        && !s.contains("\t");
  }

  private static boolean literalAllowed(String s) {
    if (s.startsWith(" ") || s.startsWith("\n")) {
      return false;
    }
    for (String line : s.split("\n", -1)) {
      if (line.endsWith(" ") || line.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
        return false;
      }
    }
    return true;
  }

  private static String literal(String s, int contentIndent) {
    String body = s;
    String chomp = "-";
    if (s.endsWith("\n")) {
      body = s.substring(0, s.length() - 1);
      chomp = body.endsWith("\n") ? "+" : "";
    }
    String pad = " ".repeat(contentIndent);
    StringBuilder sb = new StringBuilder("|").append(chomp);
    for (String line : body.split("\n", -1)) {
      sb.append('\n');
      if (!line.isEmpty()) {
        sb.append(pad).append(line);
      }
    }
    return sb.toString();
  }

  private static String doubleQuoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
              } else if (cp == '\n') {
                sb.append("\\n");
              } else if (cp == '\t') {
                sb.append("\\t");
              } else if (cp == '\r') {
                sb.append("\\r");
              } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\x%02X", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.append('"').toString();
  }
}
