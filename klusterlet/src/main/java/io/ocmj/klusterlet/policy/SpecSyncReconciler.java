package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocmj.api.policy.v1.Policy;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spec sync: copies each replicated Policy of the cluster's hub namespace into the same namespace
 * on the managed cluster (labels, annotations, spec), and deletes the managed copy when the hub one
 * goes. Runs on every hub event, deletions included.
 */
@ControllerConfiguration(name = "policy-spec-sync", triggerReconcilerOnAllEvents = true)
final class SpecSyncReconciler implements Reconciler<Policy> {
  static final String FIELD_MANAGER = "ocmj-policy-spec-sync";
  private static final Logger LOG = LoggerFactory.getLogger(SpecSyncReconciler.class);

  private final KubernetesClient managed;
  private final PolicyAgentConfig config;

  SpecSyncReconciler(KubernetesClient managed, PolicyAgentConfig config) {
    this.managed = managed;
    this.config = config;
  }

  @Override
  public UpdateControl<Policy> reconcile(Policy hubPolicy, Context<Policy> context) {
    String name = hubPolicy.getMetadata().getName();
    if (context.isPrimaryResourceDeleted()) {
      managed.resources(Policy.class).inNamespace(config.clusterName()).withName(name).delete();
      LOG.info("cluster {}: policy {} removed from the hub, deleted", config.clusterName(), name);
      return UpdateControl.noUpdate();
    }
    Policy existing =
        managed.resources(Policy.class).inNamespace(config.clusterName()).withName(name).get();
    Policy desired = copy(hubPolicy);
    if (existing != null && same(desired, existing)) {
      return UpdateControl.noUpdate();
    }
    ensureNamespace();
    managed.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    LOG.info("cluster {}: policy {} synced from the hub", config.clusterName(), name);
    return UpdateControl.noUpdate();
  }

  private Policy copy(Policy hubPolicy) {
    Policy copy = new Policy();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(hubPolicy.getMetadata().getName());
    meta.setNamespace(config.clusterName());
    meta.setLabels(hubPolicy.getMetadata().getLabels());
    meta.setAnnotations(hubPolicy.getMetadata().getAnnotations());
    copy.setMetadata(meta);
    copy.setSpec(hubPolicy.getSpec());
    return copy;
  }

  private static boolean same(Policy desired, Policy existing) {
    return Objects.equals(
            KubeClusterView.asMap(desired.getSpec()), KubeClusterView.asMap(existing.getSpec()))
        && Objects.equals(desired.getMetadata().getLabels(), existing.getMetadata().getLabels())
        && Objects.equals(
            desired.getMetadata().getAnnotations(), existing.getMetadata().getAnnotations());
  }

  private void ensureNamespace() {
    if (managed.namespaces().withName(config.clusterName()).get() == null) {
      managed
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(config.clusterName())
                  .endMetadata()
                  .build())
          .fieldManager(FIELD_MANAGER)
          .serverSideApply();
    }
  }
}
