package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoQuote;
import java.util.List;
import java.util.stream.Collectors;

/** Parse-tree nodes; {@code pos} is the offset in the template text used for error locations. */
sealed interface Node {
  int pos();

  /** A sequence of nodes. */
  record ListNode(int pos, List<Node> nodes) implements Node {}

  /** Literal text copied to the output. */
  record TextNode(int pos, String text) implements Node {}

  /** An action whose pipeline value is printed unless it declares variables. */
  record ActionNode(int pos, Pipe pipe) implements Node {}

  /** An if, with or range control structure; {@code elseList} may be null. */
  record Branch(int pos, Kind kind, Pipe pipe, ListNode list, ListNode elseList) implements Node {}

  /** A {{template "name" pipeline}} invocation; {@code pipe} may be null. */
  record TemplateCall(int pos, String name, Pipe pipe) implements Node {}

  /** {{break}}. */
  record Break(int pos) implements Node {}

  /** {{continue}}. */
  record Continue(int pos) implements Node {}

  /** A pipeline with optional variable declarations or assignments. */
  record Pipe(int pos, boolean assign, List<String> decl, List<Command> cmds) implements Node {}

  /** One stage of a pipeline: an operand followed by arguments. */
  record Command(int pos, List<Node> args) implements Node {}

  /** A field chain rooted at dot, such as {@code .a.b}. */
  record Field(int pos, List<String> idents) implements Node {}

  /** A variable with an optional field chain; {@code idents.get(0)} is the variable name. */
  record Variable(int pos, List<String> idents) implements Node {}

  /** The cursor {@code .}. */
  record Dot(int pos) implements Node {}

  /** The untyped {@code nil} constant. */
  record Nil(int pos) implements Node {}

  /** A boolean constant. */
  record Bool(int pos, boolean value) implements Node {}

  /** A numeric constant; {@code value} is a Long or a Double. */
  record Number(int pos, String text, Object value) implements Node {}

  /** A string constant with its original quoted form. */
  record Str(int pos, String quoted, String value) implements Node {}

  /** A function name. */
  record Identifier(int pos, String name) implements Node {}

  /** A field chain applied to a non-field term, such as {@code (pipeline).a}. */
  record Chain(int pos, Node node, List<String> fields) implements Node {}

  /** Control structure kinds. */
  enum Kind {
    IF,
    WITH,
    RANGE
  }

  /** Renders a node like Go's Node.String(), for "executing ... at <node>" messages. */
  static String describe(Node node) {
    if (node instanceof Field) {
      return "." + String.join(".", ((Field) node).idents());
    }
    if (node instanceof Variable) {
      return String.join(".", ((Variable) node).idents());
    }
    if (node instanceof Pipe) {
      return describePipe((Pipe) node);
    }
    if (node instanceof Command) {
      return ((Command) node)
          .args().stream()
              .map(a -> a instanceof Pipe ? "(" + describe(a) + ")" : describe(a))
              .collect(Collectors.joining(" "));
    }
    if (node instanceof Chain) {
      Chain chain = (Chain) node;
      String base = describe(chain.node());
      if (chain.node() instanceof Pipe) {
        base = "(" + base + ")";
      }
      return base + "." + String.join(".", chain.fields());
    }
    return describeLeaf(node);
  }

  private static String describePipe(Pipe pipe) {
    String cmds = pipe.cmds().stream().map(Node::describe).collect(Collectors.joining(" | "));
    if (pipe.decl().isEmpty()) {
      return cmds;
    }
    return String.join(", ", pipe.decl()) + (pipe.assign() ? " = " : " := ") + cmds;
  }

  private static String describeLeaf(Node node) {
    if (node instanceof Dot) {
      return ".";
    }
    if (node instanceof Nil) {
      return "nil";
    }
    if (node instanceof Bool) {
      return String.valueOf(((Bool) node).value());
    }
    if (node instanceof Number) {
      return ((Number) node).text();
    }
    if (node instanceof Str) {
      return ((Str) node).quoted();
    }
    if (node instanceof Identifier) {
      return ((Identifier) node).name();
    }
    if (node instanceof ActionNode) {
      return "{{" + describe(((ActionNode) node).pipe()) + "}}";
    }
    if (node instanceof TemplateCall) {
      TemplateCall call = (TemplateCall) node;
      String pipe = call.pipe() == null ? "" : " " + describe(call.pipe());
      return "{{template " + GoQuote.quote(call.name()) + pipe + "}}";
    }
    return node.getClass().getSimpleName();
  }
}
