package io.ocmj.policy.dryrun;

import io.ocmj.policy.config.KindInfo;
import java.util.List;
import java.util.Locale;

/** Built-in Kubernetes kinds the dry-run knows without discovery, and OCM's plural rule. */
final class KnownKinds {
  static final List<KindInfo> ALL =
      List.of(
          ns("v1", "Pod"),
          ns("v1", "ConfigMap"),
          ns("v1", "Secret"),
          ns("v1", "Service"),
          ns("v1", "ServiceAccount"),
          ns("v1", "Endpoints"),
          ns("v1", "LimitRange"),
          ns("v1", "ResourceQuota"),
          ns("v1", "PersistentVolumeClaim"),
          cluster("v1", "Namespace"),
          cluster("v1", "Node"),
          cluster("v1", "PersistentVolume"),
          ns("apps/v1", "Deployment"),
          ns("apps/v1", "StatefulSet"),
          ns("apps/v1", "DaemonSet"),
          ns("apps/v1", "ReplicaSet"),
          ns("batch/v1", "Job"),
          ns("batch/v1", "CronJob"),
          ns("networking.k8s.io/v1", "Ingress"),
          ns("networking.k8s.io/v1", "NetworkPolicy"),
          ns("rbac.authorization.k8s.io/v1", "Role"),
          ns("rbac.authorization.k8s.io/v1", "RoleBinding"),
          cluster("rbac.authorization.k8s.io/v1", "ClusterRole"),
          cluster("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
          cluster("storage.k8s.io/v1", "StorageClass"),
          cluster("cluster.open-cluster-management.io/v1alpha1", "ClusterClaim"),
          ns("policy.open-cluster-management.io/v1", "ConfigurationPolicy"),
          ns("policy.open-cluster-management.io/v1", "Policy"));

  private KnownKinds() {}

  private static KindInfo ns(String apiVersion, String kind) {
    return new KindInfo(apiVersion, kind, plural(kind), true);
  }

  private static KindInfo cluster(String apiVersion, String kind) {
    return new KindInfo(apiVersion, kind, plural(kind), false);
  }

  /** The lower-case plural Kubernetes would guess for a kind (Ingress → ingresses). */
  static String plural(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s")
        || lower.endsWith("x")
        || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return lower + "es";
    }
    if (lower.endsWith("y")
        && lower.length() > 1
        && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }
}
