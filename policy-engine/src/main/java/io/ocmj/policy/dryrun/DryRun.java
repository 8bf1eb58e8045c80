package io.ocmj.policy.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.api.policy.v1.ConfigurationPolicyStatus;
import io.ocmj.policy.config.ConfigPolicyEvaluator;
import io.ocmj.policy.config.ConfigPolicyStatuses;
import io.ocmj.policy.config.Evaluation;
import io.ocmj.policy.config.ObjectResult;
import io.ocmj.policy.config.TemplateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a ConfigurationPolicy (inform only, as OCM's dryrun does) against in-memory objects and
 * renders the report OCM's dryrun prints: an optional status comparison, the diff of every related
 * object, and the compliance message.
 */
public final class DryRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DryRun() {}

  /** What one dry-run produced. */
  public record Report(Evaluation evaluation, ConfigurationPolicyStatus status, String text) {}

  public static Report run(
      ConfigurationPolicy policy, List<Map<String, Object>> objects, Map<?, ?> expectedStatus) {
    InMemoryCluster cluster = new InMemoryCluster(objects);
    Evaluation evaluation =
        ConfigPolicyEvaluator.evaluate(policy, cluster, ConfigPolicyEvaluator.Options.informOnly());
    ConfigurationPolicyStatus status =
        ConfigPolicyStatuses.build(null, evaluation, null, Instant.EPOCH);
    StringBuilder text = new StringBuilder();
    if (expectedStatus != null) {
      Map<?, ?> actual = JSON.convertValue(status, Map.class);
      text.append("# Status compare:\n");
      StatusCompare.compare(expectedStatus, actual)
          .lines()
          .forEach(l -> text.append(l).append('\n'));
      text.append('\n');
    }
    text.append("# Diffs:\n");
    for (ObjectResult o : sortedObjects(evaluation)) {
      text.append(o.kind().apiVersion())
          .append(' ')
          .append(o.kind().kind())
          .append(' ')
          .append(id(o))
          .append(":\n")
          .append(Objects.toString(o.diff(), ""))
          .append('\n');
    }
    text.append("# Compliance messages:\n").append(evaluation.message()).append('\n');
    return new Report(evaluation, status, text.toString());
  }

  private static List<ObjectResult> sortedObjects(Evaluation evaluation) {
    List<ObjectResult> all = new ArrayList<>();
    for (TemplateResult t : evaluation.templates()) {
      all.addAll(t.objects());
    }
    all.sort(
        Comparator.comparing(o -> o.kind().apiVersion() + " " + o.kind().kind() + " " + id(o)));
    return all;
  }

  private static String id(ObjectResult o) {
    String name = o.name() == null ? "-" : o.name();
    return o.namespace() == null ? name : o.namespace() + "/" + name;
  }
}
