package io.ocmj.testing;

/** Renders a kubeconfig with one cluster, one certificate user and one context. */
public final class Kubeconfig {
  private Kubeconfig() {}

  /** A kubeconfig YAML whose credentials are inline ({@code *-data}) PEM. */
  public static String render(
      String name, String serverUrl, String caPem, String clientCertPem, String clientKeyPem) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
            certificate-authority-data: %3$s
        users:
        - name: %1$s-admin
          user:
            client-certificate-data: %4$s
            client-key-data: %5$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s-admin
        current-context: %1$s
        """
        .formatted(
            name,
            serverUrl,
            Pem.base64(caPem),
            Pem.base64(clientCertPem),
            Pem.base64(clientKeyPem));
  }
}
