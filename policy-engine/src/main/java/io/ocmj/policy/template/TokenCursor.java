package io.ocmj.policy.template;

import io.ocmj.policy.template.Token.Type;
import java.util.List;

/** A position in a token list with Go-parser-style look-ahead and error helpers. */
final class TokenCursor {
  /** Bounds parser recursion so hostile input yields an error instead of a stack overflow. */
  private static final int MAX_DEPTH = 300;

  private final String name;
  private final String text;
  private final List<Token> tokens;
  private int index;
  private int depth;

  TokenCursor(String name, String text, List<Token> tokens) {
    this.name = name;
    this.text = text;
    this.tokens = tokens;
  }

  int mark() {
    return index;
  }

  void reset(int mark) {
    index = mark;
  }

  void backup() {
    index--;
  }

  Token next() throws TemplateException {
    Token token = tokens.get(Math.min(index, tokens.size() - 1));
    index++;
    if (token.type() == Type.ERROR) {
      throw error(token.value(), token.pos());
    }
    return token;
  }

  Token peek() throws TemplateException {
    Token token = next();
    index--;
    return token;
  }

  Token nextNonSpace() throws TemplateException {
    Token token = next();
    while (token.type() == Type.SPACE) {
      token = next();
    }
    return token;
  }

  Token peekNonSpace() throws TemplateException {
    Token token = nextNonSpace();
    index--;
    return token;
  }

  void expect(Type type, String context) throws TemplateException {
    Token token = nextNonSpace();
    if (token.type() != type) {
      throw unexpected(token, context);
    }
  }

  void enter() throws TemplateException {
    if (++depth > MAX_DEPTH) {
      throw error("max expression depth exceeded", peek().pos());
    }
  }

  void leave() {
    depth--;
  }

  TemplateException unexpected(Token token, String context) {
    return error("unexpected " + token.describe() + " in " + context, token.pos());
  }

  TemplateException error(String message, int pos) {
    return new TemplateException(
        "template: " + name + ":" + GoTemplate.lineOf(text, pos) + ": " + message);
  }
}
