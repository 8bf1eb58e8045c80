package io.ocmj.api.work.v1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** Manifests the hub asks one managed cluster to apply; lives in that cluster's namespace. */
@Group(ManifestWork.GROUP)
@Version(ManifestWork.VERSION)
@Plural("manifestworks")
@Singular("manifestwork")
public class ManifestWork extends CustomResource<ManifestWorkSpec, ManifestWorkStatus>
    implements Namespaced {
  public static final String GROUP = "work.open-cluster-management.io";
  public static final String VERSION = "v1";

  /** Work condition: every manifest was applied. */
  public static final String CONDITION_APPLIED = "Applied";

  /** Work condition: every applied resource exists. */
  public static final String CONDITION_AVAILABLE = "Available";

  /** Work condition: the agent is removing the applied resources. */
  public static final String CONDITION_DELETING = "Deleting";

  /**
   * Work condition: True while a manifest is still being applied (retried, e.g. kind not served).
   */
  public static final String CONDITION_PROGRESSING = "Progressing";

  /** Work condition: True when a manifest cannot be applied until the work or cluster changes. */
  public static final String CONDITION_DEGRADED = "Degraded";

  /** Per-manifest condition: what status feedback could be read. */
  public static final String CONDITION_FEEDBACK_SYNCED = "StatusFeedbackSynced";

  public static final String REASON_WORK_APPLIED = "AppliedManifestWorkComplete";
  public static final String REASON_WORK_APPLY_FAILED = "AppliedManifestWorkFailed";
  public static final String REASON_RESOURCES_AVAILABLE = "ResourcesAvailable";
  public static final String REASON_RESOURCES_NOT_AVAILABLE = "ResourcesNotAvailable";
  public static final String REASON_RESOURCES_STATUS_UNKNOWN = "ResourcesStatusUnknown";
  public static final String REASON_APPLYING = "Applying";
  public static final String REASON_COMPLETED = "Completed";
  public static final String REASON_FAILED = "Failed";
  public static final String REASON_AS_EXPECTED = "AsExpected";
  public static final String REASON_WORK_DELETING = "WorkDeleting";
  public static final String REASON_MANIFEST_APPLIED = "AppliedManifestComplete";
  public static final String REASON_MANIFEST_APPLY_FAILED = "AppliedManifestFailed";
  public static final String REASON_RESOURCE_AVAILABLE = "ResourceAvailable";
  public static final String REASON_RESOURCE_NOT_AVAILABLE = "ResourceNotAvailable";
  public static final String REASON_FETCHING_RESOURCE_FAILED = "FetchingResourceFailed";
  public static final String REASON_FEEDBACK_SYNCED = "StatusFeedbackSynced";
  public static final String REASON_NO_FEEDBACK = "NoStatusFeedbackSynced";
  public static final String REASON_FEEDBACK_FAILED = "StatusFeedbackSyncFailed";

  /** Finalizer the work agent puts on works it handles. */
  public static final String FINALIZER_CLEANUP =
      "cluster.open-cluster-management.io/manifest-work-cleanup";
}
