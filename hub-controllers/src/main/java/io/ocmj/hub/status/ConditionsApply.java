package io.ocmj.hub.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.status.StatusPatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side applies conditions to an object's status under one field manager, touching nothing
 * else. Conditions are list-maps keyed by type, so each writer (hub controller, agent) owns only
 * its own condition types (the body is a {@link StatusPatch}).
 */
public final class ConditionsApply {
  private ConditionsApply() {}

  /**
   * Sets the condition of {@code type} as {@link Conditions#set} keeps it (the observed list is not
   * modified) and, only when that changed it, applies that one condition. Returns whether it did.
   */
  public static boolean setAndApply(
      KubernetesClient client,
      HasMetadata target,
      List<Condition> observed,
      String fieldManager,
      String type,
      String status,
      String reason,
      String message,
      Instant now) {
    List<Condition> conditions = new ArrayList<>(observed == null ? List.of() : observed);
    if (!Conditions.set(
        conditions, type, status, reason, message, target.getMetadata().getGeneration(), now)) {
      return false;
    }
    apply(client, target, fieldManager, List.of(Conditions.find(conditions, type).orElseThrow()));
    return true;
  }

  public static void apply(
      KubernetesClient client,
      HasMetadata target,
      String fieldManager,
      List<Condition> conditions) {
    applyStatus(client, target, fieldManager, Map.of("conditions", conditions));
  }

  /**
   * Applies {@code wanted} as the whole status when it differs from {@code observed} (the status
   * the object was read with, null for none); returns whether it wrote.
   */
  public static boolean applyStatusIfChanged(
      KubernetesClient client,
      HasMetadata target,
      String fieldManager,
      Object observed,
      Object wanted) {
    Map<String, Object> wantedFields = asMap(wanted);
    if (observed != null && asMap(observed).equals(wantedFields)) {
      return false;
    }
    applyStatus(client, target, fieldManager, wantedFields);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object status) {
    return Serialization.jsonMapper().convertValue(status, LinkedHashMap.class);
  }

  /** Server-side applies the given status fields (and only those) under {@code fieldManager}. */
  public static void applyStatus(
      KubernetesClient client,
      HasMetadata target,
      String fieldManager,
      Map<String, Object> status) {
    GenericKubernetesResource patch = StatusPatch.of(target, status);
    client
        .resource(patch)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(fieldManager)
                .withForce(true)
                .build());
  }
}
