package io.ocmj.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.gitops.DesiredSet.Desired;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies one commit's objects, all or nothing as far as the API server can tell beforehand: a
 * server-side dry-run of every object first (schema, admission, RBAC, field-manager conflicts); if
 * one fails, nothing is written. Then CustomResourceDefinitions and Namespaces (CRDs waited for
 * until Established), then the rest in Flux's kind order, each with server-side apply (field
 * manager {@value GitSync#FIELD_MANAGER}) only when the dry-run result differs from the live object
 * (drift or a new commit). Objects of a kind that a CRD of the same commit defines, or in a
 * namespace the commit creates, can only be dry-run once that CRD or Namespace exists: the commit's
 * new CRDs and Namespaces are created first (after their own dry-run and that of everything else
 * that can be checked), then those objects are checked, as Flux and Argo CD do; if they fail, the
 * new CRDs and Namespaces stay and nothing else of the commit is written (changes to existing CRDs
 * and Namespaces included).
 */
public final class SyncApplier {
  /** Flux's order (fluxcd/pkg ssa): these kinds first, in this order, then the rest by kind. */
  static final List<String> KIND_ORDER =
      List.of(
          "CustomResourceDefinition",
          "Namespace",
          "ResourceQuota",
          "StorageClass",
          "ServiceAccount",
          "PodSecurityPolicy",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "ConfigMap",
          "Secret",
          "Service",
          "LimitRange",
          "PriorityClass",
          "Deployment",
          "StatefulSet",
          "CronJob",
          "PodDisruptionBudget");

  private SyncApplier() {}

  /** What happened: one line per object that changed, and errors (then nothing was applied). */
  public record Outcome(List<String> changes, List<SyncError> errors) {
    public boolean succeeded() {
      return errors.isEmpty();
    }
  }

  /** Server-side dry-run of every object whose kind is served now: the would-be changes. */
  public static Outcome dryRun(KubernetesClient client, List<Desired> objects, boolean force) {
    List<String> changes = new ArrayList<>();
    List<SyncError> errors = new ArrayList<>();
    Deferred deferred = new Deferred(client, objects);
    LiveObjects lives = new LiveObjects(client, objects);
    for (Desired d : sorted(objects)) {
      if (deferred.test(d)) {
        changes.add(d.id() + " (checked once its CRD or Namespace is applied)");
        continue;
      }
      check(client, d, force, errors, lives)
          .ifPresent(plan -> changes.add(d.id() + " " + plan.verb()));
    }
    return new Outcome(changes, errors);
  }

  /** Dry-run, then apply if every object passed. */
  public static Outcome apply(KubernetesClient client, List<Desired> objects, boolean force) {
    List<SyncError> errors = new ArrayList<>();
    Deferred deferred = new Deferred(client, objects);
    LiveObjects lives = new LiveObjects(client, objects);
    List<Desired> order = sorted(objects);
    Map<String, Plan> toWrite = new HashMap<>();
    for (Desired d : order) {
      if (!deferred.test(d)) {
        check(client, d, force, errors, lives).ifPresent(plan -> toWrite.put(d.id().id(), plan));
      }
    }
    if (!errors.isEmpty()) {
      return new Outcome(List.of(), errors);
    }
    List<String> applied = new ArrayList<>();
    // Only the Namespaces and CRDs the commit creates are written before the deferred objects are
    // checked; changes to existing ones wait with the rest.
    for (Desired d : order) {
      Plan plan = toWrite.get(d.id().id());
      if (errors.isEmpty()
          && clusterDefinition(d)
          && plan != null
          && plan.verb().equals("created")) {
        write(client, d, toWrite.remove(d.id().id()), applied, errors);
        if (errors.isEmpty() && d.id().kind().equals("CustomResourceDefinition")) {
          waitEstablished(client, d, errors);
        }
      }
    }
    for (Desired d : order) {
      if (errors.isEmpty() && deferred.test(d)) {
        check(client, d, force, errors, lives).ifPresent(plan -> toWrite.put(d.id().id(), plan));
      }
    }
    for (Desired d : order) {
      if (errors.isEmpty() && toWrite.containsKey(d.id().id())) {
        write(client, d, toWrite.get(d.id().id()), applied, errors);
        if (errors.isEmpty() && d.id().kind().equals("CustomResourceDefinition")) {
          waitEstablished(client, d, errors);
        }
      }
    }
    return new Outcome(applied, errors);
  }

  private static boolean clusterDefinition(Desired d) {
    return d.id().kind().equals("CustomResourceDefinition") || d.id().kind().equals("Namespace");
  }

  /** How one object would be written: the verb, and whether with force. */
  private record Plan(String verb, boolean force) {}

  /**
   * Server-side dry-run of one object: how it would be written when applying would change it, empty
   * when it would not (or failed, then with an error). Fields that {@code kubectl} took over (an
   * edit, a client-side apply) are taken back, as Flux does; a conflict with any other field
   * manager is reported unless the GitSync forces.
   */
  private static Optional<Plan> check(
      KubernetesClient client,
      Desired d,
      boolean force,
      List<SyncError> errors,
      LiveObjects lives) {
    Resource<GenericKubernetesResource> resource = client.resource(d.object());
    try {
      GenericKubernetesResource live = lives.get(d);
      // The revision annotation says which commit last changed the object: a commit that leaves
      // it as it is does not count as a change (nor rewrite it, nor list it as "configured").
      String liveRevision = revision(live);
      if (live != null
          && LiveMatch.holds(
              Serialization.jsonMapper().valueToTree(live),
              withRevision(Serialization.jsonMapper().valueToTree(d.object()), liveRevision))) {
        return Optional.empty();
      }
      GenericKubernetesResource result;
      boolean forced = force;
      try {
        result = dryRun(resource, force);
      } catch (KubernetesClientException e) {
        if (force || e.getCode() != 409 || !onlyKubectl(e)) {
          throw e;
        }
        forced = true;
        result = dryRun(resource, true);
      }
      if (live == null) {
        return Optional.of(new Plan("created", forced));
      }
      return comparable(live, liveRevision).equals(comparable(result, liveRevision))
          ? Optional.empty()
          : Optional.of(new Plan("configured", forced));
    } catch (KubernetesClientException e) {
      errors.add(new SyncError(d.file(), d.document(), d.id().toString(), message(e, force)));
      return Optional.empty();
    }
  }

  private static GenericKubernetesResource dryRun(
      Resource<GenericKubernetesResource> resource, boolean force) {
    var dry = resource.dryRun().fieldManager(GitSync.FIELD_MANAGER);
    return force ? dry.forceConflicts().serverSideApply() : dry.serverSideApply();
  }

  /**
   * Whether every field-manager conflict is with kubectl (edit, patch, client-side apply) or with
   * the hub's defaults ({@link GitSync#DEFAULTS_FIELD_MANAGER}).
   */
  private static boolean onlyKubectl(KubernetesClientException e) {
    Status status = e.getStatus();
    if (status == null
        || status.getDetails() == null
        || status.getDetails().getCauses().isEmpty()) {
      return false;
    }
    return status.getDetails().getCauses().stream()
        .allMatch(
            c -> {
              Matcher m = MANAGER.matcher(String.valueOf(c.getMessage()));
              return m.find()
                  && (m.group(1).startsWith("kubectl")
                      || m.group(1).equals("before-first-apply")
                      || m.group(1).equals(GitSync.DEFAULTS_FIELD_MANAGER));
            });
  }

  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");

  /**
   * The object without what every write changes (managed fields, resource version, generation),
   * with the live object's revision annotation (when it has one) in place of the commit's.
   */
  private static JsonNode comparable(GenericKubernetesResource object, String liveRevision) {
    ObjectNode node = Serialization.jsonMapper().valueToTree(object);
    if (node.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove(List.of("managedFields", "resourceVersion", "generation"));
    }
    return withRevision(node, liveRevision);
  }

  private static String revision(GenericKubernetesResource live) {
    if (live == null || live.getMetadata().getAnnotations() == null) {
      return null;
    }
    return live.getMetadata().getAnnotations().get(GitSync.ANNOTATION_REVISION);
  }

  /** {@code node} with its revision annotation set to {@code revision}, unless that is null. */
  private static JsonNode withRevision(JsonNode node, String revision) {
    if (revision != null
        && node.get("metadata") instanceof ObjectNode metadata
        && metadata.get("annotations") instanceof ObjectNode annotations
        && annotations.has(GitSync.ANNOTATION_REVISION)) {
      annotations.put(GitSync.ANNOTATION_REVISION, revision);
    }
    return node;
  }

  private static void write(
      KubernetesClient client, Desired d, Plan plan, List<String> applied, List<SyncError> errors) {
    try {
      var apply = client.resource(d.object()).fieldManager(GitSync.FIELD_MANAGER);
      if (plan.force()) {
        apply.forceConflicts().serverSideApply();
      } else {
        apply.serverSideApply();
      }
      applied.add(d.id() + " " + plan.verb());
    } catch (KubernetesClientException e) {
      errors.add(
          new SyncError(d.file(), d.document(), d.id().toString(), message(e, plan.force())));
    }
  }

  private static void waitEstablished(
      KubernetesClient client, Desired crd, List<SyncError> errors) {
    try {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.id().name())
          .waitUntilCondition(
              c ->
                  c != null
                      && c.getStatus() != null
                      && c.getStatus().getConditions().stream()
                          .anyMatch(
                              x ->
                                  "Established".equals(x.getType())
                                      && "True".equals(x.getStatus())),
              60,
              TimeUnit.SECONDS);
    } catch (KubernetesClientException | IllegalStateException e) {
      errors.add(
          new SyncError(
              crd.file(), crd.document(), crd.id().toString(), "not Established within 60 s"));
    }
  }

  /** The API server's reason, without the object's name it repeats, naming the field. */
  static String message(KubernetesClientException e, boolean force) {
    Status status = e.getStatus();
    if (status == null) {
      // fabric8 wraps what went wrong before a status came back (e.g. a value the client could not
      // even serialise): the innermost message says what.
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      return Redact.url(String.valueOf(cause.getMessage()));
    }
    String text;
    if (status.getDetails() != null && !status.getDetails().getCauses().isEmpty()) {
      text =
          status.getDetails().getCauses().stream()
              .map(SyncApplier::cause)
              .collect(Collectors.joining("; "));
    } else {
      text = String.valueOf(status.getMessage());
      int invalid = text.indexOf(" is invalid: ");
      if (invalid >= 0) {
        text = text.substring(invalid + " is invalid: ".length());
      }
    }
    if (Integer.valueOf(409).equals(status.getCode()) && !force) {
      text += " (other field managers own these fields; set spec.force: true to take them over)";
    }
    return text;
  }

  private static String cause(StatusCause cause) {
    String message = String.valueOf(cause.getMessage());
    String field = cause.getField();
    return field == null || field.isEmpty() || message.startsWith(field)
        ? message
        : field + ": " + message;
  }

  /**
   * Objects that cannot be dry-run before the commit's own CRDs and Namespaces exist: of a kind a
   * CRD of the commit defines, or in a namespace the commit creates.
   */
  private static final class Deferred implements java.util.function.Predicate<Desired> {
    private final Set<String> kinds;
    private final Set<String> namespaces = new HashSet<>();

    Deferred(KubernetesClient client, List<Desired> objects) {
      kinds = kindsDefinedBy(client, objects);
      for (Desired d : objects) {
        if (d.id().kind().equals("Namespace")
            && d.id().group().isEmpty()
            && client.namespaces().withName(d.id().name()).get() == null) {
          namespaces.add(d.id().name());
        }
      }
    }

    @Override
    public boolean test(Desired d) {
      return !clusterDefinition(d)
          && (kinds.contains(d.id().group() + "/" + d.id().kind())
              || namespaces.contains(d.id().namespace()));
    }
  }

  /** Kinds defined by CRDs of the commit that the hub does not have yet. */
  private static Set<String> kindsDefinedBy(KubernetesClient client, List<Desired> objects) {
    Set<String> kinds = new HashSet<>();
    for (Desired d : objects) {
      if (d.id().kind().equals("CustomResourceDefinition")
          && client.apiextensions().v1().customResourceDefinitions().withName(d.id().name()).get()
              == null
          && d.object().getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
          && spec.get("names") instanceof Map<?, ?> names) {
        kinds.add(spec.get("group") + "/" + names.get("kind"));
      }
    }
    return kinds;
  }

  static List<Desired> sorted(List<Desired> objects) {
    return objects.stream()
        .sorted(
            Comparator.comparingInt((Desired d) -> rank(d.id().kind()))
                .thenComparing(d -> d.id().group())
                .thenComparing(d -> d.id().kind())
                .thenComparing(d -> d.id().namespace())
                .thenComparing(d -> d.id().name()))
        .toList();
  }

  private static int rank(String kind) {
    int i = KIND_ORDER.indexOf(kind);
    if (i >= 0) {
      return i;
    }
    return kind.endsWith("WebhookConfiguration") ? KIND_ORDER.size() + 1 : KIND_ORDER.size();
  }
}
