package io.ocmj.api;

import io.fabric8.kubernetes.client.CustomResource;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfig;
import io.ocmj.api.addon.v1alpha1.AddOnTemplate;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1alpha1.AddOnPlacementScore;
import io.ocmj.api.cluster.v1alpha1.ClusterClaim;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSet;
import io.ocmj.api.cluster.v1beta2.ManagedClusterSetBinding;
import io.ocmj.api.gatekeeper.v1.ConstraintTemplate;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.operator.v1.Klusterlet;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.PlacementBinding;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1beta1.PolicySet;
import io.ocmj.api.wgpolicy.v1alpha2.ClusterPolicyReport;
import io.ocmj.api.wgpolicy.v1alpha2.PolicyReport;
import io.ocmj.api.work.v1.AppliedManifestWork;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.api.work.v1alpha1.ManifestWorkReplicaSet;
import java.util.List;

/** Every custom resource kind ocmj defines a CRD for; the CRD generator reads this list. */
public final class Kinds {
  /** The CRD classes, in the order their CRDs should be installed. */
  public static final List<Class<? extends CustomResource<?, ?>>> ALL =
      List.of(
          ManagedCluster.class,
          ClusterClaim.class,
          AddOnPlacementScore.class,
          ManagedClusterSet.class,
          ManagedClusterSetBinding.class,
          ManifestWork.class,
          AppliedManifestWork.class,
          ManifestWorkReplicaSet.class,
          PlacementDecision.class,
          Placement.class,
          Klusterlet.class,
          GitSync.class,
          Policy.class,
          PlacementBinding.class,
          PolicySet.class,
          ConfigurationPolicy.class,
          ConstraintTemplate.class,
          ClusterManagementAddOn.class,
          ManagedClusterAddOn.class,
          AddOnDeploymentConfig.class,
          AddOnTemplate.class,
          PolicyReport.class,
          ClusterPolicyReport.class);

  /**
   * Kinds only agents write, on managed clusters, where their CRDs are installed unless present
   * (other tools such as Kyverno share them); the hub does not install these.
   */
  public static final List<Class<? extends CustomResource<?, ?>>> MANAGED_CLUSTER_ONLY =
      List.of(PolicyReport.class, ClusterPolicyReport.class);

  private Kinds() {}
}
