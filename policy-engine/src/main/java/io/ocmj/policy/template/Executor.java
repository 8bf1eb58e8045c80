package io.ocmj.policy.template;

import io.ocmj.policy.gofmt.GoQuote;
import io.ocmj.policy.template.Node.Branch;
import io.ocmj.policy.template.Node.Command;
import io.ocmj.policy.template.Node.Kind;
import io.ocmj.policy.template.Node.ListNode;
import io.ocmj.policy.template.Node.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks a parsed template against data; one instance per execution (not thread-safe). */
final class Executor {
  private static final int MAX_TEMPLATE_DEPTH = 100;

  /**
   * A nil stored in a map, list or struct. Go distinguishes it from a missing key: a field chain
   * through it fails ("nil pointer evaluating"), while a missing key silently yields no value.
   */
  private static final Object NIL_IFACE = new Object();

  /** Marks "no piped value" for the first command of a pipeline. */
  private static final Object NO_FINAL = new Object();

  private enum Flow {
    NORMAL,
    BREAK,
    CONTINUE
  }

  private static final class Var {
    final String name;
    Object value;

    Var(String name, Object value) {
      this.name = name;
      this.value = value;
    }
  }

  private final GoTemplate template;
  private final StringBuilder out = new StringBuilder();
  private List<Var> vars = new ArrayList<>();
  private String current;
  private int depth;

  Executor(GoTemplate template) {
    this.template = template;
  }

  String run(Object data) throws TemplateException {
    current = template.name();
    vars.add(new Var("$", data));
    walk(data, template.tree(current));
    return out.toString();
  }

  private Flow walk(Object dot, Node node) throws TemplateException {
    if (node instanceof ListNode) {
      for (Node child : ((ListNode) node).nodes()) {
        Flow flow = walk(dot, child);
        if (flow != Flow.NORMAL) {
          return flow;
        }
      }
    } else if (node instanceof Node.TextNode) {
      out.append(((Node.TextNode) node).text());
    } else if (node instanceof Node.ActionNode) {
      Pipe pipe = ((Node.ActionNode) node).pipe();
      Object value = evalPipeline(dot, pipe);
      if (pipe.decl().isEmpty()) {
        out.append(GoFormat.printed(value));
      }
    } else if (node instanceof Branch) {
      Branch branch = (Branch) node;
      return branch.kind() == Kind.RANGE ? walkRange(dot, branch) : walkIfOrWith(dot, branch);
    } else if (node instanceof Node.TemplateCall) {
      walkTemplate(dot, (Node.TemplateCall) node);
    } else if (node instanceof Node.Break) {
      return Flow.BREAK;
    } else if (node instanceof Node.Continue) {
      return Flow.CONTINUE;
    }
    return Flow.NORMAL;
  }

  private Flow walkIfOrWith(Object dot, Branch branch) throws TemplateException {
    int mark = vars.size();
    try {
      Object value = evalPipeline(dot, branch.pipe());
      if (Values.isTrue(value)) {
        return walk(branch.kind() == Kind.WITH ? value : dot, branch.list());
      }
      return branch.elseList() == null ? Flow.NORMAL : walk(dot, branch.elseList());
    } finally {
      truncate(mark);
    }
  }

  private Flow walkRange(Object dot, Branch branch) throws TemplateException {
    int mark = vars.size();
    try {
      Pipe pipe = branch.pipe();
      Object value = unwrap(evalCommands(dot, pipe));
      if (!pipe.assign()) {
        for (String name : pipe.decl()) {
          vars.add(new Var(name, value));
        }
      }
      boolean any = rangeOver(branch, value, mark);
      if (!any && branch.elseList() != null) {
        return walk(dot, branch.elseList());
      }
      return Flow.NORMAL;
    } finally {
      truncate(mark);
    }
  }

  private boolean rangeOver(Branch branch, Object value, int mark) throws TemplateException {
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        if (iterate(branch, mark, (long) i, wrap(list.get(i))) == Flow.BREAK) {
          break;
        }
      }
      return !list.isEmpty();
    }
    if (value instanceof Map) {
      Map<String, Object> sorted = GoFormat.sortedEntries((Map<?, ?>) value);
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (iterate(branch, mark, e.getKey(), wrap(e.getValue())) == Flow.BREAK) {
          break;
        }
      }
      return !sorted.isEmpty();
    }
    if (Values.isInt(value)) {
      long n = Values.toInt64(value);
      if (branch.pipe().decl().size() > 1) {
        throw error(branch.pipe(), "can't use " + n + " to iterate over more than one variable");
      }
      for (long i = 0; i < n; i++) {
        if (iterate(branch, mark, i, i) == Flow.BREAK) {
          break;
        }
      }
      return n > 0;
    }
    if (value == null) {
      return false;
    }
    throw error(branch.pipe(), "range can't iterate over " + GoFormat.value(value));
  }

  private Flow iterate(Branch branch, int mark, Object index, Object elem)
      throws TemplateException {
    Pipe pipe = branch.pipe();
    List<String> decl = pipe.decl();
    int iterMark = vars.size();
    if (!decl.isEmpty()) {
      setRangeVar(pipe, mark, decl.size() == 1 ? 0 : 1, elem);
    }
    if (decl.size() == 2) {
      setRangeVar(pipe, mark, 0, index);
    }
    try {
      return walk(elem, branch.list());
    } finally {
      truncate(iterMark);
    }
  }

  private void setRangeVar(Pipe pipe, int mark, int k, Object value) throws TemplateException {
    if (pipe.assign()) {
      setVar(pipe, pipe.decl().get(k), value);
    } else {
      vars.get(mark + k).value = value;
    }
  }

  private void walkTemplate(Object dot, Node.TemplateCall call) throws TemplateException {
    ListNode tree = template.tree(call.name());
    if (tree == null) {
      throw error(call, "template " + GoQuote.quote(call.name()) + " not defined");
    }
    if (depth >= MAX_TEMPLATE_DEPTH) {
      throw error(call, "exceeded maximum template depth (" + MAX_TEMPLATE_DEPTH + ")");
    }
    Object newDot = call.pipe() == null ? null : evalPipeline(dot, call.pipe());
    List<Var> savedVars = vars;
    String savedName = current;
    vars = new ArrayList<>();
    vars.add(new Var("$", newDot));
    current = call.name();
    depth++;
    try {
      walk(newDot, tree);
    } finally {
      depth--;
      vars = savedVars;
      current = savedName;
    }
  }

  private Object evalPipeline(Object dot, Pipe pipe) throws TemplateException {
    Object value = unwrap(evalCommands(dot, pipe));
    for (String name : pipe.decl()) {
      if (pipe.assign()) {
        setVar(pipe, name, value);
      } else {
        vars.add(new Var(name, value));
      }
    }
    return value;
  }

  private Object evalCommands(Object dot, Pipe pipe) throws TemplateException {
    Object value = NO_FINAL;
    for (Command cmd : pipe.cmds()) {
      value = unwrap(evalCommand(dot, cmd, value));
    }
    return value;
  }

  private Object evalCommand(Object dot, Command cmd, Object fin) throws TemplateException {
    Node first = cmd.args().get(0);
    if (first instanceof Node.Identifier) {
      return evalFunction(dot, (Node.Identifier) first, cmd, fin);
    }
    if (first instanceof Node.Field || first instanceof Node.Chain) {
      if (cmd.args().size() > 1 || fin != NO_FINAL) {
        List<String> idents =
            first instanceof Node.Field
                ? ((Node.Field) first).idents()
                : ((Node.Chain) first).fields();
        throw error(first, idents.get(idents.size() - 1) + " is not a method but has arguments");
      }
      return evalArg(dot, first);
    }
    if (cmd.args().size() > 1 || fin != NO_FINAL) {
      throw error(first, "can't give argument to non-function " + Node.describe(first));
    }
    if (first instanceof Node.Nil) {
      throw error(first, "nil is not a command");
    }
    return evalArg(dot, first);
  }

  private Object evalArg(Object dot, Node node) throws TemplateException {
    if (node instanceof Node.Dot) {
      return dot;
    }
    if (node instanceof Node.Field) {
      return evalFieldChain(node, dot, ((Node.Field) node).idents());
    }
    if (node instanceof Node.Variable) {
      List<String> idents = ((Node.Variable) node).idents();
      Object value = lookupVar(node, idents.get(0));
      return evalFieldChain(node, value, idents.subList(1, idents.size()));
    }
    if (node instanceof Node.Chain) {
      Node.Chain chain = (Node.Chain) node;
      Object receiver = unwrap(evalArg(dot, chain.node()));
      return evalFieldChain(node, receiver, chain.fields());
    }
    if (node instanceof Pipe) {
      return evalPipeline(dot, (Pipe) node);
    }
    if (node instanceof Node.Identifier) {
      return evalFunction(
          dot, (Node.Identifier) node, new Command(node.pos(), List.of(node)), NO_FINAL);
    }
    return constant(node);
  }

  private static Object constant(Node node) {
    if (node instanceof Node.Bool) {
      return ((Node.Bool) node).value();
    }
    if (node instanceof Node.Number) {
      return ((Node.Number) node).value();
    }
    if (node instanceof Node.Str) {
      return ((Node.Str) node).value();
    }
    return null;
  }

  private Object evalFieldChain(Node node, Object receiver, List<String> idents)
      throws TemplateException {
    Object value = receiver;
    for (String name : idents) {
      value = evalField(node, value, name);
    }
    return value;
  }

  private Object evalField(Node node, Object receiver, String name) throws TemplateException {
    if (receiver == null) {
      return null;
    }
    if (receiver == NIL_IFACE) {
      throw error(node, "nil pointer evaluating interface {}." + name);
    }
    if (receiver instanceof TemplateContext) {
      Map<String, Object> fields = ((TemplateContext) receiver).fields();
      if (!fields.containsKey(name)) {
        throw error(node, "can't evaluate field " + name + " in type " + TemplateContext.GO_TYPE);
      }
      return wrap(fields.get(name));
    }
    if (receiver instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) receiver;
      return map.containsKey(name) ? wrap(map.get(name)) : null;
    }
    throw error(node, "can't evaluate field " + name + " in type " + Values.typeName(receiver));
  }

  private Object evalFunction(Object dot, Node.Identifier id, Command cmd, Object fin)
      throws TemplateException {
    String name = id.name();
    TemplateFunction fn = template.functions().get(name);
    if (fn == null) {
      throw error(id, GoQuote.quote(name) + " is not a defined function");
    }
    List<Node> argNodes = cmd.args().subList(1, cmd.args().size());
    if (fn == GoBuiltins.AND || fn == GoBuiltins.OR) {
      return evalAndOr(dot, fn == GoBuiltins.AND, cmd, argNodes, fin);
    }
    List<Object> args = new ArrayList<>();
    for (Node arg : argNodes) {
      args.add(unwrap(evalArg(dot, arg)));
    }
    if (fin != NO_FINAL) {
      args.add(fin);
    }
    try {
      return fn.apply(args);
    } catch (TemplateException e) {
      throw error(cmd, e.isArgumentError() ? e.getMessage() : callError(name, e.getMessage()));
    } catch (RuntimeException e) {
      throw error(cmd, callError(name, String.valueOf(e.getMessage())));
    }
  }

  private static String callError(String name, String message) {
    return "error calling " + name + ": " + message;
  }

  private Object evalAndOr(Object dot, boolean and, Command cmd, List<Node> args, Object fin)
      throws TemplateException {
    if (args.isEmpty() && fin == NO_FINAL) {
      String name = and ? "and" : "or";
      throw error(cmd, "wrong number of args for " + name + ": want at least 1 got 0");
    }
    Object value = null;
    for (Node arg : args) {
      value = unwrap(evalArg(dot, arg));
      if (Values.isTrue(value) != and) {
        return value;
      }
    }
    return fin == NO_FINAL ? value : fin;
  }

  private Object lookupVar(Node node, String name) throws TemplateException {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name.equals(name)) {
        return vars.get(i).value;
      }
    }
    throw error(node, "undefined variable: " + name);
  }

  private void setVar(Node node, String name, Object value) throws TemplateException {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name.equals(name)) {
        vars.get(i).value = value;
        return;
      }
    }
    throw error(node, "undefined variable: " + name);
  }

  private void truncate(int mark) {
    vars.subList(mark, vars.size()).clear();
  }

  private static Object wrap(Object value) {
    return value == null ? NIL_IFACE : value;
  }

  private static Object unwrap(Object value) {
    return value == NIL_IFACE || value == NO_FINAL ? null : value;
  }

  private TemplateException error(Node node, String message) {
    return new TemplateException(
        "template: "
            + template.name()
            + ":"
            + template.location(node.pos())
            + ": executing "
            + GoQuote.quote(current)
            + " at <"
            + Node.describe(node)
            + ">: "
            + message);
  }
}
