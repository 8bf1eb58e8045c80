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

  /** Finalizer the work agent puts on works it handles. */
  public static final String FINALIZER_CLEANUP =
      "cluster.open-cluster-management.io/manifest-work-cleanup";
}
