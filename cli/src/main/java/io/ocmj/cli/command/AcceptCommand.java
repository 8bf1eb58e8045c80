package io.ocmj.cli.command;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.cli.UserError;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ocmj accept}: the hub's opt-in; sets hubAcceptsClient and waits for Joined. */
@Command(
    name = "accept",
    mixinStandardHelpOptions = true,
    description = "Accept managed clusters on the hub and wait until they joined.")
public final class AcceptCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HubKubeconfigMixin hubOptions;

  @Option(
      names = "--clusters",
      required = true,
      split = ",",
      description = "Clusters to accept, comma separated.")
  List<String> clusters;

  @Option(
      names = "--wait",
      defaultValue = "PT2M",
      description =
          "How long to wait for each cluster to join, ISO-8601 (default: ${DEFAULT-VALUE}); PT0S does not wait.")
  Duration wait;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient hub = hubOptions.connect()) {
      for (String cluster : clusters) {
        if (hub.resources(ManagedCluster.class).withName(cluster).get() == null) {
          throw new UserError(
              "cluster "
                  + cluster
                  + ": no ManagedCluster of that name on the hub (has its agent joined yet?)");
        }
      }
      for (String cluster : clusters) {
        hub.resources(ManagedCluster.class)
            .withName(cluster)
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"hubAcceptsClient\":true}}");
        out.printf("accepted %s%n", cluster);
        out.flush();
      }
      if (wait.isZero()) {
        return 0;
      }
      for (String cluster : clusters) {
        out.printf("waiting for %s to join", cluster);
        out.flush();
        try {
          await()
              .atMost(wait)
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> {
                    out.print(".");
                    out.flush();
                    ManagedCluster mc = hub.resources(ManagedCluster.class).withName(cluster).get();
                    return mc != null && ManagedCluster.isTrue(mc, ManagedCluster.CONDITION_JOINED);
                  });
        } catch (ConditionTimeoutException e) {
          out.println();
          throw new UserError(
              "cluster " + cluster + " did not join within " + wait + " (is its agent running?)");
        }
        out.printf(" joined%n");
      }
    }
    return 0;
  }
}
