package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.addon.v1alpha1.RegistrationConfig;
import io.ocmj.api.cluster.v1.ManagedCluster;
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

  /** Empty to approve; else why not (final unless the add-on or cluster changes). */
  static Optional<String> refusal(KubernetesClient client, CertificateSigningRequest csr)
      throws CsrRequests.InvalidCsrException {
    Map<String, String> labels = csr.getMetadata().getLabels();
    String cluster = labels.get(CsrDecision.LABEL_CLUSTER_NAME);
    String addon = labels.get(ManagedClusterAddOn.LABEL_ADDON_NAME);
    CsrDecision.Request request = CsrRequests.read(csr);
    if (!ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT.equals(request.signerName())) {
      return Optional.of("signer " + request.signerName() + " is not approved by the hub");
    }
    List<String> requesterGroups =
        csr.getSpec().getGroups() == null ? List.of() : csr.getSpec().getGroups();
    if (!requesterGroups.contains(ClusterIdentity.group(cluster))) {
      return Optional.of(
          "requested by " + request.requestingUser() + ", not by cluster " + cluster + "'s agent");
    }
    ManagedCluster mc = client.resources(ManagedCluster.class).withName(cluster).get();
    if (mc == null || mc.getSpec() == null || !mc.getSpec().isAccepted()) {
      return Optional.of("cluster " + cluster + " is not accepted");
    }
    ManagedClusterAddOn mca =
        client.resources(ManagedClusterAddOn.class).inNamespace(cluster).withName(addon).get();
    if (mca == null || mca.getStatus() == null) {
      return Optional.of("add-on " + addon + " is not enabled on " + cluster);
    }
    for (RegistrationConfig r : mca.getStatus().getRegistrations()) {
      if (ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT.equals(r.getSignerName())
          && r.getSubject() != null
          && r.getSubject().getUser().equals(request.subjectCommonName())
          && sameGroups(r.getSubject().getGroups(), request.subjectOrganizations())) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "subject "
            + request.subjectCommonName()
            + " "
            + request.subjectOrganizations()
            + " is not a registration of add-on "
            + addon
            + " on "
            + cluster);
  }

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
