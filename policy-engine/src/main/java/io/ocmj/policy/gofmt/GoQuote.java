package io.ocmj.policy.gofmt;

import java.util.Locale;

/**
 * Go's strconv quoting and unquoting (Quote, QuoteToASCII, QuoteRune, CanBackquote, Unquote) over
 * Java strings.
 *
 * <p>This class serves two callers whose original copies differed in two corner cases; both
 * behaviours are kept and chosen explicitly by the caller:
 *
 * <ul>
 *   <li>Lone UTF-16 surrogates (what Java holds where Go would see invalid UTF-8): the Go
 *       text/template interpreter ({@code io.ocmj.policy.template}) quotes the surrogate's own
 *       escape, e.g. {@code \ud800} ({@link LoneSurrogates#ESCAPE}, the default of {@link
 *       #quote(String)}), while the Go-OPA sprintf ({@code io.ocmj.policy.rego}) quotes U+FFFD in
 *       its place ({@link LoneSurrogates#REPLACE}).
 *   <li>{@link #canBackquote(String, boolean)}: the template interpreter additionally requires
 *       every rune other than tab to be printable (pass {@code true}), while sprintf follows
 *       strconv.CanBackquote, which only rejects control characters (pass {@code false}).
 * </ul>
 */
public final class GoQuote {
  private GoQuote() {}

  /** What quoting does with a lone UTF-16 surrogate, Java's stand-in for Go's invalid UTF-8. */
  public enum LoneSurrogates {
    /** Escapes the surrogate code unit itself, e.g. {@code \ud800}. */
    ESCAPE,
    /** Quotes U+FFFD in its place, as Go does for invalid UTF-8. */
    REPLACE
  }

  /** strconv.Quote with lone surrogates escaped ({@link LoneSurrogates#ESCAPE}). */
  public static String quote(String s) {
    return quote(s, LoneSurrogates.ESCAPE);
  }

  /** strconv.Quote: printable runes stay as they are, everything else is escaped. */
  public static String quote(String s, LoneSurrogates surrogates) {
    return quoteWith(s, '"', false, surrogates);
  }

  /** strconv.QuoteToASCII: like quote, but every non-ASCII rune is escaped too. */
  public static String quoteToAscii(String s, LoneSurrogates surrogates) {
    return quoteWith(s, '"', true, surrogates);
  }

  /** strconv.QuoteRune for a single code point. */
  public static String quoteRune(int cp) {
    return quoteRune(cp, false);
  }

  /** strconv.QuoteRune, or strconv.QuoteRuneToASCII when {@code ascii} is set. */
  public static String quoteRune(int cp, boolean ascii) {
    StringBuilder sb = new StringBuilder("'");
    appendEscaped(sb, cp, '\'', ascii);
    return sb.append('\'').toString();
  }

  /**
   * Reports whether the string can be written as a Go raw string literal.
   *
   * @param printableOnly when true, every rune but tab must also be {@link #isPrint printable} (the
   *     template interpreter's rule); when false, only control characters, lone surrogates, the BOM
   *     and backquotes are rejected, as strconv.CanBackquote does (sprintf's rule)
   */
  public static boolean canBackquote(String s, boolean printableOnly) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '`' || cp == 0xFEFF) {
        return false;
      }
      if (printableOnly) {
        if (cp != '\t' && !isPrint(cp)) {
          return false;
        }
      } else if (isSurrogateUnit(cp) || cp < ' ' && cp != '\t' || cp == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  public static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /**
   * Unquotes a Go string, raw string or rune literal like strconv.Unquote.
   *
   * @throws IllegalArgumentException if the literal is malformed
   */
  public static String unquote(String literal) {
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

  /** Whether {@code cp} is a lone UTF-16 surrogate (supplementary code points are not). */
  private static boolean isSurrogateUnit(int cp) {
    return cp < 0x10000
        && Character.isSurrogate((char) cp); // a lone UTF-16 surrogate, as Go sees it
  }

  private static String quoteWith(String s, char quote, boolean ascii, LoneSurrogates surrogates) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (surrogates == LoneSurrogates.REPLACE && isSurrogateUnit(cp)) {
        cp = 0xFFFD;
      }
      appendEscaped(sb, cp, quote, ascii);
    }
    return sb.append(quote).toString();
  }

  private static void appendEscaped(StringBuilder sb, int cp, char quote, boolean ascii) {
    if (cp == quote || cp == '\\') {
      sb.append('\\').appendCodePoint(cp);
      return;
    }
    if (ascii ? cp < 0x80 && isPrint(cp) : isPrint(cp)) {
      sb.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 0x07:
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
      case 0x0B:
        sb.append("\\v");
        break;
      default:
        appendNumericEscape(sb, cp);
    }
  }

  private static void appendNumericEscape(StringBuilder sb, int cp) {
    if (cp < ' ' || cp == 0x7F) {
      sb.append(String.format(Locale.ROOT, "\\x%02x", cp));
    } else if (cp < 0x10000) {
      sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
    } else {
      sb.append(String.format(Locale.ROOT, "\\U%08x", cp));
    }
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
