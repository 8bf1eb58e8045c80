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
import io.ocmj.api.status.Conditions;
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
    if (decided(csr)) {
      return UpdateControl.noUpdate();
    }
    String name = csr.getMetadata().getName();
    if (csr.getMetadata().getLabels().containsKey(ManagedClusterAddOn.LABEL_ADDON_NAME)) {
      if (!ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT.equals(csr.getSpec().getSignerName())) {
        return UpdateControl.noUpdate(); // another signer's add-on manager decides those
      }
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
                  .withMessage(refusal.get().reason())
                  .build());
      LOG.warn("reconciled csr={} outcome=denied reason=\"{}\"", name, refusal.get().reason());
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
    boolean joined =
        mc.getStatus() != null
            && Conditions.isTrue(mc.getStatus().getConditions(), ManagedCluster.CONDITION_JOINED);
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
