package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.hub.HubControllers;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ocmj hub}: runs the hub controllers against a hub until stopped. */
@Command(
    name = "hub",
    mixinStandardHelpOptions = true,
    description = "Run the hub controllers (Ctrl-C stops).")
public final class HubCommand implements Callable<Integer> {
  @Mixin HubKubeconfigMixin hubOptions;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    try (KubernetesClient hub = hubOptions.connect();
        HubControllers controllers = HubControllers.start(hub, Clock.systemUTC())) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "ocmj-hub-stop"));
      System.out.println(
          "ocmj hub controllers are running against " + hub.getMasterUrl() + "; Ctrl-C stops.");
      stop.await();
    }
    return 0;
  }
}
