package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.ConfigurationPolicyStatus;
import io.ocmj.api.policy.v1.DetailsPerTemplate;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.RelatedObject;
import io.ocmj.api.wgpolicy.v1alpha2.PolicyReportResult;
import io.ocmj.api.wgpolicy.v1alpha2.Timestamp;
import io.ocmj.policy.config.ObjectFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What ocmj's PolicyReports say (pure; {@link PolicyReportWriter} writes them): one result per
 * (policy template, object). A ConfigurationPolicy gives one result per related object (Compliant
 * pass, NonCompliant fail), or one result without resources when it has none; a constraint gives
 * one result per object it matched (fail, or warn for {@code warn}/{@code dryrun}, with the
 * violation messages; pass without) or one error result when its audit failed; a policy whose
 * template could not be made gives an error result. Results go to the report of the object's
 * namespace; those about cluster-scoped objects or none go to the ClusterPolicyReport.
 */
final class PolicyReports {
  /** The name of ocmj's report in each namespace, and of its ClusterPolicyReport. */
  static final String NAME = "ocmj-policies";

  static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String MANAGED_BY = "ocmj-policy-agent";
  static final String SOURCE = "ocmj";

  /** Results kept per report (objects are limited in size); fail/warn/error ones first. */
  static final int MAX_RESULTS = 500;

  /** The namespace key of the ClusterPolicyReport. */
  static final String CLUSTER = "";

  private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low", "info");

  private PolicyReports() {}

  /** A result and the namespace of the report it goes to ({@link #CLUSTER}: the cluster's). */
  record Entry(String namespace, PolicyReportResult result) {}

  /** The results of a ConfigurationPolicy, from its status. */
  static List<Entry> configurationPolicy(ConfigurationPolicy cp, Instant at) {
    ConfigurationPolicyStatus status = cp.getStatus();
    if (status == null || status.getCompliant() == null) {
      return List.of(); // not evaluated yet
    }
    String policy = owningPolicy(cp);
    String details = status.getHistory().isEmpty() ? null : status.getHistory().get(0).getMessage();
    String severity =
        cp.getSpec() == null || cp.getSpec().getSeverity() == null
            ? null
            : cp.getSpec().getSeverity().toLowerCase(Locale.ROOT);
    List<Entry> entries = new ArrayList<>();
    for (RelatedObject related : status.getRelatedObjects()) {
      if (related.getObject() == null || related.getObject().getMetadata() == null) {
        continue;
      }
      var meta = related.getObject().getMetadata();
      ObjectReference ref =
          new ObjectReferenceBuilder()
              .withApiVersion(related.getObject().getApiVersion())
              .withKind(related.getObject().getKind())
              .withNamespace(blankToNull(meta.getNamespace()))
              .withName(meta.getName())
              .withUid(related.getProperties() == null ? null : related.getProperties().getUid())
              .build();
      PolicyReportResult r =
          result(policy, cp.getMetadata().getName(), compliance(related.getCompliant()), at);
      r.setMessage(cut(related.getReason()));
      r.getResources().add(ref);
      finish(r, severity, details, ConfigurationPolicy.KIND);
      entries.add(new Entry(nullToCluster(meta.getNamespace()), r));
    }
    if (entries.isEmpty()) {
      PolicyReportResult r =
          result(policy, cp.getMetadata().getName(), compliance(status.getCompliant()), at);
      r.setMessage(cut(details));
      finish(r, severity, details, ConfigurationPolicy.KIND);
      entries.add(new Entry(CLUSTER, r));
    }
    return entries;
  }

  /** The results of one constraint's audit. */
  static List<Entry> constraint(
      Map<String, Object> constraint, String kind, ConstraintAudit.Result audit, Instant at) {
    String name = ObjectFields.name(constraint);
    Map<String, String> labels = ObjectFields.labels(constraint);
    String policy = labels.getOrDefault(Policy.LABEL_POLICY, name);
    if (audit.error() != null) {
      PolicyReportResult r = result(policy, name, PolicyReportResult.ERROR, at);
      r.setMessage(cut(audit.error()));
      finish(r, null, audit.message(), kind);
      return List.of(new Entry(CLUSTER, r));
    }
    String action = ConstraintAudit.enforcementAction(constraint).toLowerCase(Locale.ROOT);
    String failing =
        action.equals("warn") || action.equals("dryrun")
            ? PolicyReportResult.WARN
            : PolicyReportResult.FAIL;
    List<Entry> entries = new ArrayList<>();
    for (ConstraintAudit.Reviewed reviewed : audit.reviewed()) {
      Map<String, Object> o = reviewed.object();
      boolean passed = reviewed.violations().isEmpty();
      PolicyReportResult r = result(policy, name, passed ? PolicyReportResult.PASS : failing, at);
      r.setMessage(
          passed
              ? "The object has no violations"
              : cut(
                  reviewed.violations().stream()
                      .map(ConstraintAudit::cut)
                      .collect(Collectors.joining("; "))));
      String ns = blankToNull(ObjectFields.namespace(o));
      r.getResources()
          .add(
              new ObjectReferenceBuilder()
                  .withApiVersion(String.valueOf(o.get("apiVersion")))
                  .withKind(String.valueOf(o.get("kind")))
                  .withNamespace(ns)
                  .withName(ObjectFields.name(o))
                  .withUid(ObjectFields.uid(o))
                  .build());
      finish(r, null, null, kind);
      r.getProperties().put("enforcementAction", action);
      entries.add(new Entry(nullToCluster(ns), r));
    }
    return entries;
  }

  /** Error results for the templates of a policy that could not be made (template-error). */
  static List<Entry> templateErrors(Policy policy, Instant at) {
    List<Entry> entries = new ArrayList<>();
    if (policy.getStatus() == null) {
      return entries;
    }
    for (DetailsPerTemplate d : policy.getStatus().getDetails()) {
      if (d.getHistory().isEmpty() || d.getTemplateMeta() == null) {
        continue;
      }
      String message = d.getHistory().get(0).getMessage();
      if (message != null && message.startsWith("NonCompliant; template-error;")) {
        PolicyReportResult r =
            result(
                policy.getMetadata().getName(),
                d.getTemplateMeta().getName(),
                PolicyReportResult.ERROR,
                at);
        r.setMessage(cut(message));
        finish(r, null, message, null);
        entries.add(new Entry(CLUSTER, r));
      }
    }
    return entries;
  }

  /**
   * The results of each report by namespace: the policies' categories, standards and controls
   * filled in, sorted (policy, rule, object), at most {@link #MAX_RESULTS}.
   */
  static Map<String, List<PolicyReportResult>> byNamespace(
      Collection<Entry> entries, Map<String, Policy> policies) {
    Map<String, List<PolicyReportResult>> reports = new TreeMap<>();
    for (Entry e : entries) {
      Policy policy = policies.get(e.result().getPolicy());
      Map<String, String> annotations =
          policy == null ? Map.of() : policy.getMetadata().getAnnotations();
      if (annotations != null) {
        e.result().setCategory(annotations.get(Policy.ANNOTATION_CATEGORIES));
        putIfSet(e.result(), "standards", annotations.get(Policy.ANNOTATION_STANDARDS));
        putIfSet(e.result(), "controls", annotations.get(Policy.ANNOTATION_CONTROLS));
      }
      reports.computeIfAbsent(e.namespace(), k -> new ArrayList<>()).add(e.result());
    }
    reports.replaceAll(
        (ns, results) ->
            results.stream()
                .sorted(
                    Comparator.comparing((PolicyReportResult r) -> passing(r) ? 1 : 0)
                        .thenComparing(PolicyReports::sortKey))
                .limit(MAX_RESULTS)
                .sorted(Comparator.comparing(PolicyReports::sortKey))
                .collect(Collectors.toList()));
    return reports;
  }

  /**
   * Gives each result the timestamp of the same result (same policy, rule, objects, outcome and
   * message) in the report as it is, so a timestamp says since when a result holds and an unchanged
   * report is not rewritten.
   */
  static void keepTimestamps(List<PolicyReportResult> desired, List<PolicyReportResult> existing) {
    Map<String, Timestamp> since =
        existing.stream()
            .filter(r -> r.getTimestamp() != null)
            .collect(
                Collectors.toMap(
                    PolicyReports::identity, PolicyReportResult::getTimestamp, (a, b) -> a));
    for (PolicyReportResult r : desired) {
      Timestamp kept = since.get(identity(r));
      if (kept != null) {
        r.setTimestamp(kept);
      }
    }
  }

  private static String identity(PolicyReportResult r) {
    return String.join(
        "\u0000",
        sortKey(r),
        String.valueOf(r.getResult()),
        String.valueOf(r.getMessage()),
        String.valueOf(new TreeMap<>(r.getProperties()))); // the API server sorts map keys
  }

  private static String sortKey(PolicyReportResult r) {
    Function<ObjectReference, String> ref =
        o -> o.getNamespace() + "/" + o.getKind() + "/" + o.getName();
    return r.getPolicy()
        + "\u0000"
        + r.getRule()
        + "\u0000"
        + r.getResources().stream().map(ref).collect(Collectors.joining(","));
  }

  private static boolean passing(PolicyReportResult r) {
    return PolicyReportResult.PASS.equals(r.getResult())
        || PolicyReportResult.SKIP.equals(r.getResult());
  }

  private static PolicyReportResult result(String policy, String rule, String outcome, Instant at) {
    PolicyReportResult r = new PolicyReportResult();
    r.setPolicy(policy);
    r.setRule(rule);
    r.setSource(SOURCE);
    r.setResult(outcome);
    r.setTimestamp(Timestamp.of(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    r.setScored(true);
    return r;
  }

  private static void finish(
      PolicyReportResult r, String severity, String details, String templateKind) {
    if (severity != null && SEVERITIES.contains(severity)) {
      r.setSeverity(severity);
    }
    putIfSet(r, "details", details);
    putIfSet(r, "templateKind", templateKind);
  }

  private static void putIfSet(PolicyReportResult r, String key, String value) {
    if (value != null && !value.isEmpty()) {
      r.getProperties().put(key, cut(value));
    }
  }

  /** Longest message or property kept in a result: a report must stay within object limits. */
  static final int MAX_TEXT = 512;

  /** The text, cut to {@link #MAX_TEXT} characters with {@code ...}. */
  static String cut(String text) {
    return text == null || text.length() <= MAX_TEXT
        ? text
        : text.substring(0, MAX_TEXT - 3) + "...";
  }

  /** OCM's compliance state as a report outcome. */
  static String compliance(String state) {
    if (state == null) {
      return PolicyReportResult.SKIP;
    }
    return switch (state.toLowerCase(Locale.ROOT)) {
      case "compliant" -> PolicyReportResult.PASS;
      case "noncompliant" -> PolicyReportResult.FAIL;
      default -> PolicyReportResult.SKIP;
    };
  }

  private static String owningPolicy(ConfigurationPolicy cp) {
    return cp.getMetadata().getOwnerReferences().stream()
        .filter(o -> Policy.KIND.equals(o.getKind()))
        .map(o -> o.getName())
        .findFirst()
        .orElseGet(
            () ->
                Objects.requireNonNullElse(
                    cp.getMetadata().getLabels() == null
                        ? null
                        : cp.getMetadata().getLabels().get(Policy.LABEL_POLICY),
                    cp.getMetadata().getName()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String nullToCluster(String ns) {
    return ns == null || ns.isEmpty() ? CLUSTER : ns;
  }
}
