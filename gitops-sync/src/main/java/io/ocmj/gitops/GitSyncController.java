package io.ocmj.gitops;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.ocmj.gitops.reports.ComplianceReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

/** Runs the GitSync controller on the hub; Git caches go under {@code cacheDir}. */
public final class GitSyncController implements AutoCloseable {
  /** The Lease of the GitSync controller's leader. */
  public static final String LEASE = "ocmj-gitsync";

  private final Operator operator;
  private final WebhookReceiver receiver;

  private GitSyncController(Operator operator, WebhookReceiver receiver) {
    this.operator = operator;
    this.receiver = receiver;
  }

  /** The controller without a webhook receiver. */
  public static GitSyncController start(KubernetesClient client, Path cacheDir, Clock clock) {
    try {
      return start(client, cacheDir, clock, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The controller and, when {@code webhook} is given, the webhook receiver on that address. */
  public static GitSyncController start(
      KubernetesClient client, Path cacheDir, Clock clock, InetSocketAddress webhook)
      throws IOException {
    return start(client, cacheDir, clock, webhook, Metrics.NOOP, null, true);
  }

  /**
   * As above, with the operator's reconciles recorded by {@code metrics}, and, when {@code
   * leaderElection} is given, reconciling only while holding its Lease (named {@link #LEASE} by the
   * hub); {@code file://} repositories only if {@code allowFileUrls} (the shorter forms allow them:
   * they serve tests and a local dev environment).
   */
  public static GitSyncController start(
      KubernetesClient client,
      Path cacheDir,
      Clock clock,
      InetSocketAddress webhook,
      Metrics metrics,
      LeaderElectionConfiguration leaderElection,
      boolean allowFileUrls)
      throws IOException {
    WebhookRoutes routes = new WebhookRoutes();
    WebhookReceiver receiver =
        webhook == null ? null : WebhookReceiver.start(webhook, routes, client, clock);
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client).withCloseClientOnStop(false).withMetrics(metrics);
              if (leaderElection != null) {
                o.withLeaderElectionConfiguration(leaderElection);
              }
            });
    operator.register(
        new GitSyncReconciler(new GitFetcher(cacheDir, allowFileUrls), clock, routes));
    operator.register(new ComplianceReporter(cacheDir, clock, allowFileUrls));
    operator.start();
    return new GitSyncController(operator, receiver);
  }

  /** The webhook receiver's port (to build its URL), if it runs. */
  public java.util.OptionalInt webhookPort() {
    return receiver == null
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(receiver.port());
  }

  /** Whether the controllers run and every informer they read from is healthy (for /readyz). */
  public boolean ready() {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  @Override
  public void close() {
    operator.stop();
    if (receiver != null) {
      receiver.close();
    }
  }
}
