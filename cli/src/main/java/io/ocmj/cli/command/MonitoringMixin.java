package io.ocmj.cli.command;

import io.ocmj.cli.UserError;
import io.ocmj.cli.monitoring.MonitoringServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/** {@code --monitoring-listen}: where a long-running command serves /metrics, /healthz, /readyz. */
final class MonitoringMixin {
  static final String OPTION = "--monitoring-listen";

  @Option(
      names = OPTION,
      defaultValue = "${env:OCMJ_MONITORING_LISTEN:-127.0.0.1:0}",
      description =
          "host:port for /metrics (Prometheus), /healthz and /readyz (default ${DEFAULT-VALUE}:"
              + " any free port, printed at start; 'off' serves none).")
  String listen;

  /** The started server, or null when {@code off}. */
  MonitoringServer start() {
    InetSocketAddress address = ListenAddress.parse(OPTION, listen);
    if (address == null) {
      return null;
    }
    try {
      return MonitoringServer.start(address);
    } catch (IOException e) {
      throw new UserError(OPTION + " " + listen + ": cannot listen: " + e.getMessage());
    }
  }
}
