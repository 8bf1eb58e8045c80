package io.ocmj.klusterlet.work;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The order manifests are applied in, as OCM's agent sorts them: what others need first
 * (namespaces, CRDs), then RBAC, policy objects, configuration, services, workloads, then
 * everything else; in manifest order within a rank. Status keeps the manifests' own ordinals.
 */
final class ApplyOrder {
  private static final Map<String, Integer> RANKS =
      Map.ofEntries(
          Map.entry("scheduling.k8s.io/PriorityClass", 0),
          Map.entry("/Namespace", 0),
          Map.entry("apiextensions.k8s.io/CustomResourceDefinition", 0),
          Map.entry("storage.k8s.io/StorageClass", 0),
          Map.entry("/PersistentVolume", 0),
          Map.entry("rbac.authorization.k8s.io/ClusterRole", 1),
          Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", 1),
          Map.entry("rbac.authorization.k8s.io/Role", 1),
          Map.entry("rbac.authorization.k8s.io/RoleBinding", 1),
          Map.entry("networking.k8s.io/NetworkPolicy", 2),
          Map.entry("/ResourceQuota", 2),
          Map.entry("/LimitRange", 2),
          Map.entry("policy/PodDisruptionBudget", 2),
          Map.entry("/ServiceAccount", 2),
          Map.entry("/Secret", 3),
          Map.entry("/ConfigMap", 3),
          Map.entry("/PersistentVolumeClaim", 3),
          Map.entry("/Service", 4),
          Map.entry("apps/Deployment", 5),
          Map.entry("apps/StatefulSet", 5),
          Map.entry("apps/DaemonSet", 5),
          Map.entry("apps/ReplicaSet", 5),
          Map.entry("batch/Job", 5),
          Map.entry("batch/CronJob", 5),
          Map.entry("/Pod", 5),
          Map.entry("/ReplicationController", 5));
  private static final int UNKNOWN_RANK = 6;

  private ApplyOrder() {}

  /** A manifest's API group and kind, read from its apiVersion. */
  record GroupKind(String group, String kind) {
    static GroupKind of(String apiVersion, String kind) {
      int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
      return new GroupKind(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
    }
  }

  static int rank(GroupKind groupKind) {
    return RANKS.getOrDefault(groupKind.group() + "/" + groupKind.kind(), UNKNOWN_RANK);
  }

  /** The ordinals of {@code manifests} in the order to apply them. */
  static List<Integer> order(List<GroupKind> manifests) {
    return IntStream.range(0, manifests.size())
        .boxed()
        .sorted(Comparator.comparingInt(i -> rank(manifests.get(i))))
        .toList();
  }
}
