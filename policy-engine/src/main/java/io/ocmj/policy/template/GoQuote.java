package io.ocmj.policy.template;

import java.util.Locale;

/** Go string literal quoting and unquoting (strconv.Quote / strconv.Unquote semantics). */
final class GoQuote {
  private GoQuote() {}

  /** Quotes like strconv.Quote: printable runes kept, others escaped. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendEscaped(sb, cp, '"'));
    return sb.append('"').toString();
  }

  /** Quotes a single rune like strconv.QuoteRune. */
  static String quoteRune(int cp) {
    StringBuilder sb = new StringBuilder("'");
    appendEscaped(sb, cp, '\'');
    return sb.append('\'').toString();
  }

  private static void appendEscaped(StringBuilder sb, int cp, char quote) {
    if (cp == quote || cp == '\\') {
      sb.append('\\').appendCodePoint(cp);
      return;
    }
    if (isPrint(cp)) {
      sb.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 7:
        sb.append("\\a");
        break;
      case '\b':
        sb.append("\\b");
        break;
      case '\f':
        sb.append("\\f");
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
      case 11:
        sb.append("\\v");
        break;
      default:
        if (cp < ' ' || cp == 0x7f) {
          sb.append(String.format(Locale.ROOT, "\\x%02x", cp));
        } else if (cp < 0x10000) {
          sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
        } else {
          sb.append(String.format(Locale.ROOT, "\\U%08x", cp));
        }
    }
  }

  /** Approximates unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ' '. */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.UNASSIGNED:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.SPACE_SEPARATOR:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  /** Reports whether the string can be written as a Go raw string literal. */
  static boolean canBackquote(String s) {
    return s.codePoints().allMatch(cp -> cp != '`' && cp != 0xFEFF && (cp == '\t' || isPrint(cp)));
  }

  /**
   * Unquotes a Go string, raw string or rune literal.
   *
   * @throws IllegalArgumentException if the literal is malformed
   */
  static String unquote(String literal) {
    int n = literal.length();
    if (n < 2 || literal.charAt(0) != literal.charAt(n - 1)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char quote = literal.charAt(0);
    String body = literal.substring(1, n - 1);
    if (quote == '`') {
      if (body.indexOf('`') >= 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      return body.replace("\r", "");
    }
    if (quote != '"' && quote != '\'') {
      throw new IllegalArgumentException("invalid syntax");
    }
    String result = unescape(body, quote);
    if (quote == '\'' && result.codePointCount(0, result.length()) != 1) {
      throw new IllegalArgumentException("invalid syntax");
    }
    return result;
  }

  private static String unescape(String body, char quote) {
    StringBuilder sb = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i++);
      if (c == quote || c == '\n') {
        throw new IllegalArgumentException("invalid syntax");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i >= body.length()) {
        throw new IllegalArgumentException("invalid syntax");
      }
      i = unescapeOne(body, i, quote, sb);
    }
    return sb.toString();
  }

  private static int unescapeOne(String body, int start, char quote, StringBuilder sb) {
    char c = body.charAt(start);
    int i = start + 1;
    String simple = "abfnrtv\\";
    String mapped = "\u0007\b\f\n\r\t\u000b\\";
    int idx = simple.indexOf(c);
    if (idx >= 0) {
      sb.append(mapped.charAt(idx));
      return i;
    }
    if (c == quote) {
      sb.append(c);
      return i;
    }
    int digits;
    int radix = 16;
    switch (c) {
      case 'x':
        digits = 2;
        break;
      case 'u':
        digits = 4;
        break;
      case 'U':
        digits = 8;
        break;
      default:
        if (c < '0' || c > '7') {
          throw new IllegalArgumentException("invalid syntax");
        }
        digits = 3;
        radix = 8;
        i = start;
    }
    if (i + digits > body.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    int value = Integer.parseUnsignedInt(body.substring(i, i + digits), radix);
    if (value > Character.MAX_CODE_POINT || (radix == 8 && value > 255)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    sb.appendCodePoint(value);
    return i + digits;
  }
}
