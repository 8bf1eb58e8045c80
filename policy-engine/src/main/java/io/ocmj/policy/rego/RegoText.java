package io.ocmj.policy.rego;

import io.ocmj.policy.rego.RegoValue.RArray;
import io.ocmj.policy.rego.RegoValue.RBool;
import io.ocmj.policy.rego.RegoValue.RNull;
import io.ocmj.policy.rego.RegoValue.RObject;
import io.ocmj.policy.rego.RegoValue.RSet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads a value in Rego syntax, as a Wasm module's {@code opa_value_dump} writes it: JSON plus sets
 * ({@code {"a", "b"}}, {@code set()}) and objects with non-string keys. Unlike the JSON dump it
 * keeps sets apart from arrays, which {@code sprintf} must print differently.
 */
public final class RegoText {
  private final String text;
  private int pos;

  private RegoText(String text) {
    this.text = text;
  }

  public static RegoValue parse(String text) {
    RegoText reader = new RegoText(text);
    RegoValue value = reader.value();
    reader.skipSpace();
    if (reader.pos != text.length()) {
      throw reader.error("trailing content");
    }
    return value;
  }

  private RegoValue value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    if (c == '[') {
      return array();
    }
    if (c == '{') {
      return objectOrSet();
    }
    if (c == '"') {
      return RegoJson.parse(stringToken());
    }
    if (text.startsWith("set()", pos)) {
      pos += 5;
      return RSet.of(List.of());
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return RNull.INSTANCE;
    }
    if (text.startsWith("true", pos) || text.startsWith("false", pos)) {
      boolean t = text.startsWith("true", pos);
      pos += t ? 4 : 5;
      return RBool.of(t);
    }
    return RegoJson.parse(numberToken());
  }

  private RegoValue array() {
    pos++;
    List<RegoValue> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return new RArray(items);
    }
    while (true) {
      items.add(value());
      skipSpace();
      char c = next();
      if (c == ']') {
        return new RArray(items);
      }
      if (c != ',') {
        throw error("expected , or ] in array");
      }
    }
  }

  /** {@code {}} is an empty object; a first member followed by {@code :} makes an object. */
  private RegoValue objectOrSet() {
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return RObject.of(new TreeMap<>());
    }
    RegoValue first = value();
    skipSpace();
    return peek() == ':' ? object(first) : set(first);
  }

  private RegoValue object(RegoValue firstKey) {
    TreeMap<RegoValue, RegoValue> entries = new TreeMap<>();
    RegoValue key = firstKey;
    while (true) {
      skipSpace();
      if (next() != ':') {
        throw error("expected : in object");
      }
      entries.put(key, value());
      skipSpace();
      char c = next();
      if (c == '}') {
        return RObject.of(entries);
      }
      if (c != ',') {
        throw error("expected , or } in object");
      }
      key = value();
    }
  }

  private RegoValue set(RegoValue first) {
    List<RegoValue> members = new ArrayList<>(List.of(first));
    while (true) {
      skipSpace();
      char c = next();
      if (c == '}') {
        return RSet.of(members);
      }
      if (c != ',') {
        throw error("expected , or } in set");
      }
      members.add(value());
    }
  }

  private String stringToken() {
    int start = pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '"') {
        return text.substring(start, pos);
      }
    }
    throw error("unterminated string");
  }

  private String numberToken() {
    int start = pos;
    while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected character '" + text.charAt(pos) + "'");
    }
    return text.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos++);
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Rego value at " + pos + ": " + what);
  }
}
