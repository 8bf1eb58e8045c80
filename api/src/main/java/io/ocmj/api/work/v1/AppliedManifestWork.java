package io.ocmj.api.work.v1;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The managed side's record of one ManifestWork (cluster-scoped, on the managed cluster, named
 * {@code <hubHash>-<workName>}): which resources it applied, with their UIDs. Applied resources
 * carry an owner reference to it.
 */
@Group(ManifestWork.GROUP)
@Version(ManifestWork.VERSION)
@Plural("appliedmanifestworks")
@Singular("appliedmanifestwork")
public class AppliedManifestWork
    extends CustomResource<AppliedManifestWorkSpec, AppliedManifestWorkStatus> {
  /** Finalizer OCM's agent keeps on an AppliedManifestWork while it removes what it applied. */
  public static final String FINALIZER_CLEANUP =
      "cluster.open-cluster-management.io/applied-manifest-work-cleanup";
}
