package io.ocmj.hub.addon;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.ocmj.api.addon.v1alpha1.HealthCheckMode;
import io.ocmj.api.work.v1.ManifestConfigOption;
import java.util.List;
import java.util.Map;

/**
 * An add-on written in Java: what its agent is on one cluster. The add-on manager finds
 * implementations with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.ocmj.hub.addon.AddonAgent} file in the add-on's jar) or takes them from
 * {@code HubControllers.start(client, clock, config, agents)}; the ClusterManagementAddOn of the
 * same {@link #name()} says where to install it. The manifests become the add-on's ManifestWorks;
 * the work agent applies them.
 */
public interface AddonAgent {
  /** The add-on's name: its ClusterManagementAddOn's and ManagedClusterAddOns' name. */
  String name();

  /**
   * The agent's manifests for one cluster (Kubernetes objects as maps, as they would be written in
   * YAML), given the cluster and the add-on's resolved configuration.
   *
   * @throws IllegalArgumentException when the configuration cannot be used; its message is shown in
   *     the ManagedClusterAddOn's conditions
   */
  List<Map<String, Object>> manifests(AddonContext context);

  /**
   * How the add-on's health is known: {@code Customized} (the default here) takes {@code Available}
   * from its ManifestWorks; {@code Lease} means its agent renews a Lease named after the add-on in
   * its install namespace, which the cluster's registration agent checks.
   */
  default HealthCheckMode healthCheck() {
    return HealthCheckMode.Customized;
  }

  /**
   * What the add-on's agent may do on the hub, in its cluster's namespace there. When not empty,
   * the agent gets hub credentials: the cluster's registration agent requests a client certificate
   * for the add-on's identity (OCM's subject convention) and stores {@code <name>-hub-kubeconfig}
   * in the add-on's install namespace; the hub binds these rules, and nothing else, to that
   * identity.
   */
  default List<PolicyRule> hubPermissions() {
    return List.of();
  }

  /**
   * ClusterRoles bound to the add-on's hub identity in its cluster's namespace, besides {@link
   * #hubPermissions()} (OCM's {@code CurrentCluster} hub permission of an AddOnTemplate). Either
   * gives the agent hub credentials.
   *
   * @throws IllegalArgumentException when the add-on's declaration cannot be used; its message is
   *     shown in the ManagedClusterAddOn's {@code RegistrationApplied} condition
   */
  default List<String> hubClusterRoles() {
    return List.of();
  }

  /**
   * Registrations with signers of the add-on's own (OCM's {@code CustomSigner}): the hub signs the
   * agent's certificates for them with the named CA.
   *
   * @throws IllegalArgumentException when the add-on's declaration cannot be used
   */
  default List<CustomSigner> customSigners() {
    return List.of();
  }

  /**
   * Per-resource options of the add-on's works ({@code manifestConfigs}: status feedback rules,
   * update strategies), as a ManifestWork has them; every work of the add-on gets all of them.
   */
  default List<ManifestConfigOption> manifestConfigs(AddonContext context) {
    return List.of();
  }
}
