package io.ocmj.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.testing.ProcessStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A simulated fleet spread over several processes ({@link FleetWorker}), at most {@value
 * #PER_WORKER} clusters each. A process may hold only so many open files (20,000 here, and it
 * cannot be raised): a simulated cluster uses ~35 (its clients' selectors and connections to the
 * hub, and both ends of its connections to the in-memory API, which runs in the same process), so
 * 1,000 clusters do not fit in one. Clusters stay numbered across workers (sim-0000 ... in worker
 * 0, and on), each worker runs its own in-memory APIs.
 */
final class FleetWorkers implements AutoCloseable {
  static final int PER_WORKER = 340;

  /** Heap per simulated cluster (a worker's heap is this times its clusters, at least 1 GiB). */
  private static final long HEAP_MIB_PER_CLUSTER = 14;

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Worker(Process process, Writer in, BlockingQueue<String> replies) {}

  private final List<Worker> workers = new ArrayList<>();

  /**
   * Starts workers for clusters sim-0000 up to sim-(n-1), which join the hub of {@code bootstrap}
   * (a kubeconfig); returns once every worker's agents run. Their standard error goes to ours.
   */
  static FleetWorkers start(int n, String bootstrap, Path work) throws IOException {
    Path kubeconfig = work.resolve("bootstrap.kubeconfig");
    Files.writeString(kubeconfig, bootstrap);
    Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-------"));
    FleetWorkers fleet = new FleetWorkers();
    try {
      int count = (n + PER_WORKER - 1) / PER_WORKER;
      for (int w = 0; w < count; w++) {
        // even shares: 1,000 is 333 + 333 + 334, not 340 + 340 + 320
        int from = (int) ((long) n * w / count);
        int to = (int) ((long) n * (w + 1) / count);
        // The fleet starts SimulatedFleet.PARALLEL_STARTS clusters at a time in all, as one
        // process did: more at once overloads the machine (and measures the simulator).
        int parallel = (SimulatedFleet.PARALLEL_STARTS + count - 1) / count;
        fleet.workers.add(launch(kubeconfig, from, to, parallel));
      }
      for (Worker w : fleet.workers) {
        fleet.await(w, FleetWorker.STARTED, Duration.ofMinutes(30));
      }
      return fleet;
    } catch (IOException | RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  private static Worker launch(Path kubeconfig, int from, int to, int parallel) throws IOException {
    long heap = Math.max(1024, (to - from) * HEAP_MIB_PER_CLUSTER);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap + "m",
                "-XX:+UseParallelGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel="
                    + System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"),
                "-cp",
                System.getProperty("java.class.path"),
                FleetWorker.class.getName(),
                kubeconfig.toString(),
                Integer.toString(from),
                Integer.toString(to),
                Integer.toString(parallel))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.equals(FleetWorker.STARTED) || line.startsWith(FleetWorker.STATS)) {
                    replies.add(line);
                  } else {
                    System.out.println(line); // whatever else a library printed
                  }
                }
              } catch (IOException e) {
                // the worker ended; alive() tells
              }
            },
            "fleet-worker-" + from + "-out");
    reader.setDaemon(true);
    reader.start();
    return new Worker(
        p, new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), replies);
  }

  private String await(Worker w, String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String line = w.replies().poll(1, TimeUnit.SECONDS);
        if (line != null && line.startsWith(prefix)) {
          return line;
        }
        if (line == null && !w.process().isAlive()) {
          throw new IllegalStateException(
              "fleet worker " + w.process().pid() + " ended with " + w.process().exitValue());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a fleet worker", e);
    }
    throw new IllegalStateException(
        "fleet worker " + w.process().pid() + " did not answer " + prefix + " in " + timeout);
  }

  /** Throws when a worker has ended: its clusters would never join or answer. */
  void checkAlive() {
    for (Worker w : workers) {
      if (!w.process().isAlive()) {
        throw new IllegalStateException(
            "fleet worker " + w.process().pid() + " ended with " + w.process().exitValue());
      }
    }
  }

  /** Every worker's figures, asked at once. */
  List<FleetWorker.Stats> stats() throws IOException {
    for (Worker w : workers) {
      w.in().write("stats\n");
      w.in().flush();
    }
    List<FleetWorker.Stats> all = new ArrayList<>();
    for (Worker w : workers) {
      String line = await(w, FleetWorker.STATS, Duration.ofMinutes(2));
      all.add(JSON.readValue(line.substring(FleetWorker.STATS.length()), FleetWorker.Stats.class));
    }
    return all;
  }

  /** Requests the workers' in-memory clusters served, by verb and resource, summed. */
  static Map<String, Long> managedRequestsByKind(List<FleetWorker.Stats> stats) {
    Map<String, Long> sum = new TreeMap<>();
    stats.forEach(s -> s.managedRequests().forEach((k, v) -> sum.merge(k, v, Long::sum)));
    return sum;
  }

  /** The workers' CPU seconds, summed. */
  double cpuSeconds() {
    return workers.stream().mapToDouble(w -> ProcessStats.cpuSeconds(w.process().pid())).sum();
  }

  /** The workers' resident memory, summed. */
  long rssMib() {
    return workers.stream().mapToLong(w -> ProcessStats.rssMib(w.process().pid())).sum();
  }

  int size() {
    return workers.size();
  }

  @Override
  public void close() {
    for (Worker w : workers) {
      try {
        w.in().write("exit\n");
        w.in().flush();
      } catch (IOException e) {
        // it has ended already
      }
    }
    for (Worker w : workers) {
      try {
        if (!w.process().waitFor(2, TimeUnit.MINUTES)) {
          w.process().destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        w.process().destroyForcibly();
      }
    }
  }
}
