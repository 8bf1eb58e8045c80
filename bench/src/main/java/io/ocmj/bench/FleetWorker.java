package io.ocmj.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.cli.JvmDefaults;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One process of a simulated fleet ({@link FleetWorkers}): runs clusters {@code sim-<from>} up to
 * {@code sim-<to>} in a {@link SimulatedFleet} of its own and answers its driver on standard input
 * and output, one line each way: {@code stats} is answered by {@code STATS <json>} ({@link Stats});
 * {@code exit} or the end of input stops the clusters and the process. It prints {@code STARTED}
 * once every cluster's agents run. Agents log to standard error, and so does anything else printed
 * to standard output (only the replies use it). A failure ends the process with exit code 1.
 *
 * <p>Args: {@code <bootstrap kubeconfig file> <from> <to> <clusters started at a time>}.
 */
public final class FleetWorker {
  static final String STARTED = "STARTED";
  static final String STATS = "STATS ";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a worker tells of itself. */
  public record Stats(Map<String, Long> managedRequests, int threads, int peakThreads) {}

  private FleetWorker() {}

  /** The driver's channel: what else writes to standard output goes to standard error. */
  private static final PrintStream REPLIES = System.out;

  public static void main(String[] args) {
    JvmDefaults.apply(); // as the ocmj command does: the agents are the ocmj agents
    System.setOut(System.err);
    try {
      run(args);
    } catch (Throwable t) {
      // An agent's non-daemon thread would keep a failed worker alive; the driver must see it end.
      t.printStackTrace();
      Runtime.getRuntime().halt(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    String bootstrap = Files.readString(Path.of(args[0]));
    int from = Integer.parseInt(args[1]);
    int to = Integer.parseInt(args[2]);
    int parallel = Integer.parseInt(args[3]);
    try (SimulatedFleet fleet = new SimulatedFleet(bootstrap)) {
      fleet.start(from, to, parallel);
      reply(STARTED);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("stats")) {
          reply(
              STATS
                  + JSON.writeValueAsString(
                      new Stats(
                          fleet.managedRequestsByKind(),
                          ManagementFactory.getThreadMXBean().getThreadCount(),
                          ManagementFactory.getThreadMXBean().getPeakThreadCount())));
        } else if (line.equals("exit")) {
          break;
        } else {
          throw new IllegalArgumentException("fleet worker: unknown command '" + line + "'");
        }
      }
    }
  }

  private static void reply(String line) {
    synchronized (REPLIES) {
      REPLIES.println(line);
      REPLIES.flush();
    }
  }
}
