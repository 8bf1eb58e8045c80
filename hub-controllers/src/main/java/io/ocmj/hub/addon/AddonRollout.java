package io.ocmj.hub.addon;

import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.cluster.v1alpha1.RolloutStrategy;
import io.ocmj.api.cluster.v1alpha1.RolloutType;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.work.RolloutPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rolling a config change out to the clusters of an install placement, by its rolloutStrategy:
 * {@code All} at once, or {@code Progressive}/{@code ProgressivePerGroup} at most {@code
 * maxConcurrency} clusters at a time (a cluster is done when its works carry the new configs and
 * the add-on is Available). The installer admits a cluster by writing the configs' hash on its
 * ManagedClusterAddOn; the deployer re-renders an installed add-on only when admitted.
 */
final class AddonRollout {
  /** The configs (hash) a ManagedClusterAddOn may be deployed with; on its works too. */
  static final String ANNOTATION_CONFIG_HASH = "addon.ocmj.io/rollout-config-hash";

  private AddonRollout() {}

  /** One short hash of all the resolved configs' spec hashes. */
  static String hash(Map<String, String> configHashes) {
    return io.ocmj.hub.status.Stamps.shortHash(configHashes);
  }

  static String admitted(ManagedClusterAddOn mca) {
    return mca.getMetadata().getAnnotations() == null
        ? null
        : mca.getMetadata().getAnnotations().get(ANNOTATION_CONFIG_HASH);
  }

  /**
   * Whether the add-on runs with these configs: its works carry them and the work agent reports
   * them Applied and Available for their current generation (not the add-on's Available, which a
   * Lease or a stale status may hold True for the old configs).
   */
  static boolean done(List<ManifestWork> works, String hash) {
    return carry(works, hash)
        && works.stream()
            .allMatch(
                w ->
                    AddonWorks.current(w, ManifestWork.CONDITION_APPLIED)
                        && AddonWorks.current(w, ManifestWork.CONDITION_AVAILABLE));
  }

  /** Whether the works were written with these configs. */
  static boolean carry(List<ManifestWork> works, String hash) {
    return !works.isEmpty()
        && works.stream()
            .allMatch(
                w ->
                    w.getMetadata().getAnnotations() != null
                        && hash.equals(
                            w.getMetadata().getAnnotations().get(ANNOTATION_CONFIG_HASH)));
  }

  /** A cluster of a placement: its add-on, the configs it should get, and its works. */
  record Target(ManagedClusterAddOn mca, String want, List<ManifestWork> works) {}

  /**
   * The clusters to admit now (in the given order), leaving at most maxConcurrency of them in
   * progress; all of them for {@code All}.
   */
  static List<Target> toAdmit(RolloutStrategy strategy, List<Target> targets) {
    List<Target> pending = new ArrayList<>();
    int inProgress = 0;
    for (Target t : targets) {
      if (t.want().equals(admitted(t.mca()))) {
        if (!done(t.works(), t.want())) {
          inProgress++;
        }
      } else {
        pending.add(t);
      }
    }
    if (strategy == null || strategy.getType() == null || strategy.getType() == RolloutType.All) {
      return pending;
    }
    var progressive =
        strategy.getType() == RolloutType.ProgressivePerGroup
            ? strategy.getProgressivePerGroup()
            : strategy.getProgressive();
    int max =
        progressive == null
            ? targets.size()
            : RolloutPlan.resolve(progressive.getMaxConcurrency(), targets.size(), targets.size());
    int room = Math.max(Math.max(max, 1) - inProgress, 0);
    return pending.subList(0, Math.min(room, pending.size()));
  }
}
