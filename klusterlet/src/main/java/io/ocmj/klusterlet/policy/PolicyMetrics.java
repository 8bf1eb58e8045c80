package io.ocmj.klusterlet.policy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code ocmj_policy_evaluations_total{engine,compliance}} in Micrometer's global registry:
 * ConfigurationPolicy evaluations ({@code engine="configuration"}) and constraint audits ({@code
 * engine="gatekeeper"}) by the compliance they found.
 */
final class PolicyMetrics {
  static final String EVALUATIONS = "ocmj_policy_evaluations_total";

  private PolicyMetrics() {}

  static void evaluated(String engine, String compliance) {
    Counter.builder(EVALUATIONS)
        .description("Policy evaluations on this cluster by engine and the compliance found")
        .tag("engine", engine)
        .tag("compliance", compliance == null || compliance.isEmpty() ? "Unknown" : compliance)
        .register(Metrics.globalRegistry)
        .increment();
  }

  /** The compliance a status message starts with ({@code "NonCompliant; ..."}). */
  static String ofMessage(String message) {
    int semicolon = message == null ? -1 : message.indexOf(';');
    return semicolon <= 0 ? "Unknown" : message.substring(0, semicolon);
  }
}
