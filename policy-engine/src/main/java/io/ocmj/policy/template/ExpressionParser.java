package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoQuote;
import io.ocmj.policy.template.Node.Command;
import io.ocmj.policy.template.Node.Pipe;
import io.ocmj.policy.template.Token.Type;
import java.util.ArrayList;
import java.util.List;

/** Parses pipelines, commands and operands inside actions. */
final class ExpressionParser {
  private final TokenCursor in;
  private final TemplateFunctions functions;

  /** Variables in scope; the statement parser swaps it for {{define}} and {{block}} bodies. */
  List<String> vars = new ArrayList<>(List.of("$"));

  ExpressionParser(TokenCursor in, TemplateFunctions functions) {
    this.in = in;
    this.functions = functions;
  }

  Pipe pipeline(String context, Type end) throws TemplateException {
    int pos = in.peekNonSpace().pos();
    List<String> decl = new ArrayList<>();
    boolean assign = declarations(context, decl);
    List<Command> cmds = new ArrayList<>();
    while (true) {
      Token token = in.nextNonSpace();
      if (token.type() == end) {
        checkPipeline(cmds, context, token);
        return new Pipe(pos, assign, List.copyOf(decl), List.copyOf(cmds));
      }
      switch (token.type()) {
        case BOOL:
        case CHAR_CONSTANT:
        case DOT:
        case FIELD:
        case IDENTIFIER:
        case NUMBER:
        case NIL:
        case RAW_STRING:
        case STRING:
        case VARIABLE:
        case LEFT_PAREN:
          in.backup();
          cmds.add(command());
          break;
        default:
          throw in.unexpected(token, context);
      }
    }
  }

  /** Parses "$x :=", "$x =" or "$i, $v :=" prefixes; returns whether it is an assignment. */
  private boolean declarations(String context, List<String> decl) throws TemplateException {
    boolean assign = false;
    while (in.peekNonSpace().type() == Type.VARIABLE) {
      int save = in.mark();
      Token variable = in.next();
      Token after = in.peekNonSpace();
      if (after.type() == Type.ASSIGN || after.type() == Type.DECLARE) {
        in.next();
        assign = after.type() == Type.ASSIGN;
        if (assign && !vars.contains(variable.value())) {
          throw in.error("undefined variable " + GoQuote.quote(variable.value()), variable.pos());
        }
        decl.add(variable.value());
        vars.add(variable.value());
        return assign;
      }
      if (after.type() == Type.CHAR && after.value().equals(",")) {
        in.next();
        decl.add(variable.value());
        vars.add(variable.value());
        if (!context.equals("range") || decl.size() >= 2) {
          throw in.error("too many declarations in " + context, after.pos());
        }
        Type following = in.peekNonSpace().type();
        if (following != Type.VARIABLE) {
          throw in.error("range can only initialize variables", after.pos());
        }
        continue;
      }
      in.reset(save);
      break;
    }
    return assign;
  }

  private void checkPipeline(List<Command> cmds, String context, Token at)
      throws TemplateException {
    if (cmds.isEmpty()) {
      throw in.error("missing value for " + context, at.pos());
    }
    for (int i = 1; i < cmds.size(); i++) {
      Node first = cmds.get(i).args().get(0);
      if (first instanceof Node.Bool
          || first instanceof Node.Dot
          || first instanceof Node.Nil
          || first instanceof Node.Number
          || first instanceof Node.Str) {
        throw in.error("non executable command in pipeline stage " + (i + 1), first.pos());
      }
    }
  }

  private Command command() throws TemplateException {
    int pos = in.peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      in.peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token token = in.next();
      if (token.type() == Type.SPACE) {
        continue;
      }
      if (token.type() == Type.RIGHT_DELIM || token.type() == Type.RIGHT_PAREN) {
        in.backup();
      } else if (token.type() != Type.PIPE) {
        throw in.unexpected(token, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw in.error("empty command", pos);
    }
    return new Command(pos, List.copyOf(args));
  }

  private Node operand() throws TemplateException {
    Node node = term();
    if (node == null || in.peek().type() != Type.FIELD) {
      return node;
    }
    int chainPos = in.peek().pos();
    List<String> fields = new ArrayList<>();
    while (in.peek().type() == Type.FIELD) {
      fields.add(in.next().value().substring(1));
    }
    if (node instanceof Node.Field) {
      List<String> all = new ArrayList<>(((Node.Field) node).idents());
      all.addAll(fields);
      return new Node.Field(chainPos, List.copyOf(all));
    }
    if (node instanceof Node.Variable) {
      List<String> all = new ArrayList<>(((Node.Variable) node).idents());
      all.addAll(fields);
      return new Node.Variable(chainPos, List.copyOf(all));
    }
    if (node instanceof Node.Bool
        || node instanceof Node.Str
        || node instanceof Node.Number
        || node instanceof Node.Nil
        || node instanceof Node.Dot) {
      throw in.error("unexpected . after term " + GoQuote.quote(Node.describe(node)), node.pos());
    }
    return new Node.Chain(chainPos, node, List.copyOf(fields));
  }

  private Node term() throws TemplateException {
    Token token = in.nextNonSpace();
    switch (token.type()) {
      case IDENTIFIER:
        if (!functions.has(token.value())) {
          throw in.error("function " + GoQuote.quote(token.value()) + " not defined", token.pos());
        }
        return new Node.Identifier(token.pos(), token.value());
      case DOT:
        return new Node.Dot(token.pos());
      case NIL:
        return new Node.Nil(token.pos());
      case VARIABLE:
        if (!vars.contains(token.value())) {
          throw in.error("undefined variable " + GoQuote.quote(token.value()), token.pos());
        }
        return new Node.Variable(token.pos(), List.of(token.value()));
      case FIELD:
        return new Node.Field(token.pos(), List.of(token.value().substring(1)));
      case BOOL:
        return new Node.Bool(token.pos(), token.value().equals("true"));
      case CHAR_CONSTANT:
      case NUMBER:
        return number(token);
      case LEFT_PAREN:
        in.enter();
        Pipe pipe = pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
        in.leave();
        return pipe;
      case STRING:
      case RAW_STRING:
        return new Node.Str(token.pos(), token.value(), unquote(token));
      default:
        in.backup();
        return null;
    }
  }

  private Node number(Token token) throws TemplateException {
    Object value;
    if (token.type() == Type.CHAR_CONSTANT) {
      String s = unquote(token);
      value = (long) s.codePointAt(0);
    } else {
      value = Values.parseNumberLiteral(token.value());
      if (value == null) {
        throw in.error("illegal number syntax: " + GoQuote.quote(token.value()), token.pos());
      }
    }
    return new Node.Number(token.pos(), token.value(), value);
  }

  String unquote(Token token) throws TemplateException {
    try {
      return GoQuote.unquote(token.value());
    } catch (IllegalArgumentException e) {
      throw in.error("invalid syntax", token.pos());
    }
  }
}
