package io.ocmj.api.work.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One ManifestWork template rolled out to every cluster the referenced Placements decide, with a
 * rollout strategy per placement.
 */
@Group(ManifestWorkReplicaSet.GROUP)
@Version(ManifestWorkReplicaSet.VERSION)
@Plural("manifestworkreplicasets")
@Singular("manifestworkreplicaset")
@ShortNames("mwrs")
@AdditionalPrinterColumn(
    name = "Placement",
    jsonPath = ".status.conditions[?(@.type==\"PlacementVerified\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Found",
    jsonPath = ".status.conditions[?(@.type==\"PlacementVerified\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "ManifestWorks",
    jsonPath = ".status.conditions[?(@.type==\"ManifestworkApplied\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Applied",
    jsonPath = ".status.conditions[?(@.type==\"ManifestworkApplied\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
public class ManifestWorkReplicaSet
    extends CustomResource<ManifestWorkReplicaSetSpec, ManifestWorkReplicaSetStatus>
    implements Namespaced {
  public static final String GROUP = "work.open-cluster-management.io";
  public static final String VERSION = "v1alpha1";

  /** Label on generated works: {@code <namespace>.<name>} of their ManifestWorkReplicaSet. */
  public static final String LABEL_REPLICA_SET =
      "work.open-cluster-management.io/manifestworkreplicaset";

  /** Label on generated works: the placement that selected the cluster. */
  public static final String LABEL_PLACEMENT = "work.open-cluster-management.io/placementname";

  /** Finalizer with which generated works are removed before the replica set goes. */
  public static final String FINALIZER = "work.open-cluster-management.io/manifest-work-cleanup";

  public static final String CONDITION_PLACEMENT_VERIFIED = "PlacementVerified";
  public static final String CONDITION_PLACEMENT_ROLLED_OUT = "PlacementRolledOut";
  public static final String CONDITION_MANIFESTWORK_APPLIED = "ManifestworkApplied";

  public static final String REASON_AS_EXPECTED = "AsExpected";
  public static final String REASON_DECISION_NOT_FOUND = "PlacementDecisionNotFound";
  public static final String REASON_DECISION_EMPTY = "PlacementDecisionEmpty";
  public static final String REASON_NOT_AS_EXPECTED = "NotAsExpected";
  public static final String REASON_PROCESSING = "Processing";
  public static final String REASON_PROGRESSING = "Progressing";
  public static final String REASON_COMPLETE = "Complete";

  /** PlacementRolledOut False: more clusters failed than the strategy tolerates; it stopped. */
  public static final String REASON_FAILED = "RolloutFailed";
}
