package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.cli.UserError;
import io.ocmj.cli.monitoring.MonitoringServer;
import io.ocmj.gitops.GitSyncController;
import io.ocmj.hub.HubConfig;
import io.ocmj.hub.HubControllers;
import io.ocmj.hub.LeaderElection;
import io.ocmj.hub.console.ConsoleServer;
import io.ocmj.hub.console.ConsoleTls;
import io.ocmj.hub.monitoring.ControllerMetrics;
import io.ocmj.hub.monitoring.FleetGauges;
import io.ocmj.testing.Binaries;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ocmj hub}: runs the hub controllers and the GitSync controller (with its webhook receiver)
 * against a hub until stopped.
 */
@Command(
    name = "hub",
    mixinStandardHelpOptions = true,
    description = "Run the hub controllers (Ctrl-C stops).")
public final class HubCommand implements Callable<Integer> {
  @Mixin HubKubeconfigMixin hubOptions;
  @Mixin MonitoringMixin monitoringOptions;

  @Option(
      names = "--webhook-listen",
      defaultValue = "127.0.0.1:9292",
      description =
          "host:port for GitSync webhooks (default ${DEFAULT-VALUE}; 'off' runs no receiver).")
  String webhookListen;

  @Option(
      names = "--git-cache",
      description = "Where GitSyncs keep their Git repositories (default: ~/.cache/ocmj/gitsync).")
  Path gitCache;

  @Option(
      names = "--opa",
      description =
          "The opa CLI that compiles Gatekeeper ConstraintTemplates (default: the one built into"
              + " ~/.cache/ocmj/bin, if there).")
  Path opa;

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "${env:OCMJ_LEADER_ELECTION_NAMESPACE}",
      description =
          "Run several replicas: only the holder of the Leases ocmj-hub-controllers and"
              + " ocmj-gitsync in this namespace reconciles (default: no leader election).")
  String leaderElectionNamespace;

  @Option(
      names = "--git-allow-file-urls",
      description =
          "Let GitSyncs use file:// repositories (off by default: they would read the hub"
              + " process's own file system).")
  boolean allowFileUrls;

  @Option(
      names = "--console-port",
      description =
          "Serve the fleet console (read-only web page) on this port (0: any free port; default:"
              + " no console). Sign-in with a bearer token the hub accepts; each user sees what"
              + " their RBAC lets them list.")
  Integer consolePort;

  @Option(
      names = "--console-address",
      defaultValue = "127.0.0.1",
      description = "The address the console binds (default ${DEFAULT-VALUE}: this machine only).")
  String consoleAddress;

  @Option(
      names = "--console-dev",
      description =
          "Console without sign-in: every visitor sees everything, as the hub's admin (loopback"
              + " addresses only; for local development).")
  boolean consoleDev;

  @Option(
      names = "--console-tls-cert",
      paramLabel = "FILE",
      description =
          "Serve the console over HTTPS with this PEM certificate (chain, leaf first); with"
              + " --console-tls-key. Then a client certificate of the hub's client CA signs a"
              + " user in too.")
  Path consoleTlsCert;

  @Option(
      names = "--console-tls-key",
      paramLabel = "FILE",
      description = "The PEM private key of --console-tls-cert.")
  Path consoleTlsKey;

  @Option(
      names = "--console-client-ca",
      paramLabel = "FILE",
      description =
          "PEM CA certificates whose client certificates sign users in (CN: user, O: groups),"
              + " with --console-tls-cert (default: the CA the hub's API server trusts, from"
              + " kube-system/extension-apiserver-authentication).")
  Path consoleClientCa;

  @Override
  public Integer call() throws Exception {
    if (consolePort != null && (consolePort < 0 || consolePort > 65535)) {
      throw new UserError("--console-port: must be 0..65535, was " + consolePort);
    }
    if (consoleDev && consolePort == null) {
      throw new UserError("--console-dev: needs --console-port");
    }
    InetSocketAddress consoleListen = consoleListen(); // checked before anything starts
    ConsoleTls consoleTls = consoleTls();
    InetSocketAddress webhook = ListenAddress.parse("--webhook-listen", webhookListen);
    Path cache = gitCache != null ? gitCache : Binaries.defaultCacheDir().resolve("gitsync");
    LeaderElection gitsyncElection =
        leaseNamespace() == null
            ? null
            : LeaderElection.of(GitSyncController.LEASE, leaseNamespace());
    try (StopSignal stop = StopSignal.install("ocmj-hub-stop");
        MonitoringServer monitoring = monitoringOptions.start();
        KubernetesClient hub = hubOptions.connectOrInPod();
        HubControllers controllers =
            HubControllers.start(
                hub,
                Clock.systemUTC(),
                HubConfig.defaults().withOpa(opa()).withLeaderElection(leaseNamespace()));
        GitSyncController gitops =
            GitSyncController.start(
                hub,
                cache,
                Clock.systemUTC(),
                webhook,
                ControllerMetrics.global(),
                gitsyncElection == null ? null : gitsyncElection.configuration(),
                allowFileUrls);
        // Closed before the GitSync controller: giving up its lease then is not a loss.
        AutoCloseable gitsyncStopping =
            () -> {
              if (gitsyncElection != null) {
                gitsyncElection.stopping();
              }
            };
        FleetGauges fleet =
            monitoring == null ? null : FleetGauges.start(hub, monitoring.registry());
        ConsoleServer console = console(hub, consoleListen, consoleTls)) {
      if (monitoring != null) {
        monitoring.ready("hub-controllers", controllers::ready).ready("gitsync", gitops::ready);
        monitoring.live("hub-controllers-leadership", controllers::live);
        if (gitsyncElection != null) {
          monitoring.live("gitsync-leadership", () -> !gitsyncElection.lost());
        }
      }
      System.out.println(
          "ocmj hub controllers are running against "
              + hub.getMasterUrl()
              + gitops.webhookPort().stream()
                  .mapToObj(p -> "; GitSync webhooks on " + webhook.getHostString() + ":" + p)
                  .findFirst()
                  .orElse("")
              + (monitoring == null ? "" : "; metrics on " + monitoring.url() + "/metrics")
              + (console == null
                  ? ""
                  : "; console on " + console.url() + (consoleDev ? " (dev mode, no sign-in)" : ""))
              + "; Ctrl-C stops.");
      stop.await();
    }
    return 0;
  }

  /** Where the console listens (null: no console), with its options checked. */
  private InetSocketAddress consoleListen() {
    if (consolePort == null) {
      if (!consoleAddress.equals("127.0.0.1")) {
        throw new UserError("--console-address: needs --console-port");
      }
      return null;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(consoleAddress);
    } catch (UnknownHostException e) {
      throw new UserError("--console-address: unknown host " + consoleAddress);
    }
    InetSocketAddress listen = new InetSocketAddress(address, consolePort);
    try {
      ConsoleServer.requireLoopbackForDev(listen, consoleDev);
    } catch (IllegalArgumentException e) {
      throw new UserError(
          "--console-dev: serves loopback addresses only (no sign-in), not " + consoleAddress);
    }
    return listen;
  }

  /** The console's TLS from its files (null: plain HTTP), checked before anything starts. */
  private ConsoleTls consoleTls() {
    if ((consoleTlsCert == null) != (consoleTlsKey == null)) {
      throw new UserError(
          consoleTlsCert == null
              ? "--console-tls-key: needs --console-tls-cert"
              : "--console-tls-cert: needs --console-tls-key");
    }
    if (consoleTlsCert == null) {
      if (consoleClientCa != null) {
        throw new UserError("--console-client-ca: needs --console-tls-cert and --console-tls-key");
      }
      return null;
    }
    if (consolePort == null) {
      throw new UserError("--console-tls-cert: needs --console-port");
    }
    try {
      return ConsoleTls.fromFiles(consoleTlsCert, consoleTlsKey, consoleClientCa);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  private ConsoleServer console(KubernetesClient hub, InetSocketAddress address, ConsoleTls tls)
      throws IOException {
    if (address == null) {
      return null;
    }
    try {
      return ConsoleServer.start(hub, address, consoleDev, Clock.systemUTC(), tls);
    } catch (BindException e) {
      throw new UserError(
          "--console-port: cannot listen on "
              + consoleAddress
              + ":"
              + consolePort
              + ": "
              + e.getMessage());
    }
  }

  private String leaseNamespace() {
    return leaderElectionNamespace == null || leaderElectionNamespace.isBlank()
        ? null
        : leaderElectionNamespace;
  }

  /** The given opa, else the cached one when it was built, else none. */
  private Path opa() {
    if (opa != null) {
      if (!Files.isExecutable(opa)) {
        throw new UserError("--opa: " + opa + " is not an executable file");
      }
      return opa;
    }
    Binaries binaries = new Binaries(Binaries.defaultCacheDir());
    return binaries.built("opa").orElse(null);
  }
}
