package io.ocmj.policy.template;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.policy.gofmt.GoFloat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON encoding/decoding matching Go's encoding/json as used by Sprig's toJson/fromJson. */
final class JsonCodec {
  private static final int MAX_DEPTH = 1000;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonCodec() {}

  /** Decodes like json.Unmarshal into interface{}: every number becomes a float64 (Double). */
  static Object decode(String json) throws TemplateException {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new TemplateException("unexpected end of JSON input");
      }
      return convert(node);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      int newline = message.indexOf('\n');
      throw new TemplateException(newline < 0 ? message : message.substring(0, newline), e);
    }
  }

  private static Object convert(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), convert(e.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(convert(item)));
      return list;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }

  /** Encodes like json.Marshal (sorted keys); {@code escapeHtml} mirrors SetEscapeHTML. */
  static String encode(Object value, boolean escapeHtml) throws TemplateException {
    StringBuilder sb = new StringBuilder();
    write(sb, value, escapeHtml, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, boolean html, int depth)
      throws TemplateException {
    if (depth > MAX_DEPTH) {
      throw new TemplateException("json: unsupported value: encountered a cycle");
    }
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      writeString(sb, (String) v, html);
    } else if (v instanceof Boolean || Values.isInt(v)) {
      sb.append(v);
    } else if (Values.isFloat(v)) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new TemplateException("json: unsupported value: " + GoFloat.shortest(d));
      }
      sb.append(GoFloat.json(d));
    } else if (v instanceof Map || v instanceof TemplateContext) {
      Map<?, ?> map =
          v instanceof Map ? GoFormat.sortedEntries((Map<?, ?>) v) : ((TemplateContext) v).fields();
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(first ? "" : ",");
        writeString(sb, String.valueOf(e.getKey()), html);
        sb.append(':');
        write(sb, e.getValue(), html, depth + 1);
        first = false;
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      List<?> list = (List<?>) v;
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        write(sb, list.get(i), html, depth + 1);
      }
      sb.append(']');
    } else {
      writeString(sb, String.valueOf(v), html);
    }
  }

  private static void writeString(StringBuilder sb, String s, boolean html) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          boolean htmlChar = html && (c == '<' || c == '>' || c == '&');
          if (c < 0x20 || htmlChar || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
