package io.ocmj.policy.template;

import io.ocmj.policy.template.Node.Branch;
import io.ocmj.policy.template.Node.Kind;
import io.ocmj.policy.template.Node.ListNode;
import io.ocmj.policy.template.Node.Pipe;
import io.ocmj.policy.template.Token.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Recursive-descent parser producing the trees of a template and its {{define}}s. */
final class Parser {
  private final TokenCursor in;
  private final ExpressionParser expr;
  private final Map<String, ListNode> templates = new LinkedHashMap<>();
  private int rangeDepth;

  /** Marks the {{end}} or {{else}} that terminated an item list. */
  private record Stop(boolean isElse, int pos) {
    String describe() {
      return isElse ? "{{else}}" : "{{end}}";
    }
  }

  private record ListResult(ListNode list, Stop stop) {}

  private Parser(TokenCursor in, TemplateFunctions functions) {
    this.in = in;
    this.expr = new ExpressionParser(in, functions);
  }

  static Map<String, ListNode> parse(
      String name, String text, TemplateFunctions functions, String left, String right)
      throws TemplateException {
    TokenCursor cursor = new TokenCursor(name, text, Lexer.lex(text, left, right));
    Parser parser = new Parser(cursor, functions);
    ListNode root = parser.parseTop();
    if (!parser.templates.containsKey(name) || !isEmpty(root)) {
      parser.templates.put(name, root);
    }
    return parser.templates;
  }

  private static boolean isEmpty(ListNode list) {
    return list.nodes().stream()
        .allMatch(n -> n instanceof Node.TextNode && ((Node.TextNode) n).text().isBlank());
  }

  private ListNode parseTop() throws TemplateException {
    List<Node> nodes = new ArrayList<>();
    while (in.peek().type() != Type.EOF) {
      if (in.peek().type() == Type.LEFT_DELIM) {
        int save = in.mark();
        in.next();
        if (in.peekNonSpace().isKeyword("define")) {
          in.nextNonSpace();
          parseDefinition();
          continue;
        }
        in.reset(save);
      }
      Object item = textOrAction();
      if (item instanceof Stop) {
        throw in.error("unexpected " + ((Stop) item).describe(), ((Stop) item).pos());
      }
      nodes.add((Node) item);
    }
    return new ListNode(0, List.copyOf(nodes));
  }

  private void parseDefinition() throws TemplateException {
    String context = "define clause";
    Token nameToken = in.nextNonSpace();
    String defined = templateName(nameToken, context);
    in.expect(Type.RIGHT_DELIM, context);
    List<String> saved = expr.vars;
    expr.vars = new ArrayList<>(List.of("$"));
    ListResult result = itemList();
    expr.vars = saved;
    if (result.stop().isElse()) {
      throw in.error("unexpected {{else}} in " + context, result.stop().pos());
    }
    templates.put(defined, result.list());
  }

  private ListResult itemList() throws TemplateException {
    in.enter();
    List<Node> nodes = new ArrayList<>();
    int pos = in.peek().pos();
    while (true) {
      if (in.peek().type() == Type.EOF) {
        throw in.error("unexpected EOF", in.peek().pos());
      }
      Object item = textOrAction();
      if (item instanceof Stop) {
        in.leave();
        return new ListResult(new ListNode(pos, List.copyOf(nodes)), (Stop) item);
      }
      nodes.add((Node) item);
    }
  }

  private Object textOrAction() throws TemplateException {
    Token token = in.next();
    if (token.type() == Type.TEXT) {
      return new Node.TextNode(token.pos(), token.value());
    }
    if (token.type() == Type.LEFT_DELIM) {
      return action();
    }
    throw in.unexpected(token, "input");
  }

  private Object action() throws TemplateException {
    Token token = in.nextNonSpace();
    if (token.type() == Type.KEYWORD) {
      switch (token.value()) {
        case "block":
          return blockControl();
        case "break":
        case "continue":
          return loopControl(token);
        case "else":
          return elseControl(token);
        case "end":
          in.expect(Type.RIGHT_DELIM, "end");
          return new Stop(false, token.pos());
        case "if":
          return control(Kind.IF, token);
        case "range":
          return control(Kind.RANGE, token);
        case "template":
          return templateControl();
        case "with":
          return control(Kind.WITH, token);
        default:
          throw in.unexpected(token, "command");
      }
    }
    in.backup();
    int pos = in.peek().pos();
    return new Node.ActionNode(pos, expr.pipeline("command", Type.RIGHT_DELIM));
  }

  private Node loopControl(Token token) throws TemplateException {
    String word = token.value();
    Token after = in.nextNonSpace();
    if (after.type() != Type.RIGHT_DELIM) {
      throw in.unexpected(after, "{{" + word + "}}");
    }
    if (rangeDepth == 0) {
      throw in.error("{{" + word + "}} outside {{range}}", token.pos());
    }
    return word.equals("break") ? new Node.Break(token.pos()) : new Node.Continue(token.pos());
  }

  private Stop elseControl(Token token) throws TemplateException {
    Token peek = in.peekNonSpace();
    if (peek.isKeyword("if") || peek.isKeyword("with")) {
      return new Stop(true, token.pos());
    }
    in.expect(Type.RIGHT_DELIM, "else");
    return new Stop(true, token.pos());
  }

  private Branch control(Kind kind, Token keyword) throws TemplateException {
    String context = kind.name().toLowerCase(Locale.ROOT);
    int mark = expr.vars.size();
    try {
      Pipe pipe = expr.pipeline(context, Type.RIGHT_DELIM);
      if (kind == Kind.RANGE) {
        rangeDepth++;
      }
      ListResult body = itemList();
      if (kind == Kind.RANGE) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (body.stop().isElse()) {
        elseList = elseBranch(kind, context);
      }
      return new Branch(keyword.pos(), kind, pipe, body.list(), elseList);
    } finally {
      expr.vars.subList(mark, expr.vars.size()).clear();
    }
  }

  private ListNode elseBranch(Kind kind, String context) throws TemplateException {
    Token peek = in.peek();
    boolean chained =
        (kind == Kind.IF && peek.isKeyword("if")) || (kind == Kind.WITH && peek.isKeyword("with"));
    if (chained) {
      // "else if" is sugar for "else}}{{if ... end", sharing the outer {{end}}.
      in.next();
      return new ListNode(peek.pos(), List.of(control(kind, peek)));
    }
    ListResult result = itemList();
    if (result.stop().isElse()) {
      throw in.error("expected end; found {{else}}", result.stop().pos());
    }
    return result.list();
  }

  private Node templateControl() throws TemplateException {
    String context = "template clause";
    Token token = in.nextNonSpace();
    String called = templateName(token, context);
    Pipe pipe = null;
    if (in.nextNonSpace().type() != Type.RIGHT_DELIM) {
      in.backup();
      pipe = expr.pipeline(context, Type.RIGHT_DELIM);
    }
    return new Node.TemplateCall(token.pos(), called, pipe);
  }

  private Node blockControl() throws TemplateException {
    String context = "block clause";
    Token token = in.nextNonSpace();
    String called = templateName(token, context);
    Pipe pipe = expr.pipeline(context, Type.RIGHT_DELIM);
    List<String> saved = expr.vars;
    int savedRange = rangeDepth;
    expr.vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    ListResult body = itemList();
    expr.vars = saved;
    rangeDepth = savedRange;
    if (body.stop().isElse()) {
      throw in.error("unexpected {{else}} in " + context, body.stop().pos());
    }
    templates.put(called, body.list());
    return new Node.TemplateCall(token.pos(), called, pipe);
  }

  private String templateName(Token token, String context) throws TemplateException {
    if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
      throw in.unexpected(token, context);
    }
    return expr.unquote(token);
  }
}
