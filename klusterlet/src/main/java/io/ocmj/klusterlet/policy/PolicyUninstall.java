package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.klusterlet.registration.HubKubeconfigSecret;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the policy add-on leaves when it is disabled for its cluster, as OCM's policy add-ons do on
 * uninstall: the cluster's Policy copies go (with the Gatekeeper objects their templates made, as
 * their finalizer would), and the agent's finalizers come off the policies and their
 * ConfigurationPolicies without pruning what an enforced policy created, so that nothing waits for
 * an agent that is no longer there. Its Lease goes too.
 */
final class PolicyUninstall {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyUninstall.class);

  private PolicyUninstall() {}

  /**
   * Cleans up when the add-on's credentials are gone and the hub, asked with the cluster's own
   * identity, says the add-on is no longer enabled for the cluster (a deleted Secret alone proves
   * nothing: anyone who may write in the shared add-on namespace can delete it, and it is also
   * deleted to force new credentials). Cheap, and done again at every check, while anything of the
   * agent's is left: so an uninstall that failed, or that a restart interrupted, is finished later.
   */
  static void ifDisabled(KubernetesClient managed, PolicyAgentConfig config) {
    String ns = config.clusterName();
    boolean leftovers =
        !managed
                .resources(Policy.class)
                .inNamespace(ns)
                .list(new ListOptionsBuilder().withLimit(1L).build())
                .getItems()
                .isEmpty()
            || managed
                    .leases()
                    .inNamespace(config.agentNamespace())
                    .withName(Policy.ADDON_NAME)
                    .get()
                != null;
    if (leftovers && disabledOnHub(managed, config)) {
      run(managed, config);
    }
  }

  private static boolean disabledOnHub(KubernetesClient managed, PolicyAgentConfig config) {
    Secret own =
        managed
            .secrets()
            .inNamespace(config.klusterletNamespace())
            .withName(HubKubeconfigSecret.NAME)
            .get();
    HubKubeconfigSecret identity = own == null ? null : HubKubeconfigSecret.from(own);
    if (identity == null || identity.kubeconfig() == null) {
      return false;
    }
    try (KubernetesClient hub =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(identity.kubeconfig()))
            .build()) {
      return hub.resources(ManagedClusterAddOn.class)
              .inNamespace(config.clusterName())
              .withName(Policy.ADDON_NAME)
              .get()
          == null;
    } catch (RuntimeException e) { // unsure: keep everything
      LOG.warn(
          "cluster {}: cannot ask the hub whether the policy add-on is disabled: {}",
          config.clusterName(),
          e.toString());
      return false;
    }
  }

  static void run(KubernetesClient managed, PolicyAgentConfig config) {
    String ns = config.clusterName();
    TemplateSync templates = new TemplateSync(managed, ns);
    for (Policy policy : managed.resources(Policy.class).inNamespace(ns).list().getItems()) {
      try {
        templates.removeGatekeeper(policy);
      } catch (RuntimeException e) {
        LOG.warn(
            "cluster {}: policy {}: Gatekeeper objects left behind: {}",
            ns,
            policy.getMetadata().getName(),
            e.getMessage());
      }
      unfinalize(managed, policy, ManagedPolicyReconciler.FINALIZER_TEMPLATE_CLEANUP);
      managed.resource(policy).delete();
    }
    for (ConfigurationPolicy policy :
        managed.resources(ConfigurationPolicy.class).inNamespace(ns).list().getItems()) {
      unfinalize(managed, policy, ConfigurationPolicy.FINALIZER_PRUNE);
    }
    managed.leases().inNamespace(config.agentNamespace()).withName(Policy.ADDON_NAME).delete();
    LOG.info("cluster {}: policy add-on disabled; its policies removed", ns);
  }

  private static <T extends HasMetadata> void unfinalize(
      KubernetesClient managed, T object, String finalizer) {
    List<String> finalizers = object.getMetadata().getFinalizers();
    if (finalizers == null || !finalizers.contains(finalizer)) {
      return;
    }
    try {
      managed
          .resource(object)
          .edit(
              o -> {
                o.getMetadata().getFinalizers().remove(finalizer);
                return o;
              });
    } catch (RuntimeException e) { // gone meanwhile, or changed: its own agent is gone anyway
      LOG.warn(
          "{} {}/{}: finalizer {} not removed: {}",
          object.getKind(),
          object.getMetadata().getNamespace(),
          object.getMetadata().getName(),
          finalizer,
          e.getMessage());
    }
  }
}
