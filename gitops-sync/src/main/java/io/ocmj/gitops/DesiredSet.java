package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects one commit asks for, checked against what the hub serves: apiVersion, kind and
 * metadata.name present, the kind served (or defined by a CRD of the same commit), namespaces by
 * the scope of the kind (namespaced objects without one get {@code targetNamespace} or the
 * GitSync's; {@code targetNamespace} overrides, as Flux's does; cluster-scoped objects take none),
 * no identity twice. Every object gets the GitSync's label and the commit in an annotation. Pure
 * given {@link ApiScopes}.
 */
public final class DesiredSet {
  private DesiredSet() {}

  /** Whether a kind is namespaced; empty when the hub does not serve it. */
  public interface ApiScopes {
    Optional<Boolean> namespaced(String apiVersion, String kind);
  }

  /** One object to apply, where it came from and its identity. */
  public record Desired(ObjectId id, String file, int document, GenericKubernetesResource object) {}

  public record Result(List<Desired> objects, List<SyncError> errors) {}

  public static Result build(
      List<SourceObject> sources, GitSync sync, String commit, ApiScopes served) {
    List<SyncError> errors = new ArrayList<>();
    ApiScopes scopes = withCrdsOf(sources, served);
    String namespace = sync.getMetadata().getNamespace();
    String target = sync.getSpec().getTargetNamespace();
    Map<String, Desired> byId = new LinkedHashMap<>();
    for (SourceObject source : sources) {
      Optional<String> bad = missing(source);
      if (bad.isPresent()) {
        errors.add(new SyncError(source.file(), source.document(), null, bad.get()));
        continue;
      }
      Optional<Boolean> namespaced = scopes.namespaced(source.apiVersion(), source.kind());
      if (namespaced.isEmpty()) {
        errors.add(
            error(
                source,
                "kind "
                    + source.kind()
                    + " of apiVersion "
                    + source.apiVersion()
                    + " is not served by the hub (is its CRD installed?)"));
        continue;
      }
      String objectNamespace = source.namespace();
      if (namespaced.get()) {
        if (target != null && !target.isEmpty()) {
          objectNamespace = target;
        } else if (objectNamespace == null || objectNamespace.isEmpty()) {
          objectNamespace = namespace;
        }
      } else if (objectNamespace != null && !objectNamespace.isEmpty()) {
        errors.add(
            error(
                source,
                "metadata.namespace: " + source.kind() + " is cluster-scoped and takes none"));
        continue;
      }
      ObjectId id = ObjectId.of(source.apiVersion(), source.kind(), objectNamespace, source.name());
      Desired earlier = byId.get(id.id());
      if (earlier != null) {
        errors.add(
            error(
                source,
                "the same object is also in " + earlier.file() + "[" + earlier.document() + "]"));
        continue;
      }
      GenericKubernetesResource object;
      try {
        object =
            Serialization.jsonMapper()
                .convertValue(source.content(), GenericKubernetesResource.class);
      } catch (IllegalArgumentException e) {
        errors.add(error(source, "metadata: " + firstLine(e)));
        continue;
      }
      object.getMetadata().setNamespace(namespaced.get() ? objectNamespace : null);
      Map<String, String> labels =
          new HashMap<>(
              object.getMetadata().getLabels() == null
                  ? Map.of()
                  : object.getMetadata().getLabels());
      labels.put(GitSync.LABEL_SYNC, sync.syncLabel());
      object.getMetadata().setLabels(labels);
      Map<String, String> annotations =
          new HashMap<>(
              object.getMetadata().getAnnotations() == null
                  ? Map.of()
                  : object.getMetadata().getAnnotations());
      annotations.put(GitSync.ANNOTATION_REVISION, commit);
      object.getMetadata().setAnnotations(annotations);
      byId.put(id.id(), new Desired(id, source.file(), source.document(), object));
    }
    return new Result(List.copyOf(byId.values()), errors);
  }

  private static Optional<String> missing(SourceObject source) {
    if (source.apiVersion() == null || source.apiVersion().isBlank()) {
      return Optional.of("apiVersion: required");
    }
    if (source.kind() == null || source.kind().isBlank()) {
      return Optional.of("kind: required");
    }
    if (source.metadata() == null) {
      return Optional.of(source.kind() + ": metadata: required");
    }
    if (source.name() == null || source.name().isBlank()) {
      return Optional.of(
          source.kind()
              + ": metadata.name: required"
              + (source.metadata().containsKey("generateName")
                  ? " (generateName would create a new object on every sync)"
                  : ""));
    }
    if (source.metadata().containsKey("namespace")
        && !(source.metadata().get("namespace") instanceof String)) {
      return Optional.of(source.describe() + ": metadata.namespace: must be a string");
    }
    return Optional.empty();
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int chain = message.indexOf(" (through reference chain");
    return (chain > 0 ? message.substring(0, chain) : message).lines().findFirst().orElse("");
  }

  private static SyncError error(SourceObject source, String message) {
    return new SyncError(source.file(), source.document(), source.describe(), message);
  }

  /** The hub's scopes, plus the kinds the commit's own CRDs define. */
  @SuppressWarnings("unchecked")
  private static ApiScopes withCrdsOf(List<SourceObject> sources, ApiScopes served) {
    Map<String, Boolean> defined = new HashMap<>();
    for (SourceObject s : sources) {
      if (!"CustomResourceDefinition".equals(s.kind())
          || !(s.content().get("spec") instanceof Map<?, ?> spec)
          || !(spec.get("names") instanceof Map<?, ?> names)
          || !(spec.get("versions") instanceof List<?> versions)) {
        continue;
      }
      boolean namespaced = "Namespaced".equals(spec.get("scope"));
      for (Object v : versions) {
        if (v instanceof Map<?, ?> version) {
          defined.put(
              spec.get("group") + "/" + version.get("name") + "/" + names.get("kind"), namespaced);
        }
      }
    }
    return (apiVersion, kind) -> {
      Boolean own = defined.get(apiVersion + "/" + kind);
      return own != null ? Optional.of(own) : served.namespaced(apiVersion, kind);
    };
  }
}
