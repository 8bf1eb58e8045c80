package io.ocmj.hub.registration;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the hub approves a cluster agent's client-certificate request: a pure function of what
 * the CSR asks for and whether the cluster it names is accepted. A request is approved only when
 * every part names the same cluster, so no cluster can obtain another cluster's identity.
 */
public final class CsrDecision {
  /** The signer of agent client certificates. */
  public static final String SIGNER = "kubernetes.io/kube-apiserver-client";

  /** Label a cluster agent puts on its CSRs. */
  public static final String LABEL_CLUSTER_NAME = "open-cluster-management.io/cluster-name";

  static final Set<String> ALLOWED_USAGES =
      Set.of("client auth", "digital signature", "key encipherment");

  private CsrDecision() {}

  /** What a CSR asks for, read from its spec, labels and PKCS#10 request. */
  public record Request(
      String name,
      String signerName,
      String clusterLabel,
      List<String> usages,
      String subjectCommonName,
      List<String> subjectOrganizations,
      String requestingUser) {}

  /**
   * The outcome: approve, or not with the reason (for logs). {@code retry} says whether the answer
   * can change later (the cluster may be accepted) or is final for this request.
   */
  public record Outcome(boolean approve, boolean retry, String reason) {
    static Outcome approve(String reason) {
      return new Outcome(true, false, reason);
    }

    static Outcome waitFor(String reason) {
      return new Outcome(false, true, reason);
    }

    static Outcome refuse(String reason) {
      return new Outcome(false, false, reason);
    }
  }

  /** What the hub knows about the cluster a request names. */
  public record ClusterState(boolean exists, boolean accepted, boolean joined) {}

  /**
   * Decides on a request. A renewal (asked by the very identity it renews) is approved while the
   * cluster is accepted; a first request (asked by a bootstrap identity) only while the cluster is
   * accepted and has not joined yet, so a leaked bootstrap credential cannot take over the identity
   * of a cluster that already joined: re-bootstrapping then needs {@code ocmj accept} again.
   */
  public static Outcome decide(Request r, ClusterState cluster) {
    Optional<String> invalid = invalidShape(r);
    if (invalid.isPresent()) {
      return Outcome.refuse(invalid.get());
    }
    String name = r.clusterLabel();
    if (!cluster.exists() || !cluster.accepted()) {
      return Outcome.waitFor(
          "cluster " + name + " is not accepted (spec.hubAcceptsClient is not true)");
    }
    if (r.subjectCommonName().equals(r.requestingUser())) {
      return Outcome.approve("renewal by the agent " + r.requestingUser() + " itself");
    }
    if (ClusterIdentity.clusterOfUser(r.requestingUser()).isPresent()) {
      return Outcome.refuse(
          "requested by " + r.requestingUser() + " for the identity " + r.subjectCommonName());
    }
    if (cluster.joined()) {
      return Outcome.refuse(
          "cluster " + name + " already joined; a new bootstrap request needs an admin's approval");
    }
    return Outcome.approve("cluster " + name + " is accepted");
  }

  private static Optional<String> invalidShape(Request r) {
    if (!SIGNER.equals(r.signerName())) {
      return Optional.of("signer is " + r.signerName() + ", not " + SIGNER);
    }
    String cluster = r.clusterLabel();
    if (cluster == null || cluster.isBlank()) {
      return Optional.of("label " + LABEL_CLUSTER_NAME + " is missing");
    }
    if (ClusterIdentity.group(cluster).equals(ClusterIdentity.MANAGED_CLUSTERS_GROUP)) {
      // Its agents' group would be the one every cluster's agent is in.
      return Optional.of("cluster name " + cluster + " is reserved");
    }
    Optional<String> cnCluster = ClusterIdentity.clusterOfUser(r.subjectCommonName());
    if (cnCluster.isEmpty()) {
      return Optional.of(
          "subject CN "
              + r.subjectCommonName()
              + " is not "
              + ClusterIdentity.PREFIX
              + "<cluster>:<agent>");
    }
    if (!cnCluster.get().equals(cluster)) {
      return Optional.of(
          "subject CN names cluster " + cnCluster.get() + " but the CSR is labelled " + cluster);
    }
    Set<String> orgs = new HashSet<>(r.subjectOrganizations());
    orgs.remove(ClusterIdentity.MANAGED_CLUSTERS_GROUP);
    if (!orgs.equals(Set.of(ClusterIdentity.group(cluster)))) {
      return Optional.of(
          "subject O "
              + r.subjectOrganizations()
              + " must be exactly ["
              + ClusterIdentity.group(cluster)
              + "]");
    }
    if (!r.usages().contains("client auth") || !ALLOWED_USAGES.containsAll(r.usages())) {
      return Optional.of(
          "usages "
              + r.usages()
              + " must include client auth and nothing beyond "
              + ALLOWED_USAGES);
    }
    return Optional.empty();
  }
}
