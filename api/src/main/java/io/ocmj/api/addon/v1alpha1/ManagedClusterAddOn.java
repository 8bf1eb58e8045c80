package io.ocmj.api.addon.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * One add-on on one managed cluster, in that cluster's namespace on the hub and named after the
 * add-on (its ClusterManagementAddOn). The hub deploys the agent through ManifestWorks; the status
 * says how that and the agent's registration and health are going.
 */
@Group(ManagedClusterAddOn.GROUP)
@Version(ManagedClusterAddOn.VERSION)
@Plural("managedclusteraddons")
@Singular("managedclusteraddon")
@ShortNames({"mca", "mcas"})
@AdditionalPrinterColumn(
    name = "Available",
    jsonPath = ".status.conditions[?(@.type==\"Available\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Degraded",
    jsonPath = ".status.conditions[?(@.type==\"Degraded\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Progressing",
    jsonPath = ".status.conditions[?(@.type==\"Progressing\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ManagedClusterAddOn
    extends CustomResource<ManagedClusterAddOnSpec, ManagedClusterAddOnStatus>
    implements Namespaced {
  public static final String GROUP = "addon.open-cluster-management.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "ManagedClusterAddOn";

  /** Where agents are installed unless configured otherwise. */
  public static final String DEFAULT_INSTALL_NAMESPACE = "open-cluster-management-agent-addon";

  /** The signer whose certificates give the agent a kubeconfig for the hub's API server. */
  public static final String SIGNER_KUBE_APISERVER_CLIENT = "kubernetes.io/kube-apiserver-client";

  /** {@code status.kubeClientDriver}: the agent's hub credential is a CSR-signed certificate. */
  public static final String KUBE_CLIENT_DRIVER_CSR = "csr";

  /** {@code status.kubeClientDriver}: the agent's hub credential is a service account token. */
  public static final String KUBE_CLIENT_DRIVER_TOKEN = "token";

  // Condition types.

  /** The agent runs on the managed cluster (from its lease, work status or a probe). */
  public static final String CONDITION_AVAILABLE = "Available";

  /** The agent serves in a degraded way; reasons are the add-on's own. */
  public static final String CONDITION_DEGRADED = "Degraded";

  /**
   * Deprecated by OCM for Progressing: the configurations are resolved. While configs exist, the
   * agent is not deployed before this is True.
   */
  public static final String CONDITION_CONFIGURED = "Configured";

  /** The agent is being installed or its configuration rolled out. */
  public static final String CONDITION_PROGRESSING = "Progressing";

  /** The agent's ManifestWorks are applied on the managed cluster. */
  public static final String CONDITION_MANIFEST_APPLIED = "ManifestApplied";

  /** The agent's registrations (CSRs, hub RBAC) are set up. */
  public static final String CONDITION_REGISTRATION_APPLIED = "RegistrationApplied";

  /** The pre-delete hook (Job or Pod) has finished. */
  public static final String CONDITION_HOOK_MANIFEST_COMPLETED = "HookManifestCompleted";

  /** Hosted mode: the manifests for the hosting cluster are applied; ManifestApplied's reasons. */
  public static final String CONDITION_HOSTING_MANIFEST_APPLIED = "HostingManifestApplied";

  /** Hosted mode: the hosting cluster named by the annotation is a usable managed cluster. */
  public static final String CONDITION_HOSTING_CLUSTER_VALIDITY = "HostingClusterValidity";

  // Reasons of Available.

  public static final String REASON_WORK_NOT_FOUND = "WorkNotFound";
  public static final String REASON_WORK_APPLY_FAILED = "WorkApplyFailed";
  public static final String REASON_WORK_NOT_APPLIED = "WorkNotApplied";
  public static final String REASON_WORK_APPLIED = "WorkApplied";
  public static final String REASON_NO_PROBE_RESULT = "NoProbeResult";
  public static final String REASON_PROBE_UNAVAILABLE = "ProbeUnavailable";
  public static final String REASON_PROBE_AVAILABLE = "ProbeAvailable";
  public static final String REASON_LEASE_UPDATE_STOPPED = "ManagedClusterAddOnLeaseUpdateStopped";
  public static final String REASON_LEASE_NOT_FOUND = "ManagedClusterAddOnLeaseNotFound";
  public static final String REASON_LEASE_UPDATED = "ManagedClusterAddOnLeaseUpdated";

  // Reasons of Configured.

  public static final String REASON_CONFIGURATIONS_CONFIGURED = "ConfigurationsConfigured";
  public static final String REASON_CONFIGURATIONS_NOT_CONFIGURED = "ConfigurationsNotConfigured";

  // Reasons of Progressing (also on a ClusterManagementAddOn's install progressions).

  public static final String REASON_PROGRESSING = "Progressing";
  public static final String REASON_COMPLETED = "Completed";
  public static final String REASON_FAILED = "Failed";
  public static final String REASON_WAITING_FOR_CANARY = "WaitingForCanary";
  public static final String REASON_CONFIGURATION_UNSUPPORTED = "ConfigurationUnsupported";
  public static final String REASON_WAITING_FOR_MANIFEST_APPLIED = "WaitingForManifestApplied";
  public static final String REASON_WAITING_FOR_HOSTING_MANIFEST_APPLIED =
      "WaitingForHostingManifestApplied";

  // Reasons of ManifestApplied and HostingManifestApplied.

  public static final String REASON_MANIFEST_APPLIED = "AddonManifestApplied";
  public static final String REASON_MANIFEST_APPLY_FAILED = "AddonManifestAppliedFailed";
  public static final String REASON_MANIFEST_WORK_APPLY_FAILED = "ManifestWorkApplyFailed";

  // Reasons of RegistrationApplied.

  public static final String REASON_NIL_REGISTRATION = "NilRegistration";
  public static final String REASON_SET_PERMISSION_APPLIED = "SetPermissionApplied";
  public static final String REASON_SET_PERMISSION_FAILED = "SetPermissionFailed";

  /** From the add-on framework: the add-on's permission config is not ready yet. */
  public static final String REASON_PERMISSION_CONFIG_PENDING = "PermissionConfigPending";

  // Reasons of HookManifestCompleted.

  public static final String REASON_HOOK_MANIFEST_COMPLETED = "HookManifestIsCompleted";
  public static final String REASON_HOOK_MANIFEST_NOT_COMPLETED = "HookManifestIsNotCompleted";

  // Reasons of HostingClusterValidity.

  public static final String REASON_HOSTING_CLUSTER_VALID = "HostingClusterValid";
  public static final String REASON_HOSTING_CLUSTER_INVALID = "HostingClusterInvalid";

  // Labels.

  /** On the hub objects of an add-on (ManifestWorks, CSRs): the add-on's name. */
  public static final String LABEL_ADDON_NAME = "open-cluster-management.io/addon-name";

  /** On add-on ManifestWorks placed in another cluster's namespace (Hosted mode). */
  public static final String LABEL_ADDON_NAMESPACE = "open-cluster-management.io/addon-namespace";

  /** Deprecated by OCM for {@link #ANNOTATION_PRE_DELETE}: marks a pre-delete hook manifest. */
  public static final String LABEL_PRE_DELETE = "open-cluster-management.io/addon-pre-delete";

  // Annotations.

  /** Prefix of the ManagedCluster annotations copied onto the add-ons the hub creates. */
  public static final String ANNOTATION_PREFIX = GROUP;

  /** On a ManagedClusterAddOn: the hub must not install it automatically. */
  public static final String ANNOTATION_DISABLE_AUTOMATIC_INSTALLATION =
      GROUP + "/disable-automatic-installation";

  /** On a manifest: a pre-delete hook (Job or Pod) run before the add-on is removed. */
  public static final String ANNOTATION_PRE_DELETE = GROUP + "/addon-pre-delete";

  /** On a ManagedClusterAddOn in Hosted mode: the cluster the agent runs on. */
  public static final String ANNOTATION_HOSTING_CLUSTER_NAME = GROUP + "/hosting-cluster-name";

  /**
   * On a manifest in Hosted mode: where it goes, {@link #HOSTED_LOCATION_MANAGED} (default), {@link
   * #HOSTED_LOCATION_HOSTING} or {@link #HOSTED_LOCATION_NONE}.
   */
  public static final String ANNOTATION_HOSTED_MANIFEST_LOCATION =
      GROUP + "/hosted-manifest-location";

  public static final String HOSTED_LOCATION_MANAGED = "managed";
  public static final String HOSTED_LOCATION_HOSTING = "hosting";
  public static final String HOSTED_LOCATION_NONE = "none";

  /** On a manifest: keep it when the add-on is removed (a SelectivelyOrphan rule of the work). */
  public static final String ANNOTATION_DELETION_ORPHAN = GROUP + "/deletion-orphan";

  /** On an add-on's ManifestWorks: the spec hashes of the configurations they were built from. */
  public static final String ANNOTATION_CONFIG_SPEC_HASH =
      "open-cluster-management.io/config-spec-hash";

  // Finalizers.

  /** The pre-delete hook must finish before the add-on goes. */
  public static final String FINALIZER_PRE_DELETE = GROUP + "/addon-pre-delete";

  /** Hosted mode: the pre-delete hook on the hosting cluster must finish first. */
  public static final String FINALIZER_HOSTING_PRE_DELETE = GROUP + "/hosting-addon-pre-delete";

  /** Hosted mode: the manifests on the hosting cluster must be removed first. */
  public static final String FINALIZER_HOSTING_MANIFESTS_CLEANUP =
      GROUP + "/hosting-manifests-cleanup";

  /** Deprecated by OCM for {@link #FINALIZER_PRE_DELETE}; older objects may still carry it. */
  public static final String FINALIZER_PRE_DELETE_DEPRECATED =
      "cluster.open-cluster-management.io/addon-pre-delete";

  /** Deprecated by OCM for {@link #FINALIZER_HOSTING_PRE_DELETE}. */
  public static final String FINALIZER_HOSTING_PRE_DELETE_DEPRECATED =
      "cluster.open-cluster-management.io/hosting-addon-pre-delete";

  /** Deprecated by OCM for {@link #FINALIZER_HOSTING_MANIFESTS_CLEANUP}. */
  public static final String FINALIZER_HOSTING_MANIFESTS_CLEANUP_DEPRECATED =
      "cluster.open-cluster-management.io/hosting-manifests-cleanup";

  private static final String PREFIX = "system:open-cluster-management:";

  /**
   * The default user of an add-on agent's hub credential: {@code
   * system:open-cluster-management:cluster:<cluster>:addon:<addon>:agent:<agent>}.
   */
  /** The agent name ocmj's add-on identities use. */
  public static final String DEFAULT_AGENT_NAME = "addon-agent";

  public static String agentUser(String cluster, String addon, String agent) {
    return PREFIX + "cluster:" + cluster + ":addon:" + addon + ":agent:" + agent;
  }

  /**
   * The default groups of an add-on agent's hub credential: the add-on on that cluster, the add-on
   * on any cluster, and {@code system:authenticated}.
   */
  public static List<String> agentGroups(String cluster, String addon) {
    return List.of(
        PREFIX + "cluster:" + cluster + ":addon:" + addon,
        PREFIX + "addon:" + addon,
        "system:authenticated");
  }
}
