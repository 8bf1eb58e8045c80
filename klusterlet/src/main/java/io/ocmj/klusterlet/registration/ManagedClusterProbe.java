package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** Whether the managed cluster's API server is healthy: {@code /livez}, else {@code /healthz}. */
final class ManagedClusterProbe {
  private ManagedClusterProbe() {}

  static boolean livez(KubernetesClient managed) {
    int code = get(managed, "livez");
    if (code == 404 || code == 403) {
      code = get(managed, "healthz");
    }
    return code == 200;
  }

  private static int get(KubernetesClient managed, String path) {
    HttpClient http = managed.getHttpClient();
    try {
      HttpResponse<String> response =
          http.sendAsync(
                  http.newHttpRequestBuilder().uri(managed.getMasterUrl() + path).build(),
                  String.class)
              .get(10, TimeUnit.SECONDS);
      return response.code();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }
}
