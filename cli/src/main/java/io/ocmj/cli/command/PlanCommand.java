package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.cli.UserError;
import io.ocmj.hub.placement.PlacementPlan;
import io.ocmj.hub.placement.PlacementSchedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj plan placement -f placement.yaml}: which clusters a Placement file would select on
 * the hub now, and why each other cluster is left out (set, predicate, taint, spread, count), with
 * the controller's scheduler; nothing is written.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show what a Placement file would select on the hub, writing nothing.")
public final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "What to plan: placement.")
  String what;

  @Option(
      names = {"-f", "--file"},
      required = true,
      description = "The Placement YAML file.")
  Path file;

  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace to plan in (default: the file's, else default).")
  String namespace;

  @Mixin HubKubeconfigMixin hubOptions;

  @Override
  public Integer call() {
    if (!"placement".equals(what) && !"placements".equals(what)) {
      throw new UserError("plan " + what + ": unknown kind; try: ocmj plan placement -f FILE");
    }
    Placement placement = PlacementFile.read(file, namespace);
    PrintWriter out = spec.commandLine().getOut();
    PlacementSchedule.Result result;
    try (KubernetesClient hub = hubOptions.connect()) {
      result = PlacementPlan.plan(hub, placement, Instant.now());
    }
    if (result.misconfigured().isPresent()) {
      throw new UserError(file + ": " + result.misconfigured().get());
    }
    out.printf(
        "Placement %s/%s from %s (nothing written)%n",
        placement.getMetadata().getNamespace(), placement.getMetadata().getName(), file);
    out.printf(
        "PlacementSatisfied=%s %s: %s%n",
        result.satisfied() ? "True" : "False", result.satisfiedReason(), result.satisfiedMessage());
    String format = "  %-24s %-16s %s%n";
    out.printf("%nSelected (%d):%n", result.selected().size());
    out.printf(format, "CLUSTER", "GROUP", "SCORE");
    Map<String, String> groups = new TreeMap<>();
    for (PlacementSchedule.Group g : result.groups()) {
      g.clusters()
          .forEach(c -> groups.put(c, g.index() + (g.name().isEmpty() ? "" : " " + g.name())));
    }
    for (String cluster : result.selected()) {
      out.printf(
          format,
          cluster,
          groups.getOrDefault(cluster, ""),
          result.scores().getOrDefault(cluster, 0L));
    }
    out.printf("%nLeft out (%d):%n", result.filtered().size());
    out.printf("  %-24s %s%n", "CLUSTER", "WHY");
    new TreeMap<>(result.filtered()).forEach((c, why) -> out.printf("  %-24s %s%n", c, why));
    out.flush();
    return 0;
  }
}
