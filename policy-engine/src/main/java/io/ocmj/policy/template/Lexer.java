package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoQuote;
import io.ocmj.policy.template.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits template text into tokens. Errors become a final {@link Type#ERROR} token so the parser
 * reports the first problem in source order, as Go's concurrent lexer/parser pair does.
 */
final class Lexer {
  private static final Set<String> KEYWORDS =
      Set.of(
          "block", "break", "continue", "define", "else", "end", "if", "range", "template", "with");

  private final String input;
  private final String left;
  private final String right;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int parenDepth;

  private Lexer(String input, String left, String right) {
    this.input = input;
    this.left = left;
    this.right = right;
  }

  static List<Token> lex(String input, String left, String right) {
    Lexer lexer = new Lexer(input, left, right);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      int start = pos;
      int idx = input.indexOf(left, pos);
      if (idx < 0) {
        if (start < input.length()) {
          emit(Type.TEXT, input.substring(start), start);
        }
        emit(Type.EOF, "", input.length());
        return;
      }
      int after = idx + left.length();
      boolean trim = hasLeftTrim(after);
      int textEnd = trim ? trimRight(start, idx) : idx;
      if (textEnd > start) {
        emit(Type.TEXT, input.substring(start, textEnd), start);
      }
      int inner = after + (trim ? 2 : 0);
      boolean ok;
      if (input.startsWith("/*", inner)) {
        ok = lexComment(idx, inner);
      } else {
        emit(Type.LEFT_DELIM, left, idx);
        pos = inner;
        parenDepth = 0;
        ok = lexInsideAction(idx);
      }
      if (!ok) {
        return;
      }
    }
  }

  private boolean hasLeftTrim(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean atRightTrim(int at) {
    return at + 1 < input.length()
        && isSpace(input.charAt(at))
        && input.charAt(at + 1) == '-'
        && input.startsWith(right, at + 2);
  }

  private int trimRight(int start, int end) {
    int e = end;
    while (e > start && isSpace(input.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  private int skipSpaces(int from) {
    int p = from;
    while (p < input.length() && isSpace(input.charAt(p))) {
      p++;
    }
    return p;
  }

  private boolean lexComment(int delimPos, int inner) {
    int end = input.indexOf("*/", inner + 2);
    if (end < 0) {
      return error("unclosed comment", delimPos);
    }
    int p = end + 2;
    if (atRightTrim(p)) {
      pos = skipSpaces(p + 2 + right.length());
    } else if (input.startsWith(right, p)) {
      pos = p + right.length();
    } else {
      return error("comment ends before closing delimiter", delimPos);
    }
    return true;
  }

  private boolean lexInsideAction(int delimPos) {
    while (true) {
      boolean trim = atRightTrim(pos);
      if (trim || input.startsWith(right, pos)) {
        if (parenDepth > 0) {
          return error("unclosed left paren", pos);
        }
        int delimAt = trim ? pos + 2 : pos;
        emit(Type.RIGHT_DELIM, right, delimAt);
        pos = delimAt + right.length();
        if (trim) {
          pos = skipSpaces(pos);
        }
        return true;
      }
      if (pos >= input.length()) {
        return error("unclosed action", delimPos);
      }
      if (!lexActionToken()) {
        return false;
      }
    }
  }

  private boolean lexActionToken() {
    char c = input.charAt(pos);
    int start = pos;
    if (isSpace(c)) {
      while (pos < input.length() && isSpace(input.charAt(pos)) && !atRightTrim(pos)) {
        pos++;
      }
      emit(Type.SPACE, input.substring(start, pos), start);
      return true;
    }
    switch (c) {
      case '=':
        return single(Type.ASSIGN);
      case ':':
        if (pos + 1 < input.length() && input.charAt(pos + 1) == '=') {
          pos += 2;
          emit(Type.DECLARE, ":=", start);
          return true;
        }
        return error("expected :=", start);
      case '|':
        return single(Type.PIPE);
      case '"':
        return lexQuote('"', Type.STRING, "unterminated quoted string");
      case '\'':
        return lexQuote('\'', Type.CHAR_CONSTANT, "unterminated character constant");
      case '`':
        return lexRaw();
      case '$':
        return lexWord(Type.VARIABLE);
      case '(':
        parenDepth++;
        return single(Type.LEFT_PAREN);
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          return error("unexpected right paren", start);
        }
        return single(Type.RIGHT_PAREN);
      default:
        return lexOther(c);
    }
  }

  private boolean lexOther(char c) {
    if (c == '.' && !(pos + 1 < input.length() && isDigit(input.charAt(pos + 1)))) {
      return lexWord(Type.FIELD);
    }
    if (c == '.' || c == '+' || c == '-' || isDigit(c)) {
      return lexNumber();
    }
    if (isAlphaNumeric(c)) {
      return lexWord(Type.IDENTIFIER);
    }
    if (c < 0x7f && c >= 0x20) {
      return single(Type.CHAR);
    }
    return error(badCharacter(input.codePointAt(pos)), pos);
  }

  private static String badCharacter(int cp) {
    return String.format(Locale.ROOT, "bad character U+%04X %s", cp, GoQuote.quoteRune(cp));
  }

  private boolean single(Type type) {
    emit(type, String.valueOf(input.charAt(pos)), pos);
    pos++;
    return true;
  }

  /** Lexes ".field", "$var" or an identifier; the leading sigil (if any) is at {@code pos}. */
  private boolean lexWord(Type type) {
    int start = pos;
    if (type != Type.IDENTIFIER) {
      pos++;
    }
    while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      return error(badCharacter(input.codePointAt(pos)), pos);
    }
    String word = input.substring(start, pos);
    if (type == Type.FIELD && word.length() == 1) {
      emit(Type.DOT, word, start);
    } else if (type == Type.IDENTIFIER) {
      emit(identifierType(word), word, start);
    } else {
      emit(type, word, start);
    }
    return true;
  }

  private static Type identifierType(String word) {
    if (KEYWORDS.contains(word)) {
      return Type.KEYWORD;
    }
    if (word.equals("true") || word.equals("false")) {
      return Type.BOOL;
    }
    return word.equals("nil") ? Type.NIL : Type.IDENTIFIER;
  }

  private boolean atTerminator() {
    if (pos >= input.length()) {
      return true;
    }
    char c = input.charAt(pos);
    return isSpace(c) || ".,|:=()".indexOf(c) >= 0 || input.startsWith(right, pos);
  }

  private boolean lexQuote(char quote, Type type, String unterminated) {
    int start = pos++;
    while (true) {
      if (pos >= input.length() || input.charAt(pos) == '\n') {
        return error(unterminated, start);
      }
      char c = input.charAt(pos++);
      if (c == '\\') {
        if (pos >= input.length() || input.charAt(pos) == '\n') {
          return error(unterminated, start);
        }
        pos++;
      } else if (c == quote) {
        emit(type, input.substring(start, pos), start);
        return true;
      }
    }
  }

  private boolean lexRaw() {
    int end = input.indexOf('`', pos + 1);
    if (end < 0) {
      return error("unterminated raw quoted string", pos);
    }
    emit(Type.RAW_STRING, input.substring(pos, end + 1), pos);
    pos = end + 1;
    return true;
  }

  private boolean lexNumber() {
    int start = pos;
    if (input.charAt(pos) == '+' || input.charAt(pos) == '-') {
      pos++;
    }
    String digits = "0123456789_";
    String exponent = "eE";
    if (input.startsWith("0x", pos) || input.startsWith("0X", pos)) {
      pos += 2;
      digits = "0123456789abcdefABCDEF_";
      exponent = "pP";
    } else if (input.startsWith("0o", pos) || input.startsWith("0O", pos)) {
      pos += 2;
      digits = "01234567_";
    } else if (input.startsWith("0b", pos) || input.startsWith("0B", pos)) {
      pos += 2;
      digits = "01_";
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (accept(exponent)) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      return error("bad number syntax: " + GoQuote.quote(input.substring(start, pos + 1)), start);
    }
    emit(Type.NUMBER, input.substring(start, pos), start);
    return true;
  }

  private boolean accept(String valid) {
    if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // consume
    }
  }

  private boolean error(String message, int at) {
    emit(Type.ERROR, message, at);
    return false;
  }

  private void emit(Type type, String value, int at) {
    tokens.add(new Token(type, value, at));
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlphaNumeric(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
