package io.ocmj.bench;

import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.ocmj.api.DaemonThreads;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * fabric8's JDK HTTP client with one executor for every client of the JVM (found through
 * ServiceLoader, ahead of fabric8's own factory). A simulated fleet runs four or five clients per
 * cluster in one JVM; each would keep its own pool of response threads, and a machine allows only
 * so many threads (Linux's pid_max, 32,768 here, counts threads): 1,000 clusters of them do not
 * fit. On a real cluster each agent runs in its own process and this does not arise. Clients keep
 * their own connections, TLS identities and selector thread (and each KubernetesClient its own task
 * executor for watch and informer callbacks); only the threads that run the HTTP clients' response
 * callbacks are shared (a cached pool: as many as are busy at once, idle ones end).
 */
public final class SharedExecutorHttpClientFactory extends JdkHttpClientFactory {
  private static final ExecutorService SHARED =
      Executors.newCachedThreadPool(DaemonThreads.numbered("fleet-http-"));

  @Override
  protected HttpClient.Builder createNewHttpClientBuilder() {
    // A plain executor: fabric8 shuts down only its own kind when a client closes.
    return HttpClient.newBuilder().executor(SHARED);
  }

  @Override
  public int priority() {
    return 1; // fabric8's JDK factory has the default, 0
  }
}
