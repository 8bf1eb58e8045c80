package io.ocmj.klusterlet.status;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;

/**
 * The JOSDK operators of the agents on a managed cluster. An agent reconciles one cluster's
 * objects: a few threads are plenty. JOSDK's defaults (fixed pools of 50 reconcile and 50 workflow
 * threads per operator, kept once started) grew an agent's three operators to about 35 idle
 * threads, 1,000 clusters of them to 35,000 (docs/benchmarks.md, fleet scale).
 */
public final class AgentOperators {
  /** Reconciles at once per operator. */
  public static final int RECONCILE_THREADS = 4;

  private AgentOperators() {}

  /** An operator on {@code client} that leaves the client open when it stops. */
  public static Operator create(KubernetesClient client, Metrics metrics) {
    return new Operator(
        o ->
            o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withMetrics(metrics)
                .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                .withConcurrentWorkflowExecutorThreads(1));
  }
}
