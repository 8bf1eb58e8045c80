package io.ocmj.policy.config;

import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.RelatedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OCM's pruneObjectBehavior when an enforced ConfigurationPolicy is deleted: {@code DeleteAll}
 * deletes every related object, {@code DeleteIfCreated} only those the policy created and that
 * still have the uid it recorded (an object someone recreated is kept), {@code None} nothing.
 */
public final class Pruning {
  private Pruning() {}

  /** One object to delete; {@code uid} set means delete only if the live object still has it. */
  public record Target(String apiVersion, String kind, String namespace, String name, String uid) {}

  /** The objects to delete. */
  public record Plan(List<Target> targets) {}

  public static Plan plan(ConfigurationPolicy policy) {
    List<Target> targets = new ArrayList<>();
    if (policy.getSpec() == null
        || !ConfigPolicyEvaluator.isEnforce(policy.getSpec().getRemediationAction())
        || policy.getStatus() == null) {
      return new Plan(targets);
    }
    String behavior = policy.getSpec().getPruneObjectBehavior();
    boolean all = "DeleteAll".equals(behavior);
    boolean created = "DeleteIfCreated".equals(behavior);
    if (!all && !created) {
      return new Plan(targets);
    }
    for (RelatedObject r : policy.getStatus().getRelatedObjects()) {
      if (r.getObject() == null
          || r.getObject().getMetadata() == null
          || "-".equals(r.getObject().getMetadata().getName())) {
        continue;
      }
      boolean byPolicy =
          r.getProperties() != null && Boolean.TRUE.equals(r.getProperties().getCreatedByPolicy());
      if (all || byPolicy) {
        targets.add(
            new Target(
                r.getObject().getApiVersion(),
                r.getObject().getKind(),
                r.getObject().getMetadata().getNamespace(),
                r.getObject().getMetadata().getName(),
                created && r.getProperties() != null ? r.getProperties().getUid() : null));
      }
    }
    return new Plan(targets);
  }

  /** Deletes one target if it exists (and still has the recorded uid, when one is given). */
  public static void prune(ClusterView view, Target target) throws ClusterWriteException {
    Optional<KindInfo> kind = view.kind(target.apiVersion(), target.kind());
    if (kind.isEmpty()) {
      return;
    }
    Optional<Map<String, Object>> live = view.get(kind.get(), target.namespace(), target.name());
    if (live.isEmpty()) {
      return;
    }
    if (target.uid() != null && !target.uid().equals(ObjectFields.uid(live.get()))) {
      return;
    }
    view.delete(kind.get(), target.namespace(), target.name());
  }
}
