package io.ocmj.policy.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites YAML policy text before template parsing, exactly as go-template-utils' ResolveTemplate
 * does after converting the object template to YAML (yaml.v3, indent 2).
 *
 * <p>Two rewrites are applied, in this order:
 *
 * <ol>
 *   <li><b>Data types</b> (GTU {@code processForDataTypes}): when a mapping value is a single
 *       action whose pipeline ends in {@code | toInt}, {@code | toBool} or {@code | toLiteral}, or
 *       that calls {@code copyConfigMapData}/{@code copySecretData}, the YAML quotes (and any
 *       {@code |}/{@code >} block indicator) around it are removed, so {@code key: '{{ "6" | toInt
 *       }}'} becomes {@code key: {{ "6" | toInt }}} and the rendered value is read by YAML as an
 *       int, bool or literal structure instead of a string. The match is GTU's regular expression
 *       (a {@code :}, white space, an optional block indicator and quote, then the action on one
 *       line, then an optional quote), replaced by {@code ": "} plus the action.
 *   <li><b>autoindent</b> (GTU {@code processForAutoIndent}): for every line matching {@code (
 *       *)(?:'|")?(L.*\| *autoindent *-?R)}, the first {@code autoindent} in the action is replaced
 *       by {@code indent N}, where N is the number of spaces immediately before the action (or
 *       before its opening quote). Combined with GTU's {@code indent}, which trims the result, the
 *       first line stays where the action was and the following lines get N spaces.
 * </ol>
 *
 * <p>There is no post-processing step in GTU: {@code toLiteral} itself only rejects strings with
 * new lines; its effect comes entirely from the quote removal above. GTU's {@code
 * AdditionalIndentation} option is not supported (treated as 0).
 */
public final class YamlTemplates {
  private YamlTemplates() {}

  /** Applies both rewrites using the default <code>&#123;&#123; &#125;&#125;</code> delimiters. */
  public static String preprocess(String templateText) {
    return preprocess(templateText, "{{", "}}");
  }

  /** Applies both rewrites for the given delimiters, e.g. the hub template delimiters. */
  public static String preprocess(String templateText, String leftDelim, String rightDelim) {
    String text = processForDataTypes(templateText, leftDelim, rightDelim);
    if (text.contains("autoindent")) {
      text = processForAutoIndent(text, leftDelim, rightDelim);
    }
    return text;
  }

  private static String processForDataTypes(String text, String left, String right) {
    String d1 = Pattern.quote(left);
    String d2 = Pattern.quote(right);
    Pattern pattern =
        Pattern.compile(
            ":\\s+(?:[|>]-?\\s+)?(?:'?\\s*)("
                + d1
                + "-?(?:.*\\|\\s*(?:toInt|toBool|toLiteral)"
                + "|(?:.*(?:copyConfigMapData|copySecretData))).*"
                + d2
                + ")(?:\\s*'?)",
            Pattern.UNIX_LINES);
    return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(": " + m.group(1)));
  }

  private static String processForAutoIndent(String text, String left, String right) {
    Pattern pattern =
        Pattern.compile(
            "( *)(?:'|\")?("
                + Pattern.quote(left)
                + ".*\\| *autoindent *-?"
                + Pattern.quote(right)
                + ")",
            Pattern.UNIX_LINES);
    Matcher matcher = pattern.matcher(text);
    String processed = text;
    while (matcher.find()) {
      String match = matcher.group(2);
      String replaced =
          match.replaceFirst(
              "autoindent", Matcher.quoteReplacement("indent " + matcher.group(1).length()));
      processed = processed.replaceFirst(Pattern.quote(match), Matcher.quoteReplacement(replaced));
    }
    return processed;
  }
}
