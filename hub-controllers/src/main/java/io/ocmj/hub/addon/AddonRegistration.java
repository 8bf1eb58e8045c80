package io.ocmj.hub.addon;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnStatus;
import io.ocmj.api.addon.v1alpha1.RegistrationConfig;
import io.ocmj.api.addon.v1alpha1.Subject;
import io.ocmj.api.status.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hub credentials of an add-on's agent: the registration ({@code
 * kubernetes.io/kube-apiserver-client}, OCM's default subject) in the ManagedClusterAddOn's status,
 * which the cluster's registration agent turns into a CSR, and the permissions the add-on declared
 * as a Role and RoleBinding {@code open-cluster-management:addon:<name>} in the cluster namespace
 * bound to the add-on's group on that cluster, and nothing more.
 */
final class AddonRegistration {
  static final String AGENT = ManagedClusterAddOn.DEFAULT_AGENT_NAME;

  private AddonRegistration() {}

  static String roleName(String addon) {
    return "open-cluster-management:addon:" + addon;
  }

  /** Sets the registrations and applies the RBAC; the RegistrationApplied condition, if any. */
  static Optional<Condition> apply(
      KubernetesClient client,
      ManagedClusterAddOn mca,
      List<PolicyRule> permissions,
      List<String> clusterRoles,
      List<CustomSigner> signers,
      ManagedClusterAddOnStatus status) {
    String addon = mca.getMetadata().getName();
    String cluster = mca.getMetadata().getNamespace();
    List<RegistrationConfig> registrations = new ArrayList<>();
    for (CustomSigner signer : signers) {
      registrations.add(registration(signer.signerName(), signer.user(), signer.groups()));
    }
    if (permissions.isEmpty() && clusterRoles.isEmpty()) {
      status.setRegistrations(registrations);
      status
          .getConditions()
          .removeIf(c -> ManagedClusterAddOn.CONDITION_REGISTRATION_APPLIED.equals(c.getType()));
      delete(client, mca); // permissions withdrawn: the identity loses them at once
      return signers.isEmpty()
          ? Optional.empty()
          : Optional.of(
              AddonWorks.condition(
                  ManagedClusterAddOn.CONDITION_REGISTRATION_APPLIED,
                  Conditions.TRUE,
                  ManagedClusterAddOn.REASON_SET_PERMISSION_APPLIED,
                  "Registration of the addon agent is configured"));
    }
    registrations.add(
        0,
        registration(
            ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT,
            ManagedClusterAddOn.agentUser(cluster, addon, AGENT),
            ManagedClusterAddOn.agentGroups(cluster, addon)));
    status.setRegistrations(registrations);
    var owner =
        new OwnerReferenceBuilder()
            .withApiVersion(ManagedClusterAddOn.API_VERSION)
            .withKind(ManagedClusterAddOn.KIND)
            .withName(addon)
            .withUid(mca.getMetadata().getUid())
            .build();
    try {
      client
          .resource(
              new RoleBuilder()
                  .withNewMetadata()
                  .withName(roleName(addon))
                  .withNamespace(cluster)
                  .withOwnerReferences(owner)
                  .addToLabels(ManagedClusterAddOn.LABEL_ADDON_NAME, addon)
                  .endMetadata()
                  .withRules(permissions)
                  .build())
          .fieldManager(AddonWorks.FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
      bind(client, mca, owner, roleName(addon), "Role", roleName(addon));
      bindClusterRoles(client, mca, owner, clusterRoles);
    } catch (KubernetesClientException e) {
      return Optional.of(
          AddonWorks.condition(
              ManagedClusterAddOn.CONDITION_REGISTRATION_APPLIED,
              Conditions.FALSE,
              ManagedClusterAddOn.REASON_SET_PERMISSION_FAILED,
              "the add-on's permissions were refused: "
                  + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage())));
    }
    return Optional.of(
        AddonWorks.condition(
            ManagedClusterAddOn.CONDITION_REGISTRATION_APPLIED,
            Conditions.TRUE,
            ManagedClusterAddOn.REASON_SET_PERMISSION_APPLIED,
            "Registration of the addon agent is configured"));
  }

  /** A RoleBinding of one ClusterRole in the cluster namespace; stale ones of the add-on go. */
  private static void bindClusterRoles(
      KubernetesClient client,
      ManagedClusterAddOn mca,
      io.fabric8.kubernetes.api.model.OwnerReference owner,
      List<String> clusterRoles) {
    String addon = mca.getMetadata().getName();
    String cluster = mca.getMetadata().getNamespace();
    java.util.Set<String> wanted = new java.util.HashSet<>();
    for (String clusterRole : clusterRoles) {
      String name = roleName(addon) + ":" + clusterRole;
      wanted.add(name);
      bind(client, mca, owner, name, "ClusterRole", clusterRole);
    }
    for (var binding : clusterRoleBindings(client, mca)) {
      if (!wanted.contains(binding.getMetadata().getName())) {
        client.resource(binding).delete();
      }
    }
  }

  private static RegistrationConfig registration(String signer, String user, List<String> groups) {
    RegistrationConfig registration = new RegistrationConfig();
    registration.setSignerName(signer);
    Subject subject = new Subject();
    subject.setUser(user);
    subject.setGroups(new ArrayList<>(groups));
    registration.setSubject(subject);
    return registration;
  }

  /** A RoleBinding in the cluster namespace of a role to the add-on's group on that cluster. */
  private static void bind(
      KubernetesClient client,
      ManagedClusterAddOn mca,
      io.fabric8.kubernetes.api.model.OwnerReference owner,
      String name,
      String roleKind,
      String role) {
    String addon = mca.getMetadata().getName();
    String cluster = mca.getMetadata().getNamespace();
    client
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(cluster)
                .withOwnerReferences(owner)
                .addToLabels(ManagedClusterAddOn.LABEL_ADDON_NAME, addon)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", roleKind, role)
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Group")
                .withName(ManagedClusterAddOn.agentGroups(cluster, addon).get(0))
                .endSubject()
                .build())
        .fieldManager(AddonWorks.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  /** The add-on's ClusterRole bindings in the cluster namespace (labelled and owned by it). */
  private static List<io.fabric8.kubernetes.api.model.rbac.RoleBinding> clusterRoleBindings(
      KubernetesClient client, ManagedClusterAddOn mca) {
    String uid = mca.getMetadata().getUid();
    return client
        .rbac()
        .roleBindings()
        .inNamespace(mca.getMetadata().getNamespace())
        .withLabel(ManagedClusterAddOn.LABEL_ADDON_NAME, mca.getMetadata().getName())
        .list()
        .getItems()
        .stream()
        .filter(b -> "ClusterRole".equals(b.getRoleRef().getKind()) && owned(b, uid))
        .toList();
  }

  /** Removes the add-on's Role and RoleBindings from the cluster namespace, if this add-on's. */
  static void delete(KubernetesClient client, ManagedClusterAddOn mca) {
    for (var binding : clusterRoleBindings(client, mca)) {
      client.resource(binding).delete();
    }
    String cluster = mca.getMetadata().getNamespace();
    String name = roleName(mca.getMetadata().getName());
    String uid = mca.getMetadata().getUid();
    var binding = client.rbac().roleBindings().inNamespace(cluster).withName(name).get();
    if (binding != null && owned(binding, uid)) {
      client.resource(binding).delete();
    }
    var role = client.rbac().roles().inNamespace(cluster).withName(name).get();
    if (role != null && owned(role, uid)) {
      client.resource(role).delete();
    }
  }

  private static boolean owned(io.fabric8.kubernetes.api.model.HasMetadata o, String uid) {
    return o.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()));
  }
}
