package io.ocmj.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a constraint's Rego sees, built as Gatekeeper builds it for an audit: {@code input.review}
 * (kind, name, namespace, object, and the object's Namespace), {@code input.parameters}, and {@code
 * data.inventory} (cached objects by namespace / cluster, apiVersion, kind and name).
 */
public final class GatekeeperReview {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GatekeeperReview() {}

  /** One violation: the Rego's {@code msg} and {@code details}. */
  public record Violation(String message, JsonNode details) {}

  public static ObjectNode input(
      Map<String, Object> object, Map<String, Object> namespace, Object parameters) {
    String apiVersion = String.valueOf(object.get("apiVersion"));
    int slash = apiVersion.indexOf('/');
    ObjectNode review = JSON.createObjectNode();
    ObjectNode kind = review.putObject("kind");
    kind.put("group", slash < 0 ? "" : apiVersion.substring(0, slash));
    kind.put("version", apiVersion.substring(slash + 1));
    kind.put("kind", String.valueOf(object.get("kind")));
    review.put("name", Maps.string(object, "metadata", "name"));
    String ns = Maps.string(object, "metadata", "namespace");
    if (ns != null && !ns.isEmpty()) {
      review.put("namespace", ns);
    }
    review.set("object", JSON.valueToTree(object));
    if (namespace != null) {
      review.set("namespaceObject", JSON.valueToTree(namespace));
    }
    ObjectNode input = JSON.createObjectNode();
    input.set("review", review);
    input.set(
        "parameters", parameters == null ? JSON.createObjectNode() : JSON.valueToTree(parameters));
    return input;
  }

  /** {@code {"inventory": {"namespace": {...}, "cluster": {...}}}} for the given objects. */
  public static ObjectNode inventory(List<Map<String, Object>> objects) {
    ObjectNode data = JSON.createObjectNode();
    ObjectNode inventory = data.putObject("inventory");
    ObjectNode namespaced = inventory.putObject("namespace");
    ObjectNode cluster = inventory.putObject("cluster");
    for (Map<String, Object> o : objects) {
      String ns = Maps.string(o, "metadata", "namespace");
      ObjectNode root = ns == null || ns.isEmpty() ? cluster : child(namespaced, ns);
      child(child(root, String.valueOf(o.get("apiVersion"))), String.valueOf(o.get("kind")))
          .set(Maps.string(o, "metadata", "name"), JSON.valueToTree(o));
    }
    return data;
  }

  private static ObjectNode child(ObjectNode parent, String field) {
    JsonNode existing = parent.get(field);
    return existing instanceof ObjectNode node ? node : parent.putObject(field);
  }

  /** The violations of one object against one constraint (empty when it does not match). */
  public static List<Violation> review(
      RegoModule module,
      Map<String, Object> constraint,
      Map<String, Object> object,
      Map<String, Object> namespace,
      JsonNode data)
      throws RegoException {
    return review(module, constraint, object, namespace, data, RegoModule.DEFAULT_TIME_LIMIT);
  }

  /** As {@link #review(RegoModule, Map, Map, Map, JsonNode)}, within this time limit. */
  public static List<Violation> review(
      RegoModule module,
      Map<String, Object> constraint,
      Map<String, Object> object,
      Map<String, Object> namespace,
      JsonNode data,
      Duration timeLimit)
      throws RegoException {
    if (!ConstraintMatch.matches(constraint, object, namespace)) {
      return List.of();
    }
    JsonNode result =
        module.evaluate(
            input(object, namespace, Maps.get(constraint, "spec", "parameters")), data, timeLimit);
    List<Violation> violations = new ArrayList<>();
    if (result != null && result.isArray()) {
      for (JsonNode v : result) {
        violations.add(new Violation(v.path("msg").asText(""), v.get("details")));
      }
    }
    return violations;
  }
}
