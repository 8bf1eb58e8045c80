package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.policy.config.ObjectFields;
import io.ocmj.policy.rego.ConstraintMatch;
import io.ocmj.policy.rego.GatekeeperReview;
import io.ocmj.policy.rego.RegoException;
import io.ocmj.policy.rego.RegoModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One audit of one constraint, as Gatekeeper's audit does it: every object of the kinds the
 * constraint names is reviewed (match, then Rego); the status keeps {@code totalViolations} and the
 * first 20 violations in Gatekeeper's order, messages cut at 256 bytes; the compliance message is
 * OCM's for constraints.
 */
final class ConstraintAudit {
  static final String API_VERSION = "constraints.gatekeeper.sh/v1beta1";
  static final int LIMIT = 20;
  static final int MESSAGE_BYTES = 256;

  private final KubernetesClient managed;
  private final RegoModule module;
  private final Map<String, Map<String, Object>> namespaces;
  private final Duration timeLimit;

  ConstraintAudit(
      KubernetesClient managed,
      RegoModule module,
      Map<String, Map<String, Object>> namespaces,
      Duration timeLimit) {
    this.managed = managed;
    this.module = module;
    this.namespaces = namespaces;
    this.timeLimit = timeLimit;
  }

  /**
   * The status to write (null when the audit failed: the last good status stays), the compliance
   * message to report, every object the constraint matched with its violation messages (for the
   * PolicyReport), and the error that stopped the audit, if any.
   */
  record Result(
      Map<String, Object> status, String message, List<Reviewed> reviewed, String error) {}

  /** One matched object and its violation messages (none: it passed). */
  record Reviewed(Map<String, Object> object, List<String> violations) {}

  private record Found(Map<String, Object> object, String message) {}

  Result run(Map<String, Object> constraint, Instant now) throws RegoException {
    List<Map<String, Object>> objects = objects(constraint);
    var data = GatekeeperReview.inventory(objects);
    List<Found> found = new ArrayList<>();
    List<Reviewed> reviewed = new ArrayList<>();
    for (Map<String, Object> o : objects) {
      String ns = namespaceOf(o);
      Map<String, Object> namespace = ns == null ? null : namespaces.get(ns);
      if (!ConstraintMatch.matches(constraint, o, namespace)) {
        continue;
      }
      List<String> messages = new ArrayList<>();
      try {
        for (GatekeeperReview.Violation v :
            GatekeeperReview.review(module, constraint, o, namespace, data, timeLimit)) {
          found.add(new Found(o, v.message()));
          messages.add(v.message());
        }
      } catch (RegoException e) {
        // One failed review stops the audit: a runaway policy would fail on every object.
        String error = e.getMessage() + " (on " + o.get("kind") + " " + where(o) + ")";
        return new Result(null, "NonCompliant; audit error - " + error, reviewed, error);
      }
      reviewed.add(new Reviewed(o, messages));
    }
    String action = enforcementAction(constraint);
    List<Map<String, Object>> violations =
        found.stream()
            .map(f -> entry(f, action))
            .sorted(ORDER)
            .limit(LIMIT)
            .collect(Collectors.toList());
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("auditTimestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
    status.put("totalViolations", found.size());
    if (!violations.isEmpty()) {
      status.put("violations", violations);
    }
    return new Result(status, message(violations), reviewed, null);
  }

  private static String where(Map<String, Object> o) {
    String ns = namespaceOf(o);
    return (ns == null ? "" : ns + "/") + ObjectFields.name(o);
  }

  private static final Comparator<Map<String, Object>> ORDER =
      Comparator.<Map<String, Object>, String>comparing(v -> str(v, "group"))
          .thenComparing(v -> str(v, "version"))
          .thenComparing(v -> str(v, "kind"))
          .thenComparing(v -> str(v, "namespace"))
          .thenComparing(v -> str(v, "name"))
          .thenComparing(v -> str(v, "message"));

  private static String str(Map<String, Object> m, String key) {
    return m.get(key) == null ? "" : String.valueOf(m.get(key));
  }

  private static Map<String, Object> entry(Found f, String action) {
    String apiVersion = String.valueOf(f.object().get("apiVersion"));
    int slash = apiVersion.indexOf('/');
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("group", slash < 0 ? "" : apiVersion.substring(0, slash));
    v.put("version", apiVersion.substring(slash + 1));
    v.put("kind", f.object().get("kind"));
    String ns = namespaceOf(f.object());
    if (ns != null) {
      v.put("namespace", ns);
    }
    v.put("name", ObjectFields.name(f.object()));
    v.put("message", cut(f.message()));
    v.put("enforcementAction", action);
    return v;
  }

  /** Gatekeeper cuts a message over 256 bytes to 253 bytes and {@code ...}. */
  static String cut(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MESSAGE_BYTES) {
      return message;
    }
    String head = new String(bytes, 0, MESSAGE_BYTES - 3, StandardCharsets.UTF_8);
    if (!head.isEmpty() && head.charAt(head.length() - 1) == '\uFFFD') {
      head = head.substring(0, head.length() - 1); // a character cut in two
    }
    return head + "...";
  }

  /** OCM's message for a constraint: no violations, or one line per violation kept in status. */
  static String message(List<Map<String, Object>> violations) {
    if (violations.isEmpty()) {
      return "Compliant; The constraint has no violations";
    }
    return "NonCompliant; "
        + violations.stream()
            .map(
                v ->
                    v.get("enforcementAction")
                        + " - "
                        + v.get("message")
                        + " (on "
                        + v.get("kind")
                        + " "
                        + (v.get("namespace") == null ? "" : v.get("namespace") + "/")
                        + v.get("name")
                        + ")")
            .collect(Collectors.joining("; "));
  }

  static String enforcementAction(Map<String, Object> constraint) {
    return constraint.get("spec") instanceof Map<?, ?> spec
            && spec.get("enforcementAction") instanceof String a
        ? a
        : "deny";
  }

  /**
   * Every object of every kind {@code spec.match.kinds} names (a kind served nowhere is skipped).
   */
  private List<Map<String, Object>> objects(Map<String, Object> constraint) {
    List<Map<String, Object>> objects = new ArrayList<>();
    Object kinds =
        constraint.get("spec") instanceof Map<?, ?> spec
                && spec.get("match") instanceof Map<?, ?> match
            ? match.get("kinds")
            : null;
    if (!(kinds instanceof List<?> list)) {
      return objects;
    }
    KubeClusterView view = new KubeClusterView(managed);
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> k)) {
        continue;
      }
      for (Object group : k.get("apiGroups") instanceof List<?> g ? g : List.of("")) {
        for (Object kind : k.get("kinds") instanceof List<?> ks ? ks : List.of()) {
          apiVersion(String.valueOf(group))
              .flatMap(v -> view.kind(v, String.valueOf(kind)))
              .ifPresent(info -> objects.addAll(view.list(info, null)));
        }
      }
    }
    return objects;
  }

  private Optional<String> apiVersion(String group) {
    if (group.isEmpty()) {
      return Optional.of("v1");
    }
    if (group.equals("*")) {
      return Optional.empty(); // every group: not audited (ocmj lists the named groups only)
    }
    APIGroup found = managed.getApiGroup(group);
    return found == null || found.getPreferredVersion() == null
        ? Optional.empty()
        : Optional.of(found.getPreferredVersion().getGroupVersion());
  }

  /** The object's namespace; null for cluster-scoped objects. */
  private static String namespaceOf(Map<String, Object> object) {
    String ns = ObjectFields.namespace(object);
    return ns == null || ns.isEmpty() ? null : ns;
  }
}
