package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.work.v1.ManifestWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the hub grants one managed cluster's agents, as OCM does: while accepted, a namespace named
 * after the cluster, a per-cluster ClusterRole (its own ManagedCluster and status, CSRs, renewal),
 * and RoleBindings in its namespace to the shared registration and work roles; once denied, only
 * the reduced ClusterRole (read its own ManagedCluster) and no RoleBindings. Pure: no client.
 */
public final class ClusterRbac {
  /** Shared role for the registration agent in a cluster namespace (leases, add-ons, events). */
  public static final String REGISTRATION_ROLE =
      "open-cluster-management:managedcluster:registration";

  /**
   * Shared role for the work and policy agents in a cluster namespace (manifestworks, replicated
   * policies and their status).
   */
  public static final String WORK_ROLE = "open-cluster-management:managedcluster:work";

  private static final String RBAC = "rbac.authorization.k8s.io";

  private ClusterRbac() {}

  /** What to apply for a cluster, and what must not exist (names of RoleBindings to delete). */
  public record Desired(List<HasMetadata> apply, List<String> roleBindingsToDelete) {}

  public static String clusterRoleName(String cluster) {
    return "open-cluster-management:managedcluster:" + cluster;
  }

  public static String registrationBindingName(String cluster) {
    return clusterRoleName(cluster) + ":registration";
  }

  public static String workBindingName(String cluster) {
    return clusterRoleName(cluster) + ":work";
  }

  /** The desired objects for {@code cluster}, accepted or not. */
  public static Desired desired(String cluster, boolean accepted) {
    List<HasMetadata> apply = new ArrayList<>();
    if (accepted) {
      apply.add(namespace(cluster));
    }
    apply.add(clusterRole(cluster, accepted));
    apply.add(clusterRoleBinding(cluster));
    if (accepted) {
      apply.add(roleBinding(cluster, registrationBindingName(cluster), REGISTRATION_ROLE));
      apply.add(roleBinding(cluster, workBindingName(cluster), WORK_ROLE));
      return new Desired(apply, List.of());
    }
    return new Desired(apply, List.of(registrationBindingName(cluster), workBindingName(cluster)));
  }

  /** What a bootstrap identity may do on the hub: create its ManagedCluster and its CSRs. */
  public static final String BOOTSTRAP_ROLE = "open-cluster-management:bootstrap";

  /** The group bootstrap identities are in (token flavour). */
  public static final String BOOTSTRAP_GROUP = "system:bootstrappers:managedcluster";

  /** The bootstrap ClusterRole and its binding to {@link #BOOTSTRAP_GROUP}. */
  public static List<HasMetadata> bootstrapRbac() {
    return List.of(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(BOOTSTRAP_ROLE)
            .endMetadata()
            .withRules(
                rule(
                    "certificates.k8s.io",
                    "certificatesigningrequests",
                    "create",
                    "get",
                    "list",
                    "watch"),
                rule(ManagedCluster.GROUP, "managedclusters", "get", "create", "list", "watch"),
                rule(ManagedCluster.GROUP, "managedclustersets/join", "create"))
            .build(),
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(BOOTSTRAP_ROLE + ":managedcluster")
            .endMetadata()
            .withNewRoleRef(RBAC, "ClusterRole", BOOTSTRAP_ROLE)
            .addNewSubject()
            .withApiGroup(RBAC)
            .withKind("Group")
            .withName(BOOTSTRAP_GROUP)
            .endSubject()
            .build());
  }

  /** The two shared ClusterRoles every accepted cluster's RoleBindings refer to. */
  public static List<ClusterRole> sharedRoles() {
    return List.of(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(REGISTRATION_ROLE)
            .endMetadata()
            .withRules(
                rule("coordination.k8s.io", "leases", "get", "list", "watch", "update"),
                rule(
                    "addon.open-cluster-management.io",
                    "managedclusteraddons",
                    "get",
                    "list",
                    "watch"),
                rule(
                    "addon.open-cluster-management.io",
                    "managedclusteraddons/status",
                    "patch",
                    "update"),
                rule("events.k8s.io", "events", "create", "patch", "update"))
            .build(),
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(WORK_ROLE)
            .endMetadata()
            .withRules(
                rule("", "events", "create", "patch", "update"),
                rule("events.k8s.io", "events", "create", "patch", "update"),
                rule(
                    ManifestWork.GROUP, "manifestworks", "get", "list", "watch", "update", "patch"),
                rule(ManifestWork.GROUP, "manifestworks/status", "patch", "update"),
                // The policy agent (framework add-on in OCM) syncs replicated policies and writes
                // their compliance status back.
                rule(Policy.GROUP, "policies", "get", "list", "watch"),
                rule(Policy.GROUP, "policies/status", "get", "patch", "update"),
                // Compiled ConstraintTemplates (ocmj-rego-<hash>) the hub puts there.
                rule("", "configmaps", "get"))
            .build());
  }

  private static Namespace namespace(String cluster) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(cluster)
        .withLabels(labels(cluster))
        .endMetadata()
        .build();
  }

  private static ClusterRole clusterRole(String cluster, boolean accepted) {
    List<PolicyRule> rules = new ArrayList<>();
    rules.add(
        new PolicyRuleBuilder()
            .withApiGroups(ManagedCluster.GROUP)
            .withResources("managedclusters")
            .withResourceNames(cluster)
            .withVerbs(
                accepted
                    ? List.of("get", "list", "watch", "update")
                    : List.of("get", "list", "watch"))
            .build());
    if (accepted) {
      rules.add(
          new PolicyRuleBuilder()
              .withApiGroups(ManagedCluster.GROUP)
              .withResources("managedclusters/status")
              .withResourceNames(cluster)
              .withVerbs("patch", "update")
              .build());
      rules.add(
          rule(
              "certificates.k8s.io",
              "certificatesigningrequests",
              "create",
              "get",
              "list",
              "watch"));
      rules.add(
          new PolicyRuleBuilder()
              .withApiGroups("register.open-cluster-management.io")
              .withResources("managedclusters/clientcertificates")
              .withVerbs("renew")
              .build());
    }
    return new ClusterRoleBuilder()
        .withNewMetadata()
        .withName(clusterRoleName(cluster))
        .withLabels(labels(cluster))
        .endMetadata()
        .withRules(rules)
        .build();
  }

  private static ClusterRoleBinding clusterRoleBinding(String cluster) {
    return new ClusterRoleBindingBuilder()
        .withNewMetadata()
        .withName(clusterRoleName(cluster))
        .withLabels(labels(cluster))
        .endMetadata()
        .withNewRoleRef(RBAC, "ClusterRole", clusterRoleName(cluster))
        .withSubjects(subjects(cluster))
        .build();
  }

  private static RoleBinding roleBinding(String cluster, String name, String role) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(cluster)
        .withLabels(labels(cluster))
        .endMetadata()
        .withNewRoleRef(RBAC, "ClusterRole", role)
        .withSubjects(subjects(cluster))
        .build();
  }

  private static List<Subject> subjects(String cluster) {
    return List.of(
        new SubjectBuilder()
            .withApiGroup(RBAC)
            .withKind("Group")
            .withName(ClusterIdentity.group(cluster))
            .build(),
        new SubjectBuilder()
            .withApiGroup(RBAC)
            .withKind("Group")
            .withName("open-cluster-management:" + cluster)
            .build());
  }

  /** One RBAC rule: these verbs on one resource of one API group. */
  public static PolicyRule rule(String group, String resource, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withVerbs(verbs)
        .build();
  }

  private static Map<String, String> labels(String cluster) {
    return Map.of(ManagedCluster.LABEL_CLUSTER_NAME, cluster);
  }
}
