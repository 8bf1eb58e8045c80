package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.hub.addon.AddonSigners;
import io.ocmj.hub.addon.CustomSigner;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether to approve a client-certificate request for an add-on's agent (labelled with the cluster
 * and the add-on, OCM's labels): signer {@code kubernetes.io/kube-apiserver-client}, requested by
 * that cluster's own agent, for exactly the subject the add-on's registration in its
 * ManagedClusterAddOn status names, on an accepted cluster.
 */
final class AddonCsrDecision {
  private AddonCsrDecision() {}

  /** Why a request is refused, and whether that is final (denied) or may change (pending). */
  record Refusal(String reason, boolean permanent) {}

  /**
   * Empty to approve. The subject must be the add-on's identity on the cluster of the CSR's label
   * (OCM's convention, derived here, never read from a status the cluster's agent may write), the
   * request must come from that cluster's agent, the cluster accepted, and the add-on enabled with
   * a registration.
   */
  static Optional<Refusal> refusal(KubernetesClient client, CertificateSigningRequest csr)
      throws CsrRequests.InvalidCsrException {
    Map<String, String> labels = csr.getMetadata().getLabels();
    String cluster = labels.get(CsrDecision.LABEL_CLUSTER_NAME);
    String addon = labels.get(ManagedClusterAddOn.LABEL_ADDON_NAME);
    if (cluster == null || cluster.isBlank() || addon == null || addon.isBlank()) {
      return Optional.of(new Refusal("the cluster and add-on labels must not be empty", true));
    }
    if (ClusterIdentity.group(cluster).equals(ClusterIdentity.MANAGED_CLUSTERS_GROUP)) {
      return Optional.of(new Refusal("cluster name " + cluster + " is reserved", true));
    }
    CsrDecision.Request request = CsrRequests.read(csr);
    Optional<String> wrong =
        subjectProblem(
            cluster,
            addon,
            request,
            csr.getSpec().getGroups() == null ? List.of() : csr.getSpec().getGroups());
    if (wrong.isPresent()) {
      return Optional.of(new Refusal(wrong.get(), true));
    }
    ManagedCluster mc = client.resources(ManagedCluster.class).withName(cluster).get();
    if (mc == null || mc.getSpec() == null || !mc.getSpec().isAccepted()) {
      return Optional.of(new Refusal("cluster " + cluster + " is not accepted", false));
    }
    // The hub's own record that the add-on may have credentials: the Role the manager made for
    // its declared permissions (the add-on's status is writable by the cluster's agent).
    boolean registered =
        client
                .rbac()
                .roles()
                .inNamespace(cluster)
                .withName("open-cluster-management:addon:" + addon)
                .get()
            != null;
    if (!registered) {
      return Optional.of(
          new Refusal("add-on " + addon + " on " + cluster + " has no registration", false));
    }
    return Optional.empty();
  }

  /** What is wrong with the request's signer, requester or subject; empty when nothing. */
  static Optional<String> subjectProblem(
      String cluster, String addon, CsrDecision.Request request, List<String> requesterGroups) {
    if (!ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT.equals(request.signerName())) {
      return Optional.of("signer " + request.signerName() + " is not approved by the hub");
    }
    if (!requesterGroups.contains(ClusterIdentity.group(cluster))) {
      return Optional.of(
          "requested by " + request.requestingUser() + ", not by cluster " + cluster + "'s agent");
    }
    String user =
        ManagedClusterAddOn.agentUser(cluster, addon, ManagedClusterAddOn.DEFAULT_AGENT_NAME);
    if (!user.equals(request.subjectCommonName())
        || !sameGroups(
            ManagedClusterAddOn.agentGroups(cluster, addon), request.subjectOrganizations())) {
      return Optional.of(
          "subject "
              + request.subjectCommonName()
              + " "
              + request.subjectOrganizations()
              + " is not the identity of add-on "
              + addon
              + " on "
              + cluster);
    }
    return Optional.empty();
  }

  /**
   * For a CSR of a custom signer: the add-on's signer of that name on that cluster, as the hub
   * works it out from its own objects ({@link AddonSigners}), and whether to sign for it (empty
   * refusal); no signer when the hub signs nothing of that name for the add-on (another signer's
   * manager may). The subject must be exactly the signer's (CN the user, O the groups, nothing
   * else), the usages client auth (with digital signature, key encipherment), requested by the
   * cluster's own agent, on an accepted cluster, with the add-on enabled.
   */
  static Optional<Custom> custom(
      KubernetesClient client, CertificateSigningRequest csr, AddonSigners signers)
      throws CsrRequests.InvalidCsrException {
    Map<String, String> labels = csr.getMetadata().getLabels();
    String cluster = labels.get(CsrDecision.LABEL_CLUSTER_NAME);
    String addon = labels.get(ManagedClusterAddOn.LABEL_ADDON_NAME);
    if (cluster == null
        || cluster.isBlank()
        || addon == null
        || addon.isBlank()
        || ClusterIdentity.group(cluster).equals(ClusterIdentity.MANAGED_CLUSTERS_GROUP)) {
      return Optional.empty();
    }
    ManagedClusterAddOn mca =
        client.resources(ManagedClusterAddOn.class).inNamespace(cluster).withName(addon).get();
    if (mca == null) {
      return Optional.empty();
    }
    Optional<CustomSigner> signer =
        signers.of(client, mca).stream()
            .filter(x -> x.signerName().equals(csr.getSpec().getSignerName()))
            .findFirst();
    if (signer.isEmpty()) {
      return Optional.empty();
    }
    CsrDecision.Request request = CsrRequests.read(csr);
    List<String> requesterGroups =
        csr.getSpec().getGroups() == null ? List.of() : csr.getSpec().getGroups();
    if (!requesterGroups.contains(ClusterIdentity.group(cluster))) {
      return Optional.of(
          new Custom(
              signer.get(),
              Optional.of(
                  new Refusal(
                      "requested by "
                          + request.requestingUser()
                          + ", not by cluster "
                          + cluster
                          + "'s agent",
                      true))));
    }
    if (!request.usages().contains("client auth")
        || !CsrDecision.ALLOWED_USAGES.containsAll(request.usages())) {
      return Optional.of(
          new Custom(
              signer.get(),
              Optional.of(
                  new Refusal(
                      "usages " + request.usages() + " are not a client certificate's", true))));
    }
    if (!signer.get().user().equals(request.subjectCommonName())
        || !sameGroups(signer.get().groups(), request.subjectOrganizations())) {
      return Optional.of(
          new Custom(
              signer.get(),
              Optional.of(
                  new Refusal(
                      "subject "
                          + request.subjectCommonName()
                          + " "
                          + request.subjectOrganizations()
                          + " is not the one add-on "
                          + addon
                          + " registered for signer "
                          + signer.get().signerName(),
                      true))));
    }
    ManagedCluster mc = client.resources(ManagedCluster.class).withName(cluster).get();
    if (mc == null || mc.getSpec() == null || !mc.getSpec().isAccepted()) {
      return Optional.of(
          new Custom(
              signer.get(),
              Optional.of(new Refusal("cluster " + cluster + " is not accepted", false))));
    }
    return Optional.of(new Custom(signer.get(), Optional.empty()));
  }

  /** A custom signer's decision: the recorded signer, and why not when it is not to be signed. */
  record Custom(CustomSigner signer, Optional<Refusal> refusal) {}

  /**
   * The request's organisations are the registration's groups ({@code system:authenticated} aside).
   */
  private static boolean sameGroups(List<String> registered, List<String> requested) {
    Set<String> a = new HashSet<>(registered);
    Set<String> b = new HashSet<>(requested);
    a.remove("system:authenticated");
    b.remove("system:authenticated");
    return a.equals(b);
  }
}
