package io.ocmj.hub.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1.ManagedClusterSpec;
import io.ocmj.api.cluster.v1.Taint;
import io.ocmj.api.cluster.v1.TaintEffect;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBindingSpec;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.HubCrds;
import io.ocmj.testing.ClusterSet;
import io.ocmj.testing.TestCluster;
import io.ocmj.testing.junit.KubernetesClusters;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OCM's registration webhook checks, enforced by the hub's admission policies on real RBAC: a user
 * who may edit ManagedClusters still needs managedclusters/accept to accept one, managedclustersets
 * /join to move one between sets, and managedclustersets/bind to bind a set.
 */
@KubernetesClusters({"hub"})
class AdmissionPoliciesIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String USER_NS = "platform";
  private static HubControllers controllers;
  private static TestCluster hub;
  private static KubernetesClient editor;

  @BeforeAll
  static void startHub(ClusterSet clusters) {
    hub = clusters.get("hub");
    HubCrds.install(hub.client());
    controllers = HubControllers.start(hub.client(), Clock.systemUTC());
    editor = userClient("editor");
    grant(
        "editor",
        "edit-clusters",
        new PolicyRuleBuilder()
            .withApiGroups(ManagedCluster.GROUP)
            .withResources("managedclusters", "managedclustersetbindings")
            .withVerbs("get", "list", "create", "update", "patch")
            .build());
    // The API server loads admission policies (and RBAC) from its informers a moment after they
    // are written; every check below assumes both are in force.
    await("the admission policies are in force")
        .atMost(WAIT)
        .until(
            () ->
                refusal(() -> editor.resource(cluster("probe", true)).dryRun().create())
                        .contains("cannot update the HubAcceptsClient field")
                    && refusal(
                            () -> editor.resource(binding(USER_NS, "probe-set")).dryRun().create())
                        .contains("is not allowed to bind cluster set"));
  }

  @AfterAll
  static void stopHub() {
    if (editor != null) {
      editor.close();
    }
    if (controllers != null) {
      controllers.close();
    }
  }

  @Test
  void acceptingAClusterNeedsUpdateOnManagedclustersAccept() {
    ManagedCluster eager = cluster("eager", true);
    assertRefused(
        () -> editor.resource(eager).create(),
        403,
        "managedclusters/accept \"eager\" is forbidden: user \"system:serviceaccount:platform:editor\""
            + " cannot update the HubAcceptsClient field");

    editor.resource(cluster("patient", false)).create();
    assertRefused(() -> accept("patient", true), 403, "cannot update the HubAcceptsClient field");

    grant(
        "editor",
        "accept-patient",
        new PolicyRuleBuilder()
            .withApiGroups("register.open-cluster-management.io")
            .withResources("managedclusters/accept")
            .withResourceNames("patient")
            .withVerbs("update")
            .build());
    await("accepted once allowed")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> accept("patient", true).getSpec().isAccepted());
    assertThat(accept("patient", false).getSpec().isAccepted())
        .as("taking acceptance back needs no accept permission")
        .isFalse();
  }

  @Test
  void movingAClusterBetweenSetsNeedsJoinOnBothSets() {
    editor.resource(cluster("mover", false)).create();
    await("the hub put it into the default set")
        .atMost(WAIT)
        .until(() -> "default".equals(clusterSetOf("mover")));
    hub.client().resource(set("prod-set")).serverSideApply();

    assertRefused(
        () -> label("mover", "prod-set"),
        403,
        "user \"system:serviceaccount:platform:editor\" cannot add/remove a ManagedCluster to/from"
            + " ManagedClusterSet \"prod-set\"");
    grant("editor", "join-prod", join("prod-set"));
    await("join on the new set alone is not enough: it leaves default")
        .atMost(WAIT)
        .until(
            () ->
                refusal(() -> label("mover", "prod-set"))
                    .contains("to/from ManagedClusterSet \"default\""));
    grant("editor", "join-default", join("default"));
    await("moved once it may join both")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                "prod-set"
                    .equals(
                        label("mover", "prod-set")
                            .getMetadata()
                            .getLabels()
                            .get(ManagedClusterSet.LABEL_CLUSTER_SET)));
  }

  @Test
  void bindingASetNeedsBindOnThatSet() {
    hub.client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build())
        .serverSideApply();
    hub.client().resource(set("bind-me")).serverSideApply();
    assertRefused(
        () -> editor.resource(binding("team-a", "bind-me")).create(),
        403,
        "user \"system:serviceaccount:platform:editor\" is not allowed to bind cluster set"
            + " \"bind-me\"");
    grant(
        "editor",
        "bind-bind-me",
        new PolicyRuleBuilder()
            .withApiGroups(ManagedCluster.GROUP)
            .withResources("managedclustersets/bind")
            .withResourceNames("bind-me")
            .withVerbs("create")
            .build());
    await("bound once allowed")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> editor.resource(binding("team-a", "bind-me")).create() != null);
  }

  @Test
  void aUserTaintGetsItsTimeAddedFromTheHub() {
    ManagedCluster tainted = cluster("tainted", false);
    Taint taint = new Taint();
    taint.setKey("example.com/maintenance");
    taint.setEffect(TaintEffect.NoSelect);
    tainted.getSpec().setTaints(List.of(taint));
    editor.resource(tainted).create();
    await("timeAdded filled in")
        .atMost(WAIT)
        .until(
            () ->
                hub
                    .client()
                    .resources(ManagedCluster.class)
                    .withName("tainted")
                    .get()
                    .getSpec()
                    .getTaints()
                    .stream()
                    .filter(t -> t.getKey().equals("example.com/maintenance"))
                    .anyMatch(t -> t.getTimeAdded() != null));
  }

  private static ManagedCluster cluster(String name, boolean accepted) {
    ManagedCluster cluster = new ManagedCluster();
    cluster.getMetadata().setName(name);
    ManagedClusterSpec spec = new ManagedClusterSpec();
    spec.setHubAcceptsClient(accepted);
    cluster.setSpec(spec);
    return cluster;
  }

  private static ManagedClusterSet set(String name) {
    ManagedClusterSet set = new ManagedClusterSet();
    set.getMetadata().setName(name);
    return set;
  }

  private static String clusterSetOf(String cluster) {
    var labels =
        hub.client()
            .resources(ManagedCluster.class)
            .withName(cluster)
            .get()
            .getMetadata()
            .getLabels();
    return labels == null ? null : labels.get(ManagedClusterSet.LABEL_CLUSTER_SET);
  }

  private static ManagedClusterSetBinding binding(String namespace, String set) {
    ManagedClusterSetBinding binding = new ManagedClusterSetBinding();
    binding.getMetadata().setName(set);
    binding.getMetadata().setNamespace(namespace);
    ManagedClusterSetBindingSpec spec = new ManagedClusterSetBindingSpec();
    spec.setClusterSet(set);
    binding.setSpec(spec);
    return binding;
  }

  private static ManagedCluster accept(String name, boolean accept) {
    return editor
        .resources(ManagedCluster.class)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"hubAcceptsClient\":" + accept + "}}");
  }

  private static ManagedCluster label(String name, String set) {
    return editor
        .resources(ManagedCluster.class)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\""
                + ManagedClusterSet.LABEL_CLUSTER_SET
                + "\":\""
                + set
                + "\"}}}");
  }

  private static io.fabric8.kubernetes.api.model.rbac.PolicyRule join(String set) {
    return new PolicyRuleBuilder()
        .withApiGroups(ManagedCluster.GROUP)
        .withResources("managedclustersets/join")
        .withResourceNames(set)
        .withVerbs("create")
        .build();
  }

  private static void assertRefused(ThrowingCallable call, int code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(code))
        .hasMessageContaining(message);
  }

  private static String refusal(ThrowingCallable call) {
    try {
      call.call();
      return "";
    } catch (Throwable e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** A ServiceAccount's client: a user with no rights until {@link #grant} gives some. */
  private static KubernetesClient userClient(String name) {
    KubernetesClient admin = hub.client();
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(USER_NS).endMetadata().build())
        .serverSideApply();
    admin
        .serviceAccounts()
        .inNamespace(USER_NS)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(USER_NS)
                .endMetadata()
                .build())
        .serverSideApply();
    String token =
        admin
            .serviceAccounts()
            .inNamespace(USER_NS)
            .withName(name)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    return hub.clientWithToken(token);
  }

  private static void grant(
      String user, String name, io.fabric8.kubernetes.api.model.rbac.PolicyRule rule) {
    KubernetesClient admin = hub.client();
    admin
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withRules(rule)
                .build())
        .serverSideApply();
    admin
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(user)
                .withNamespace(USER_NS)
                .endSubject()
                .build())
        .serverSideApply();
  }
}
