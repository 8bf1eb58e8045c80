package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The identity agents join with, as clusteradm makes it: ServiceAccount {@code cluster-bootstrap}
 * in {@code open-cluster-management}, bound to the bootstrap role (create its ManagedCluster and
 * CSRs, nothing else), and a kubeconfig with a time-limited token for it.
 */
public final class BootstrapIdentity {
  public static final String NAMESPACE = "open-cluster-management";
  public static final String SERVICE_ACCOUNT = "cluster-bootstrap";
  private static final String FIELD_MANAGER = "ocmj-hub";

  private BootstrapIdentity() {}

  /**
   * Ensures the ServiceAccount and its binding exist and returns a bootstrap kubeconfig for the hub
   * at {@code serverUrl}, trusting {@code caPem}, with a token valid for {@code validity}.
   */
  public static String kubeconfig(
      KubernetesClient hub, String serverUrl, String caPem, Duration validity) {
    hub.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
    hub.resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(SERVICE_ACCOUNT)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .build())
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
    hub.resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(ClusterRbac.BOOTSTRAP_ROLE + ":agent-registration")
                .endMetadata()
                .withNewRoleRef(
                    "rbac.authorization.k8s.io", "ClusterRole", ClusterRbac.BOOTSTRAP_ROLE)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(SERVICE_ACCOUNT)
                .withNamespace(NAMESPACE)
                .endSubject()
                .build())
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
    String token =
        hub.serviceAccounts()
            .inNamespace(NAMESPACE)
            .withName(SERVICE_ACCOUNT)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(validity.toSeconds())
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    return Serialization.asYaml(
        new ConfigBuilder()
            .withApiVersion("v1")
            .withKind("Config")
            .addNewCluster()
            .withName("hub")
            .withNewCluster()
            .withServer(serverUrl)
            .withCertificateAuthorityData(
                Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)))
            .endCluster()
            .endCluster()
            .addNewUser()
            .withName("bootstrap")
            .withNewUser()
            .withToken(token)
            .endUser()
            .endUser()
            .addNewContext()
            .withName("bootstrap")
            .withNewContext()
            .withCluster("hub")
            .withUser("bootstrap")
            .endContext()
            .endContext()
            .withCurrentContext("bootstrap")
            .build());
  }
}
