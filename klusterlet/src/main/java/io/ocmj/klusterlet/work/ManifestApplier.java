package io.ocmj.klusterlet.work;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.IgnoreField;
import io.ocmj.api.work.v1.IgnoreFieldCondition;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestConfigOption;
import io.ocmj.api.work.v1.ServerSideApplyConfig;
import io.ocmj.api.work.v1.UpdateStrategyType;
import io.ocmj.klusterlet.work.ManifestOutcome.Apply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one manifest to the managed cluster with its update strategy ({@code Update}, {@code
 * CreateOnly}, {@code ServerSideApply}, {@code ReadOnly}) and reads back what status feedback asks
 * for. API server refusals become the manifest's outcome (with the server's words); other failures
 * are thrown, so the pass is retried.
 */
final class ManifestApplier {
  static final String DEFAULT_FIELD_MANAGER = "work-agent";

  private final KubernetesClient managed;
  private final ResourceMapping mapping;
  private final int maxRawFeedbackBytes;

  ManifestApplier(KubernetesClient managed, ResourceMapping mapping, int maxRawFeedbackBytes) {
    this.managed = managed;
    this.mapping = mapping;
    this.maxRawFeedbackBytes = maxRawFeedbackBytes;
  }

  /** Where {@code manifest} lives; empty when its kind is not served (yet). */
  Optional<ResourceKey> keyOf(Manifest manifest) {
    Optional<APIResource> served = mapping.resourceFor(manifest.apiVersion(), manifest.kind());
    if (served.isEmpty()) {
      return Optional.empty();
    }
    String apiVersion = manifest.apiVersion();
    int slash = apiVersion.indexOf('/');
    Map<String, Object> meta = ObjectMerge.map(manifest.fields().get("metadata"));
    boolean namespaced = Boolean.TRUE.equals(served.get().getNamespaced());
    String namespace = meta.get("namespace") instanceof String ns && !ns.isEmpty() ? ns : null;
    return Optional.of(
        new ResourceKey(
            slash < 0 ? "" : apiVersion.substring(0, slash),
            slash < 0 ? apiVersion : apiVersion.substring(slash + 1),
            manifest.kind(),
            served.get().getName(),
            namespaced,
            namespaced ? (namespace == null ? "default" : namespace) : null,
            (String) meta.get("name")));
  }

  ManifestOutcome apply(
      int ordinal,
      Manifest manifest,
      List<ManifestConfigOption> configs,
      Map<String, Object> ownerReference) {
    Optional<ResourceKey> found = keyOf(manifest);
    if (found.isEmpty()) {
      return new ManifestOutcome(
          ordinal,
          null,
          Apply.RETRYING,
          "Kind "
              + manifest.kind()
              + " of "
              + manifest.apiVersion()
              + " is not served by the managed cluster (yet); retrying",
          Conditions.FALSE,
          null,
          false,
          null,
          List.of());
    }
    ResourceKey key = found.get();
    Optional<ManifestConfigOption> config = ManifestConfigs.forKey(configs, key);
    UpdateStrategyType strategy =
        config
            .map(ManifestConfigOption::getUpdateStrategy)
            .map(s -> s.getType())
            .orElse(UpdateStrategyType.Update);
    Map<String, Object> required = required(manifest, key, strategy, ownerReference);
    Resource<GenericKubernetesResource> resource = resource(key);
    GenericKubernetesResource existing;
    try {
      existing = resource.get();
    } catch (KubernetesClientException e) {
      return refused(ordinal, key, strategy, e, null);
    }
    GenericKubernetesResource live;
    try {
      live =
          switch (strategy) {
            case ReadOnly -> existing;
            case CreateOnly -> existing != null ? existing : create(resource, required);
            case ServerSideApply -> serverSideApply(key, required, existing, config.orElseThrow());
            default -> update(key, resource, required, existing, config);
          };
    } catch (KubernetesClientException e) {
      return refused(ordinal, key, strategy, e, existing);
    } catch (FieldPath.InvalidFieldPath e) {
      // An ignoreFields JSON path of the work's own spec that cannot be used: the work's fault,
      // reported on the manifest, not retried as if the cluster were busy.
      return new ManifestOutcome(
          ordinal,
          key,
          Apply.FAILED,
          "manifestConfigs: ignoreFields: " + e.getMessage(),
          Conditions.FALSE,
          existing == null ? null : existing.getMetadata().getUid(),
          false,
          null,
          List.of());
    }
    if (live == null) {
      return new ManifestOutcome(
          ordinal,
          key,
          strategy == UpdateStrategyType.ReadOnly ? Apply.APPLIED : Apply.RETRYING,
          strategy == UpdateStrategyType.ReadOnly
              ? "ReadOnly: " + key.describe() + " does not exist; the agent does not create it"
              : key.describe() + " was not found after applying; retrying",
          Conditions.FALSE,
          null,
          false,
          null,
          List.of());
    }
    Map<String, Object> liveMap = asMap(live);
    StatusFeedback.Result feedback =
        config.map(ManifestConfigOption::getFeedbackRules).filter(r -> !r.isEmpty()).isPresent()
            ? StatusFeedback.read(
                config.get().getFeedbackRules(),
                key.group(),
                key.kind(),
                liveMap,
                maxRawFeedbackBytes)
            : null;
    return new ManifestOutcome(
        ordinal,
        key,
        Apply.APPLIED,
        strategy == UpdateStrategyType.ReadOnly
            ? "ReadOnly: status read, nothing written"
            : "Apply manifest complete",
        Conditions.TRUE,
        live.getMetadata().getUid(),
        strategy != UpdateStrategyType.ReadOnly,
        feedback == null ? null : feedback.values(),
        feedback == null ? List.of() : feedback.problems(),
        config
            .map(ManifestConfigOption::getConditionRules)
            .filter(r -> !r.isEmpty())
            .map(r -> ConditionRules.evaluate(r, key.group(), key.kind(), liveMap))
            .orElse(List.of()));
  }

  private Map<String, Object> required(
      Manifest manifest,
      ResourceKey key,
      UpdateStrategyType strategy,
      Map<String, Object> ownerReference) {
    @SuppressWarnings("unchecked")
    Map<String, Object> required =
        Serialization.jsonMapper().convertValue(manifest.fields(), LinkedHashMap.class);
    Map<String, Object> meta = new LinkedHashMap<>(ObjectMerge.map(required.get("metadata")));
    if (key.namespace() != null) {
      meta.put("namespace", key.namespace());
    }
    if (strategy != UpdateStrategyType.ReadOnly) {
      List<Object> owners = new ArrayList<>(ObjectMerge.list(meta.get("ownerReferences")));
      owners.add(ownerReference);
      meta.put("ownerReferences", owners);
    }
    required.put("metadata", meta);
    required.remove("status");
    return required;
  }

  private GenericKubernetesResource create(
      Resource<GenericKubernetesResource> resource, Map<String, Object> required) {
    return resource.create(fromMap(required));
  }

  private GenericKubernetesResource update(
      ResourceKey key,
      Resource<GenericKubernetesResource> resource,
      Map<String, Object> required,
      GenericKubernetesResource existing,
      Optional<ManifestConfigOption> config) {
    if (existing == null) {
      return create(resource, required);
    }
    Map<String, Object> live = asMap(existing);
    ObjectMerge.keepLive(required, live, ignoredPaths(config, null));
    if (ObjectMerge.inPlace(required, live)) {
      return existing;
    }
    // Written with the live resourceVersion: a concurrent change makes this fail and the pass is
    // retried on the newer object.
    return handle(key, fromMap(ObjectMerge.updated(required, live))).update();
  }

  private GenericKubernetesResource serverSideApply(
      ResourceKey key,
      Map<String, Object> required,
      GenericKubernetesResource existing,
      ManifestConfigOption config) {
    ServerSideApplyConfig ssa = config.getUpdateStrategy().getServerSideApply();
    String fieldManager =
        ssa == null || ssa.getFieldManager() == null || ssa.getFieldManager().isEmpty()
            ? DEFAULT_FIELD_MANAGER
            : ssa.getFieldManager();
    boolean force = ssa != null && Boolean.TRUE.equals(ssa.getForce());
    if (existing != null) {
      Map<String, Object> live = asMap(existing);
      for (FieldPath path :
          ignoredPaths(Optional.of(config), IgnoreFieldCondition.OnSpokePresent)) {
        if (path.read(live).isPresent()) {
          path.delete(required); // present on the cluster: not ours to set
        }
      }
      for (FieldPath path : ignoredPaths(Optional.of(config), IgnoreFieldCondition.OnSpokeChange)) {
        Optional<Object> mine = path.read(required);
        Optional<Object> theirs = path.read(live);
        if (theirs.isPresent() && !theirs.equals(mine)) {
          path.delete(required); // changed on the cluster: leave that change alone
        }
      }
    }
    var apply = handle(key, fromMap(required)).fieldManager(fieldManager);
    return force ? apply.forceConflicts().serverSideApply() : apply.serverSideApply();
  }

  /** The ignoreFields paths of a manifest's config, of one condition (null: all). */
  private static List<FieldPath> ignoredPaths(
      Optional<ManifestConfigOption> config, IgnoreFieldCondition condition) {
    List<FieldPath> paths = new ArrayList<>();
    config
        .map(ManifestConfigOption::getUpdateStrategy)
        .map(s -> s.getServerSideApply())
        .map(ServerSideApplyConfig::getIgnoreFields)
        .orElse(List.of())
        .forEach(
            (IgnoreField f) -> {
              IgnoreFieldCondition c =
                  f.getCondition() == null ? IgnoreFieldCondition.OnSpokePresent : f.getCondition();
              if (condition == null || condition == c) {
                f.getJsonPaths().forEach(p -> paths.add(FieldPath.parse(p)));
              }
            });
    return paths;
  }

  /** An API server refusal as the manifest's outcome; what already exists stays recorded. */
  private ManifestOutcome refused(
      int ordinal,
      ResourceKey key,
      UpdateStrategyType strategy,
      KubernetesClientException e,
      GenericKubernetesResource existing) {
    String server =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    String message;
    Apply apply;
    switch (e.getCode()) {
      case 400, 422 -> {
        apply = Apply.FAILED;
        message = "The managed cluster's API server rejected " + key.describe() + ": " + server;
      }
      case 403 -> {
        apply = Apply.FAILED;
        message =
            "The work agent may not write "
                + key.resource()
                + (key.group().isEmpty() ? "" : "." + key.group())
                + (key.namespace() == null ? "" : " in namespace " + key.namespace())
                + " ("
                + server
                + "); grant its identity get, create, update and patch on that resource, e.g. with"
                + " a ClusterRole bound to it";
      }
      case 409 -> {
        if (strategy != UpdateStrategyType.ServerSideApply) {
          throw e; // a concurrent write: retried on the newer object
        }
        apply = Apply.FAILED;
        message =
            "Server-side apply conflict on "
                + key.describe()
                + ": "
                + server
                + " (set updateStrategy.serverSideApply.force to take the fields over)";
      }
      case 404 -> {
        apply = Apply.RETRYING;
        message = "Cannot apply " + key.describe() + " yet: " + server + "; retrying";
      }
      default -> throw e;
    }
    return new ManifestOutcome(
        ordinal,
        key,
        apply,
        message,
        existing == null ? Conditions.FALSE : Conditions.TRUE,
        existing == null ? null : existing.getMetadata().getUid(),
        strategy != UpdateStrategyType.ReadOnly,
        null,
        List.of());
  }

  /** The handle to write {@code object} at {@code key}. */
  private Resource<GenericKubernetesResource> handle(
      ResourceKey key, GenericKubernetesResource object) {
    var resources = managed.genericKubernetesResources(ResourceMapping.context(key));
    return key.namespaced()
        ? resources.inNamespace(key.namespace()).resource(object)
        : resources.resource(object);
  }

  private Resource<GenericKubernetesResource> resource(ResourceKey key) {
    var resources = managed.genericKubernetesResources(ResourceMapping.context(key));
    return key.namespaced()
        ? resources.inNamespace(key.namespace()).withName(key.name())
        : resources.withName(key.name());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(GenericKubernetesResource resource) {
    return Serialization.jsonMapper().convertValue(resource, LinkedHashMap.class);
  }

  static GenericKubernetesResource fromMap(Map<String, Object> map) {
    return Serialization.jsonMapper().convertValue(map, GenericKubernetesResource.class);
  }
}
