package io.ocmj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The harness leaves no process behind: a child JVM starts a real cluster, and after that JVM ends
 * (normally, by an exception, or by SIGKILL followed by the next harness start) its etcd,
 * kube-apiserver and kube-controller-manager are gone.
 */
class ProcessCleanupIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void processesStopWhenTheJvmExits() throws Exception {
    Child child = Child.start("exit-child");
    child.send("exit");
    assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    awaitAllGone(child.pids);
  }

  @Test
  void processesStopWhenTheJvmDiesOfAnException() throws Exception {
    Child child = Child.start("throw-child");
    child.send("throw");
    assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.process.exitValue()).isNotZero();
    awaitAllGone(child.pids);
  }

  @Test
  void processesOfAKilledJvmAreStoppedByTheNextHarnessStart() throws Exception {
    Child child = Child.start("killed-child");
    child.process.destroyForcibly();
    assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // SIGKILL runs no shutdown hook: the cluster is orphaned...
    assertThat(child.pids)
        .allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    // ...until a harness starts and reaps stale ledgers.
    ProcessLedger.forCache(Binaries.defaultCacheDir()).reapStale();
    awaitAllGone(child.pids);
  }

  private static void awaitAllGone(List<Long> pids) {
    assertThat(pids).hasSize(3);
    await("cluster processes " + pids + " are gone")
        .atMost(WAIT)
        .until(
            () ->
                pids.stream()
                    .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
  }

  private record Child(Process process, List<Long> pids, Writer stdin) {
    static Child start(String name) throws Exception {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder pb =
          new ProcessBuilder(
              java.toString(),
              "-cp",
              System.getProperty("java.class.path"),
              "-Docmj.cache=" + Binaries.defaultCacheDir(),
              ClusterChild.class.getName(),
              name);
      pb.redirectErrorStream(true);
      Process process = pb.start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null) {
        if (line.startsWith("PIDS ")) {
          List<Long> pids =
              Arrays.stream(line.substring(5).split(",")).map(Long::parseLong).toList();
          // Keep draining the child's output so it never blocks on a full pipe.
          Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "drain-" + name);
          drain.setDaemon(true);
          drain.start();
          return new Child(
              process,
              pids,
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }
        seen.append(line).append('\n');
      }
      throw new IllegalStateException("child JVM ended before starting its cluster:\n" + seen);
    }

    void send(String command) throws Exception {
      stdin.write(command + "\n");
      stdin.flush();
    }
  }
}
