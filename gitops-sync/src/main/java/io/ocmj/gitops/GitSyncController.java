package io.ocmj.gitops;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.nio.file.Path;
import java.time.Clock;

/** Runs the GitSync controller on the hub; Git caches go under {@code cacheDir}. */
public final class GitSyncController implements AutoCloseable {
  private final Operator operator;

  private GitSyncController(Operator operator) {
    this.operator = operator;
  }

  public static GitSyncController start(KubernetesClient client, Path cacheDir, Clock clock) {
    Operator operator =
        new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
    operator.register(new GitSyncReconciler(new GitFetcher(cacheDir), clock));
    operator.start();
    return new GitSyncController(operator);
  }

  @Override
  public void close() {
    operator.stop();
  }
}
