package io.ocmj.klusterlet.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.DaemonThreads;
import io.ocmj.api.gatekeeper.v1.ConstraintTemplate;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.wgpolicy.v1alpha2.ClusterPolicyReport;
import io.ocmj.api.wgpolicy.v1alpha2.PolicyReport;
import io.ocmj.api.wgpolicy.v1alpha2.PolicyReportResult;
import io.ocmj.api.wgpolicy.v1alpha2.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the managed cluster's PolicyReports (one {@code ocmj-policies} per namespace with results)
 * and its ClusterPolicyReport from what the config-policy controller and the constraint audit
 * publish, plus the template errors on the cluster's Policies. Publishing marks the reports dirty;
 * one writer thread rewrites them a moment later (so a burst of evaluations gives one write), only
 * the reports whose results changed, and deletes ocmj's reports no result needs any more. Results
 * of ConfigurationPolicies and ConstraintTemplates that are gone are dropped at each write.
 */
final class PolicyReportWriter implements AutoCloseable {
  static final String FIELD_MANAGER = "ocmj-policy-report";
  private static final Logger LOG = LoggerFactory.getLogger(PolicyReportWriter.class);
  private static final Duration SETTLE = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(5);

  /** How long after the start results of policies not evaluated yet are waited for at most. */
  static final Duration FIRST_WRITE = Duration.ofSeconds(30);

  private static final String CONFIGURATION_POLICY = ConfigurationPolicy.KIND + "/";
  private static final String CONSTRAINT_TEMPLATE = "ConstraintTemplate/";

  private final KubernetesClient managed;
  private final PolicyAgentConfig config;
  private final Map<String, List<PolicyReports.Entry>> sources = new ConcurrentHashMap<>();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("policy-reports"));

  private final Instant startedAt;

  PolicyReportWriter(KubernetesClient managed, PolicyAgentConfig config) {
    this.managed = managed;
    this.config = config;
    this.startedAt = config.clock().instant();
    // Deleted policies and templates, and template errors, publish nothing: look every resync.
    long resync = config.resync().toMillis();
    thread.scheduleWithFixedDelay(
        () -> schedule(Duration.ZERO), resync, resync, TimeUnit.MILLISECONDS);
  }

  static String configurationPolicySource(String name) {
    return CONFIGURATION_POLICY + name;
  }

  static String constraintTemplateSource(String name) {
    return CONSTRAINT_TEMPLATE + name;
  }

  /**
   * Replaces the results of one source (a ConfigurationPolicy or a ConstraintTemplate). The reports
   * are looked at again only when the results differ from the source's last ones (their timestamps
   * aside): a policy re-evaluated every 10 s with the same outcome costs no reads of the reports.
   */
  void publish(String source, List<PolicyReports.Entry> entries) {
    List<PolicyReports.Entry> before = sources.put(source, List.copyOf(entries));
    if (before == null || !withoutTimestamps(before).equals(withoutTimestamps(entries))) {
      schedule(SETTLE);
    }
  }

  private static JsonNode withoutTimestamps(List<PolicyReports.Entry> entries) {
    com.fasterxml.jackson.databind.node.ArrayNode all =
        Serialization.jsonMapper().createArrayNode();
    for (PolicyReports.Entry e : entries) {
      JsonNode result = tree(e.result());
      if (result instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
        o.remove("timestamp");
      }
      all.addObject().put("namespace", e.namespace()).set("result", result);
    }
    return all;
  }

  /**
   * The policies' own state changed (a status written, templates removed): template errors come
   * from it, and deleted templates leave results to drop.
   */
  void policiesChanged() {
    schedule(SETTLE);
  }

  /** Drops the results of a source (it was deleted). */
  void retract(String source) {
    sources.remove(source);
    schedule(SETTLE);
  }

  /** Publishes only when this agent has no results of the source yet (after a restart). */
  void publishIfAbsent(String source, Supplier<List<PolicyReports.Entry>> entries) {
    if (!sources.containsKey(source)) {
      publish(source, entries.get());
    }
  }

  private void schedule(Duration delay) {
    if (pending.compareAndSet(false, true)) {
      try {
        thread.schedule(this::writeOrRetry, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        pending.set(false); // closed: the agent is stopping, the reports stay as they are
      }
    }
  }

  private void writeOrRetry() {
    pending.set(false);
    try {
      write();
    } catch (RuntimeException e) {
      LOG.warn("policy reports not written, retrying in {}: {}", RETRY, e.getMessage());
      schedule(RETRY);
    }
  }

  /** Brings the reports on the cluster in line with the published results. */
  void write() {
    String ns = config.clusterName();
    Set<String> alive = new HashSet<>();
    managed
        .resources(ConfigurationPolicy.class)
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(c -> alive.add(configurationPolicySource(c.getMetadata().getName())));
    managed
        .resources(ConstraintTemplate.class)
        .withLabel(Policy.LABEL_CLUSTER_NAME, ns)
        .list()
        .getItems()
        .forEach(t -> alive.add(constraintTemplateSource(t.getMetadata().getName())));
    sources.keySet().retainAll(alive);
    Set<String> unpublished = new HashSet<>(alive);
    unpublished.removeAll(sources.keySet());
    Duration sinceStart = Duration.between(startedAt, config.clock().instant());
    Duration firstWrite =
        config.resync().compareTo(FIRST_WRITE) < 0 ? config.resync() : FIRST_WRITE;
    if (!unpublished.isEmpty() && sinceStart.compareTo(firstWrite) < 0) {
      // Just started: writing now would drop the results of what has not been evaluated yet
      // (every policy and template is reconciled once right after the start).
      schedule(firstWrite.minus(sinceStart));
      return;
    }
    Map<String, Policy> policies = new HashMap<>();
    List<PolicyReports.Entry> entries = new ArrayList<>();
    for (Policy p : managed.resources(Policy.class).inNamespace(ns).list().getItems()) {
      policies.put(p.getMetadata().getName(), p);
      entries.addAll(PolicyReports.templateErrors(p, config.clock().instant()));
    }
    sources.values().forEach(entries::addAll);
    Map<String, List<PolicyReportResult>> desired = PolicyReports.byNamespace(entries, policies);
    writeNamespaced(desired);
    writeCluster(desired.get(PolicyReports.CLUSTER));
  }

  private void writeNamespaced(Map<String, List<PolicyReportResult>> desired) {
    Map<String, PolicyReport> existing =
        managed
            .resources(PolicyReport.class)
            .inAnyNamespace()
            .withLabel(PolicyReports.LABEL_MANAGED_BY, PolicyReports.MANAGED_BY)
            .list()
            .getItems()
            .stream()
            .filter(r -> PolicyReports.NAME.equals(r.getMetadata().getName()))
            .collect(Collectors.toMap(r -> r.getMetadata().getNamespace(), r -> r));
    for (var e : desired.entrySet()) {
      if (e.getKey().equals(PolicyReports.CLUSTER)) {
        continue;
      }
      PolicyReport report = new PolicyReport();
      report.setMetadata(meta(e.getKey()));
      try {
        apply(report, e.getValue(), existing.get(e.getKey()));
      } catch (KubernetesClientException ex) {
        // One namespace (say, one being deleted) must not keep the other reports from being
        // written.
        LOG.warn("policyreport {}/{}: {}", e.getKey(), PolicyReports.NAME, ex.getMessage());
      }
    }
    for (PolicyReport stale : existing.values()) {
      if (!desired.containsKey(stale.getMetadata().getNamespace())) {
        managed.resource(stale).delete();
      }
    }
  }

  private void writeCluster(List<PolicyReportResult> desired) {
    ClusterPolicyReport existing =
        managed.resources(ClusterPolicyReport.class).withName(PolicyReports.NAME).get();
    if (desired == null) {
      if (existing != null) {
        managed.resource(existing).delete();
      }
      return;
    }
    ClusterPolicyReport report = new ClusterPolicyReport();
    report.setMetadata(meta(null));
    apply(report, desired, existing);
  }

  private static ObjectMeta meta(String namespace) {
    return new ObjectMetaBuilder()
        .withName(PolicyReports.NAME)
        .withNamespace(namespace)
        .addToLabels(PolicyReports.LABEL_MANAGED_BY, PolicyReports.MANAGED_BY)
        .build();
  }

  /** Writes the report when its results differ from the existing one's (timestamps kept). */
  private <R extends Report> void apply(R report, List<PolicyReportResult> results, R existing) {
    if (existing != null) {
      PolicyReports.keepTimestamps(results, existing.getResults());
    }
    report.setResults(results);
    if (existing != null && tree(existing.getResults()).equals(tree(results))) { // key order aside
      return;
    }
    managed.resource(report).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  private static JsonNode tree(Object value) {
    return Serialization.jsonMapper().valueToTree(value);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
