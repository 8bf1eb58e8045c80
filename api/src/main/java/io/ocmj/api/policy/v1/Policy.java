package io.ocmj.api.policy.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * OCM's Policy: the root a user writes, and the replica the hub writes into each placed cluster's
 * namespace as {@code <root namespace>.<root name>}.
 */
@Group(Policy.GROUP)
@Version(Policy.VERSION)
@Plural("policies")
@Singular("policy")
@ShortNames("plc")
@AdditionalPrinterColumn(
    name = "Remediation action",
    jsonPath = ".spec.remediationAction",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Compliance state",
    jsonPath = ".status.compliant",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Policy extends CustomResource<PolicySpec, PolicyStatus> implements Namespaced {
  public static final String GROUP = "policy.open-cluster-management.io";
  public static final String VERSION = "v1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "Policy";

  /**
   * The add-on that runs the policy agent on managed clusters (OCM's name for its policy framework
   * add-on): enabling it on a cluster gives the agent its own hub identity.
   */
  public static final String ADDON_NAME = "governance-policy-framework";

  public static final String COMPLIANT = "Compliant";
  public static final String NON_COMPLIANT = "NonCompliant";
  public static final String PENDING = "Pending";

  /** On a replica: {@code <root namespace>.<root name>}. */
  public static final String LABEL_ROOT_POLICY = GROUP + "/root-policy";

  public static final String LABEL_CLUSTER_NAME = GROUP + "/cluster-name";
  public static final String LABEL_CLUSTER_NAMESPACE = GROUP + "/cluster-namespace";

  /** On a template object: the name of the (replicated) policy that owns it. */
  public static final String LABEL_POLICY = GROUP + "/policy";

  /** Unprefixed copies of the cluster labels that the framework also puts on templates. */
  public static final String LABEL_CLUSTER_NAME_SHORT = "cluster-name";

  public static final String LABEL_CLUSTER_NAMESPACE_SHORT = "cluster-namespace";

  public static final String ANNOTATION_DISABLE_TEMPLATES = GROUP + "/disable-templates";
  public static final String ANNOTATION_TRIGGER_UPDATE = GROUP + "/trigger-update";
  public static final String ANNOTATION_HUB_TEMPLATES_ERROR = GROUP + "/hub-templates-error";
  public static final String ANNOTATION_STANDARDS = GROUP + "/standards";
  public static final String ANNOTATION_CATEGORIES = GROUP + "/categories";
  public static final String ANNOTATION_CONTROLS = GROUP + "/controls";

  /** Always on replicas, so Argo CD does not prune what the hub wrote. */
  public static final String ANNOTATION_ARGOCD_COMPARE = "argocd.argoproj.io/compare-options";

  public static final String ARGOCD_IGNORE_EXTRANEOUS = "IgnoreExtraneous";

  /** The most a template or replica history keeps. */
  public static final int HISTORY_LIMIT = 10;

  /** The replica name of a root policy. */
  public static String replicaName(String rootNamespace, String rootName) {
    return rootNamespace + "." + rootName;
  }
}
