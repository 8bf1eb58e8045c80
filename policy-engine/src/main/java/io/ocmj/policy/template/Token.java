package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoQuote;
import java.util.Locale;

/** A lexical item of a template; {@code pos} is the byte offset in the template text. */
record Token(Type type, String value, int pos) {

  enum Type {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    ASSIGN,
    DECLARE,
    CHAR,
    FIELD,
    DOT,
    VARIABLE,
    IDENTIFIER,
    STRING,
    RAW_STRING,
    CHAR_CONSTANT,
    NUMBER,
    BOOL,
    NIL,
    KEYWORD,
    ERROR,
    EOF
  }

  /** Renders the token the way Go's parser quotes it in "unexpected ..." errors. */
  String describe() {
    switch (type) {
      case EOF:
        return "EOF";
      case ERROR:
        return value;
      case KEYWORD:
      case DOT:
      case NIL:
        return "<" + value + ">";
      default:
        if (value.length() > 10) {
          return GoQuote.quote(value.substring(0, 10)) + "...";
        }
        return GoQuote.quote(value);
    }
  }

  boolean isKeyword(String word) {
    return type == Type.KEYWORD && value.equals(word);
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(Locale.ROOT) + ":" + value;
  }
}
