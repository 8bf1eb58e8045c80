package io.ocmj.policy.rego;

import java.util.Locale;

/** Go's strconv quoting (Quote, QuoteToASCII, QuoteRune, CanBackquote) over Java strings. */
final class GoQuote {
  private GoQuote() {}

  /** strconv.Quote: printable runes stay as they are, everything else is escaped. */
  static String quote(String s) {
    return quoteWith(s, '"', false);
  }

  /** strconv.QuoteToASCII: like quote, but every non-ASCII rune is escaped too. */
  static String quoteToAscii(String s) {
    return quoteWith(s, '"', true);
  }

  /** strconv.QuoteRune (or QuoteRuneToASCII) for a single code point. */
  static String quoteRune(int cp, boolean ascii) {
    StringBuilder sb = new StringBuilder("'");
    appendEscaped(sb, cp, '\'', ascii);
    return sb.append('\'').toString();
  }

  /** strconv.CanBackquote: a single line without control characters or backquotes. */
  static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '`' || cp == 0xFEFF || Character.isSurrogate((char) cp)) {
        return false;
      }
      if (cp < ' ' && cp != '\t' || cp == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  static boolean isPrint(int cp) {
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

  private static String quoteWith(String s, char quote, boolean ascii) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      // A lone surrogate is what Java holds for Go's invalid UTF-8; Go prints U+FFFD's escape.
      appendEscaped(sb, Character.isSurrogate((char) cp) ? 0xFFFD : cp, quote, ascii);
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
}
