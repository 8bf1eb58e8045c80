package io.ocmj.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * A separate JVM for {@link ProcessCleanupIT}: starts one local cluster, prints its PIDs, then ends
 * when told to (without closing the cluster, so only the harness's own cleanup can stop it) or when
 * killed.
 */
public final class ClusterChild {
  private ClusterChild() {}

  public static void main(String[] args) throws Exception {
    LocalCluster cluster = LocalCluster.start(args[0], new Binaries(Binaries.defaultCacheDir()));
    System.out.println(
        "PIDS " + cluster.pids().stream().map(String::valueOf).collect(Collectors.joining(",")));
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command = in.readLine();
    if ("exit".equals(command)) {
      System.exit(0);
    }
    if ("throw".equals(command)) {
      throw new IllegalStateException("a test failure in the child JVM");
    }
  }
}
