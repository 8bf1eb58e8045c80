package io.ocmj.policy.config;

import java.util.Map;

/** Evaluates (and in enforce mode remediates) one named object of an object template. */
final class NamedObject {
  private final ClusterView view;
  private final KindInfo kind;
  private final String namespace;
  private final String name;
  private final boolean enforce;

  NamedObject(ClusterView view, KindInfo kind, String namespace, String name, boolean enforce) {
    this.view = view;
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.enforce = enforce;
  }

  ObjectResult evaluate(
      ObjectTemplateSpec t, Map<String, Object> template, Map<String, Object> existing)
      throws EvaluationError {
    Map<String, Object> desired = SecretData.normalised(kind, template);
    if (t.type() == ComplianceType.MUST_NOT_HAVE) {
      if (existing == null) {
        return result(Reason.MISSING_AS_EXPECTED);
      }
      if (!enforce) {
        return result(Reason.FOUND_MUST_NOT);
      }
      write(() -> view.delete(kind, namespace, name), "delete");
      return result(Reason.DELETED);
    }
    if (existing == null) {
      if (!enforce) {
        return result(Reason.NOT_FOUND);
      }
      Map<String, Object>[] created = new Map[1];
      write(
          () -> created[0] = view.create(kind, ObjectFields.named(desired, name, namespace)),
          "create");
      return new ObjectResult(
          kind, namespace, name, Reason.CREATED, null, true, ObjectFields.uid(created[0]));
    }
    ObjectComparison.Outcome outcome =
        ObjectComparison.compare(desired, existing, t.type(), t.metadataType());
    if (outcome.error() != null) {
      throw new EvaluationError(outcome.error());
    }
    if (outcome.matches()) {
      return result(Reason.FOUND_AS_SPECIFIED);
    }
    String diff = Diffs.recorded(t, kind, id(), existing, outcome.merged());
    if (!enforce) {
      return result(Reason.NOT_MATCHING).withDiff(diff);
    }
    write(() -> view.update(kind, outcome.merged()), "update");
    return result(Reason.UPDATED).withDiff(diff);
  }

  private String id() {
    return namespace == null ? name : namespace + "/" + name;
  }

  private ObjectResult result(Reason reason) {
    return ObjectResult.of(kind, namespace, name, reason);
  }

  private interface Write {
    void run() throws ClusterWriteException;
  }

  private void write(Write write, String verb) throws EvaluationError {
    try {
      write.run();
    } catch (ClusterWriteException e) {
      throw new EvaluationError(
          "Failed to "
              + verb
              + " "
              + kind.plural()
              + " ["
              + name
              + "]"
              + (namespace == null ? "" : " in namespace " + namespace)
              + ": "
              + e.getMessage());
    }
  }
}
