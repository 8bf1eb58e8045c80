package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.hub.registration.CsrDecision.ClusterState;
import io.ocmj.hub.registration.CsrDecision.Outcome;
import io.ocmj.hub.registration.CsrDecision.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approves the client-certificate requests of cluster agents when {@link CsrDecision} says so. A
 * pending request is looked at again when its ManagedCluster changes (an admin accepts it), and
 * every {@link #RECHECK} as a safety net. Only CSRs labelled with a cluster name are watched.
 */
@ControllerConfiguration(
    name = "csr-approval",
    informer = @Informer(labelSelector = CsrDecision.LABEL_CLUSTER_NAME))
public final class CsrApprovalReconciler implements Reconciler<CertificateSigningRequest> {
  /** A safety net only: a change of the ManagedCluster (acceptance) re-checks its CSRs at once. */
  static final Duration RECHECK = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(CsrApprovalReconciler.class);

  private final io.ocmj.hub.addon.AddonSigners signers;

  /**
   * @param signers the add-ons' custom signers, which the hub signs for
   */
  public CsrApprovalReconciler(io.ocmj.hub.addon.AddonSigners signers) {
    this.signers = signers;
  }

  /** Accepting a cluster re-checks its pending CSRs (those labelled with its name) right away. */
  @Override
  public List<EventSource<?, CertificateSigningRequest>> prepareEventSources(
      EventSourceContext<CertificateSigningRequest> context) {
    InformerEventSourceConfiguration<ManagedCluster> clusters =
        InformerEventSourceConfiguration.from(ManagedCluster.class, CertificateSigningRequest.class)
            .withSecondaryToPrimaryMapper(
                cluster ->
                    context
                        .getPrimaryCache()
                        .list(csr -> cluster.getMetadata().getName().equals(clusterLabel(csr)))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return List.of(new InformerEventSource<>(clusters, context));
  }

  private static String clusterLabel(CertificateSigningRequest csr) {
    Map<String, String> labels = csr.getMetadata().getLabels();
    return labels == null ? null : labels.get(CsrDecision.LABEL_CLUSTER_NAME);
  }

  @Override
  public UpdateControl<CertificateSigningRequest> reconcile(
      CertificateSigningRequest csr, Context<CertificateSigningRequest> context) {
    boolean custom =
        csr.getMetadata().getLabels().containsKey(ManagedClusterAddOn.LABEL_ADDON_NAME)
            && !ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT.equals(
                csr.getSpec().getSignerName());
    if (custom) {
      return customSigned(csr, context.getClient());
    }
    if (decided(csr)) {
      return UpdateControl.noUpdate();
    }
    String name = csr.getMetadata().getName();
    if (csr.getMetadata().getLabels().containsKey(ManagedClusterAddOn.LABEL_ADDON_NAME)) {
      return addon(csr, context.getClient());
    }
    Request request;
    try {
      request = CsrRequests.read(csr);
    } catch (CsrRequests.InvalidCsrException e) {
      LOG.warn("reconciled csr={} outcome=ignored reason=\"{}\"", name, e.getMessage());
      return UpdateControl.noUpdate(); // permanent: a new CSR is needed
    }
    KubernetesClient client = context.getClient();
    Outcome outcome = CsrDecision.decide(request, clusterState(client, request.clusterLabel()));
    if (outcome.approve()) {
      approve(
          client,
          name,
          "Auto approving Managed cluster agent certificate after SubjectAccessReview.");
      LOG.info("reconciled csr={} outcome=approved reason=\"{}\"", name, outcome.reason());
      return UpdateControl.noUpdate();
    }
    if (!outcome.retry()) {
      LOG.warn("reconciled csr={} outcome=refused reason=\"{}\"", name, outcome.reason());
      return UpdateControl.noUpdate();
    }
    LOG.info("reconciled csr={} outcome=pending reason=\"{}\"", name, outcome.reason());
    return UpdateControl.<CertificateSigningRequest>noUpdate().rescheduleAfter(RECHECK);
  }

  /** An add-on agent's request: approved when {@link AddonCsrDecision} finds nothing wrong. */
  private UpdateControl<CertificateSigningRequest> addon(
      CertificateSigningRequest csr, KubernetesClient client) {
    String name = csr.getMetadata().getName();
    java.util.Optional<AddonCsrDecision.Refusal> refusal;
    try {
      refusal = AddonCsrDecision.refusal(client, csr);
    } catch (CsrRequests.InvalidCsrException e) {
      refusal = java.util.Optional.of(new AddonCsrDecision.Refusal(e.getMessage(), true));
    }
    if (refusal.isPresent() && refusal.get().permanent()) {
      deny(client, name, refusal.get().reason());
      return UpdateControl.noUpdate();
    }
    if (refusal.isPresent()) {
      LOG.info("reconciled csr={} outcome=pending reason=\"{}\"", name, refusal.get().reason());
      return UpdateControl.<CertificateSigningRequest>noUpdate().rescheduleAfter(RECHECK);
    }
    approve(client, name, "Auto approving the add-on agent's certificate.");
    LOG.info("reconciled csr={} outcome=approved reason=\"add-on registration\"", name);
    return UpdateControl.noUpdate();
  }

  /**
   * An add-on agent's request to one of its custom signers: approved and signed by the hub when
   * {@link AddonCsrDecision#custom} finds the signer recorded and nothing wrong; left alone when
   * the hub signs nothing of that name for the add-on.
   */
  private UpdateControl<CertificateSigningRequest> customSigned(
      CertificateSigningRequest csr, KubernetesClient client) {
    String name = csr.getMetadata().getName();
    boolean denied =
        csr.getStatus() != null
            && csr.getStatus().getConditions() != null
            && csr.getStatus().getConditions().stream()
                .anyMatch(c -> List.of("Denied", "Failed").contains(c.getType()));
    boolean signed =
        csr.getStatus() != null
            && csr.getStatus().getCertificate() != null
            && !csr.getStatus().getCertificate().isEmpty();
    if (denied || signed) {
      return UpdateControl.noUpdate();
    }
    java.util.Optional<AddonCsrDecision.Custom> decision;
    try {
      decision = AddonCsrDecision.custom(client, csr, signers);
    } catch (CsrRequests.InvalidCsrException e) {
      deny(client, name, e.getMessage());
      return UpdateControl.noUpdate();
    }
    if (decision.isEmpty()) {
      return UpdateControl.noUpdate(); // another signer's manager decides those
    }
    java.util.Optional<AddonCsrDecision.Refusal> refusal = decision.get().refusal();
    if (refusal.isPresent() && refusal.get().permanent() && !decided(csr)) {
      deny(client, name, refusal.get().reason());
      return UpdateControl.noUpdate();
    }
    if (refusal.isPresent()) {
      LOG.info("reconciled csr={} outcome=pending reason=\"{}\"", name, refusal.get().reason());
      return UpdateControl.<CertificateSigningRequest>noUpdate().rescheduleAfter(RECHECK);
    }
    String certificate;
    try {
      certificate =
          AddonSigning.sign(
              CsrRequests.parse(name, csr.getSpec().getRequest()),
              AddonSigning.ca(client, decision.get().signer()),
              csr.getSpec().getExpirationSeconds(),
              java.time.Instant.now());
    } catch (CsrRequests.InvalidCsrException e) {
      deny(client, name, e.getMessage());
      return UpdateControl.noUpdate();
    } catch (RuntimeException e) { // the CA went missing or cannot sign: the add-on says so
      LOG.warn("reconciled csr={} outcome=pending reason=\"{}\"", name, e.getMessage());
      return UpdateControl.<CertificateSigningRequest>noUpdate().rescheduleAfter(RECHECK);
    }
    if (!decided(csr)) {
      approve(client, name, "Auto approving the add-on agent's certificate for its signer.");
    }
    client
        .certificates()
        .v1()
        .certificateSigningRequests()
        .withName(name)
        .editStatus(
            c -> {
              c.getStatus()
                  .setCertificate(
                      java.util.Base64.getEncoder()
                          .encodeToString(
                              certificate.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
              return c;
            });
    LOG.info(
        "reconciled csr={} outcome=signed signer={}", name, decision.get().signer().signerName());
    return UpdateControl.noUpdate();
  }

  private static void deny(KubernetesClient client, String name, String reason) {
    client
        .certificates()
        .v1()
        .certificateSigningRequests()
        .withName(name)
        .deny(
            new CertificateSigningRequestConditionBuilder()
                .withType("Denied")
                .withStatus("True")
                .withReason("AddonIdentityMismatch")
                .withMessage(reason)
                .build());
    LOG.warn("reconciled csr={} outcome=denied reason=\"{}\"", name, reason);
  }

  private static void approve(KubernetesClient client, String name, String message) {
    client
        .certificates()
        .v1()
        .certificateSigningRequests()
        .withName(name)
        .approve(
            new CertificateSigningRequestConditionBuilder()
                .withType("Approved")
                .withStatus("True")
                .withReason("AutoApprovedByHubCSRApprovingController")
                .withMessage(message)
                .build());
  }

  private static ClusterState clusterState(KubernetesClient client, String cluster) {
    if (cluster == null || cluster.isBlank()) {
      return new ClusterState(false, false, false);
    }
    ManagedCluster mc = client.resources(ManagedCluster.class).withName(cluster).get();
    if (mc == null) {
      return new ClusterState(false, false, false);
    }
    boolean accepted = mc.getSpec() != null && mc.getSpec().isAccepted();
    boolean joined = ManagedCluster.isTrue(mc, ManagedCluster.CONDITION_JOINED);
    return new ClusterState(true, accepted, joined);
  }

  private static boolean decided(CertificateSigningRequest csr) {
    List<CertificateSigningRequestCondition> conditions =
        csr.getStatus() == null ? List.of() : csr.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> List.of("Approved", "Denied", "Failed").contains(c.getType()));
  }
}
