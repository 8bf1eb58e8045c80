package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.klusterlet.registration.AddonIdentity;
import io.ocmj.klusterlet.registration.AddonLease;
import io.ocmj.klusterlet.registration.AgentCrds;
import io.ocmj.klusterlet.registration.HubSession;
import io.ocmj.klusterlet.status.AgentOperators;

/**
 * The policy agent of one managed cluster: spec sync against the hub, template sync, the
 * ConfigurationPolicy engine and status sync against the managed cluster. It runs with the hub
 * identity its config names, and restarts when that changes: as the {@value Policy#ADDON_NAME}
 * add-on ({@link PolicyAgentConfig#addon}) with the add-on's own credentials, renewing the add-on's
 * Lease while it runs; in tests and benchmarks also with the registration agent's identity.
 */
public final class PolicyAgent implements AutoCloseable {
  public static final String POLICIES_CRD = "policies.policy.open-cluster-management.io";
  public static final String CONFIGURATION_POLICIES_CRD =
      "configurationpolicies.policy.open-cluster-management.io";
  public static final String CONSTRAINT_TEMPLATES_CRD =
      "constrainttemplates.templates.gatekeeper.sh";
  public static final String POLICY_REPORTS_CRD = "policyreports.wgpolicyk8s.io";
  public static final String CLUSTER_POLICY_REPORTS_CRD = "clusterpolicyreports.wgpolicyk8s.io";

  private final PolicyAgentConfig config;
  private final KubernetesClient managed;
  private final HubSession session;
  private volatile Metrics metrics = Metrics.NOOP;

  /** Records the agent's reconciles with {@code metrics} (call before {@link #start()}). */
  public PolicyAgent withMetrics(Metrics metrics) {
    this.metrics = metrics;
    return this;
  }

  public PolicyAgent(PolicyAgentConfig config, KubernetesClient managed) {
    this.config = config;
    this.managed = managed;
    this.session =
        config.asAddon()
            ? new HubSession(
                "policy-agent-" + config.clusterName(),
                config.agentNamespace(),
                config.identitySecret(),
                managed,
                this::startOn,
                AddonIdentity.reader(
                    managed, config.klusterletNamespace(), config.clusterName(), Policy.ADDON_NAME),
                () -> PolicyUninstall.ifDisabled(managed, config))
            : new HubSession(
                "policy-agent-" + config.clusterName(),
                config.agentNamespace(),
                managed,
                this::startOn);
  }

  /**
   * Installs the Policy, ConfigurationPolicy and ConstraintTemplate CRDs (and the PolicyReport ones
   * unless present) and follows the agent's hub identity.
   */
  public PolicyAgent start() {
    AgentCrds.install(managed, SpecSyncReconciler.FIELD_MANAGER, POLICIES_CRD);
    AgentCrds.install(managed, SpecSyncReconciler.FIELD_MANAGER, CONFIGURATION_POLICIES_CRD);
    AgentCrds.install(managed, SpecSyncReconciler.FIELD_MANAGER, CONSTRAINT_TEMPLATES_CRD);
    AgentCrds.installIfAbsent(managed, SpecSyncReconciler.FIELD_MANAGER, POLICY_REPORTS_CRD);
    AgentCrds.installIfAbsent(
        managed, SpecSyncReconciler.FIELD_MANAGER, CLUSTER_POLICY_REPORTS_CRD);
    session.start();
    return this;
  }

  /** Why the hub identity found is not used (an add-on's refused credentials), or null. */
  public String identityProblem() {
    return session.problem();
  }

  /** Whether the agent runs (the cluster joined and the hub answered). */
  public boolean running() {
    return session.running();
  }

  private AutoCloseable startOn(KubernetesClient hub, String hubUrl) {
    String ns = config.clusterName();
    Operator onHub = AgentOperators.create(hub, metrics);
    onHub.register(new SpecSyncReconciler(managed, config), o -> o.settingNamespaces(ns));
    PolicyReportWriter reports = new PolicyReportWriter(managed, config);
    Operator onCluster = AgentOperators.create(managed, metrics);
    onCluster.register(
        new ManagedPolicyReconciler(managed, hub, config, reports), o -> o.settingNamespaces(ns));
    onCluster.register(
        new ConfigurationPolicyReconciler(managed, config, reports), o -> o.settingNamespaces(ns));
    // ConstraintTemplates are cluster-scoped: this cluster's are the ones labelled with its name.
    onCluster.register(
        new ConstraintAuditor(managed, hub, config, reports),
        o -> o.withLabelSelector(Policy.LABEL_CLUSTER_NAME + "=" + ns));
    try {
      onCluster.start();
      onHub.start();
    } catch (RuntimeException e) { // e.g. the hub refused the identity: nothing may keep running
      stopQuietly(onHub::stop);
      stopQuietly(onCluster::stop);
      reports.close();
      throw e;
    }
    AddonLease lease =
        config.asAddon()
            ? AddonLease.start(
                managed,
                config.agentNamespace(),
                Policy.ADDON_NAME,
                SpecSyncReconciler.FIELD_MANAGER,
                config.clock())
            : null;
    return () -> {
      if (lease != null) {
        lease.close();
      }
      onHub.stop();
      onCluster.stop();
      reports.close();
    };
  }

  private static void stopQuietly(Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException e) {
      // stopping what did not start may fail too; the first failure is the one reported
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
