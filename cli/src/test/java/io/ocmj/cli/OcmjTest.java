package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OcmjTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Ocmj.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void helpListsDevUp() {
    assertThat(run("dev", "--help")).isZero();
    assertThat(out.toString()).contains("up", "Start a local hub and managed clusters");
  }

  @Test
  void negativeManagedClusterCountIsRejectedNamingTheOption() {
    assertThat(run("dev", "up", "--managed-clusters", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--managed-clusters: must be 0 or more, was -1");
  }

  @Test
  void badDurationIsRejectedNamingTheOption() {
    assertThat(run("dev", "up", "--stop-after", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("--stop-after").contains("soon");
  }

  @Test
  void anUnknownPolicyAgentPlaceIsRejectedNamingTheOption() {
    assertThat(
            run(
                "join",
                "--bootstrap-kubeconfig",
                "/nonexistent",
                "--cluster-name",
                "c1",
                "--managed-kubeconfig",
                "/nonexistent",
                "--policy-agent",
                "sidecar"))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("ocmj: --policy-agent sidecar: must be in-process or deployment");
  }

  @Test
  void thePolicyAgentNeedsItsClusterName() {
    assertThat(run("policy", "agent")).isEqualTo(1);
    assertThat(err.toString()).contains("ocmj: policy agent: --cluster-name is required");
  }

  @Test
  void aBadMonitoringAddressIsRejectedNamingTheOption() {
    assertThat(run("policy", "agent", "--cluster-name", "c1", "--monitoring-listen", "nowhere"))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("ocmj: --monitoring-listen nowhere: expected host:port or off");
  }

  @Test
  void aMonitoringPortInUseIsRejectedNamingTheOption() throws java.io.IOException {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      assertThat(run("policy", "agent", "--cluster-name", "c1", "--monitoring-listen", address))
          .isEqualTo(1);
      assertThat(err.toString())
          .contains("ocmj: --monitoring-listen " + address + ": cannot listen");
    }
  }

  @Test
  void aBadWebhookAddressIsRejectedNamingTheOption() {
    assertThat(
            run(
                "hub",
                "--hub-kubeconfig",
                "/nonexistent",
                "--webhook-listen",
                "127.0.0.1:99999",
                "--monitoring-listen",
                "off"))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("ocmj: --webhook-listen 127.0.0.1:99999: expected host:port or off");
  }

  @Test
  void theConsoleOptionsAreCheckedBeforeAnythingStarts() {
    assertThat(
            run(
                "hub",
                "--hub-kubeconfig",
                "/nonexistent",
                "--monitoring-listen",
                "off",
                "--console-port",
                "8480",
                "--console-address",
                "0.0.0.0",
                "--console-dev"))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("ocmj: --console-dev: serves loopback addresses only (no sign-in), not 0.0.0.0");
    assertThat(run("hub", "--hub-kubeconfig", "/nonexistent", "--console-port", "70000"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("--console-port: must be 0..65535, was 70000");
    assertThat(run("hub", "--hub-kubeconfig", "/nonexistent", "--console-address", "::1"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("--console-address: needs --console-port");
    assertThat(run("dev", "up", "--console-port", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--console-port: must be 0..65535, was -1");
    assertThat(hubWithConsole("--console-tls-key", "/nonexistent/tls.key")).isEqualTo(1);
    assertThat(err.toString()).contains("ocmj: --console-tls-key: needs --console-tls-cert");
    assertThat(
            hubWithConsole(
                "--console-tls-cert", "/nonexistent/tls.crt",
                "--console-tls-key", "/nonexistent/tls.key"))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("ocmj: --console-tls-cert /nonexistent/tls.crt: no such file");
    assertThat(hubWithConsole("--console-client-ca", "/nonexistent/ca.crt")).isEqualTo(1);
    assertThat(err.toString())
        .contains("ocmj: --console-client-ca: needs --console-tls-cert and --console-tls-key");
  }

  /** {@code ocmj hub} with a console on any port, an unreadable kubeconfig and {@code more}. */
  private int hubWithConsole(String... more) {
    List<String> args =
        new ArrayList<>(List.of("hub", "--hub-kubeconfig", "/nonexistent", "--console-port", "0"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void devDownRemovesWhatDevUpKeeps(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path state = dir.resolve("dev");
    java.nio.file.Files.createDirectories(state.resolve("examples-repo/.git"));
    java.nio.file.Files.writeString(state.resolve("examples-repo/.git/HEAD"), "ref: main\n");
    java.nio.file.Path cache = dir.resolve("cache");
    java.nio.file.Files.createDirectories(cache.resolve("gitsync/x"));
    java.nio.file.Files.createDirectories(cache.resolve("bin"));
    assertThat(
            run(
                "dev",
                "down",
                "--kubeconfig-dir",
                state.toString(),
                "--cache-dir",
                cache.toString()))
        .isZero();
    assertThat(state).doesNotExist();
    assertThat(cache.resolve("gitsync")).doesNotExist();
    assertThat(cache.resolve("bin")).as("built binaries stay").exists();
  }

  @Test
  void devDownLeavesWhatDevUpDidNotWrite(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir.resolve("examples-repo"));
    java.nio.file.Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThat(
            run(
                "dev",
                "down",
                "--kubeconfig-dir",
                dir.toString(),
                "--cache-dir",
                dir.resolve("cache").toString()))
        .isZero();
    assertThat(dir.resolve("examples-repo")).doesNotExist();
    assertThat(dir.resolve("notes.txt")).as("not dev up's").exists();
  }

  @Test
  void devDownRefusesWhileDevUpServes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    try (java.net.ServerSocket hub =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      java.nio.file.Files.writeString(
          dir.resolve("hub.kubeconfig"),
          "apiVersion: v1\nkind: Config\nclusters:\n- name: hub\n  cluster:\n    server:"
              + " https://127.0.0.1:"
              + hub.getLocalPort()
              + "\ncontexts:\n- name: hub\n  context:\n    cluster: hub\n    user: hub\n"
              + "current-context: hub\nusers:\n- name: hub\n  user: {}\n");
      assertThat(run("dev", "down", "--kubeconfig-dir", dir.toString())).isEqualTo(1);
      assertThat(err.toString()).contains("dev up is running with " + dir);
      assertThat(dir.resolve("hub.kubeconfig")).exists();
    }
  }
}
