package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.Config;
import io.ocmj.cli.UserError;
import io.ocmj.testing.Binaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj dev down}: removes what {@code dev up} keeps between runs (its directory with the
 * example repository's Git copy, and the GitSync clones in the cache), so that the next {@code dev
 * up} starts afresh. Refuses while a {@code dev up} of that directory runs.
 */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = "Remove the state 'dev up' keeps between runs (run it when dev up is stopped).")
public final class DevDownCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig-dir",
      defaultValue = "${env:OCMJ_DEV_KUBECONFIG_DIR:-.ocmj/dev}",
      description = "The directory dev up used (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--cache-dir",
      defaultValue = "${env:OCMJ_CACHE:-}",
      description = "The cache dev up used (default: ~/.cache/ocmj); built binaries stay.")
  String cacheDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path hubKubeconfig = dir.resolve("hub.kubeconfig");
    if (Files.exists(hubKubeconfig) && serving(hubKubeconfig)) {
      throw new UserError(
          "dev up is running with " + dir + " (its hub answers): stop it with Ctrl-C first");
    }
    Path cache =
        cacheDir == null || cacheDir.isBlank() ? Binaries.defaultCacheDir() : Path.of(cacheDir);
    // Only what dev up writes there: a mistyped --kubeconfig-dir must not cost anyone a folder.
    List<Path> state =
        new ArrayList<>(
            List.of(
                dir.resolve("examples-repo"), dir.resolve("dev-up.log"), cache.resolve("gitsync")));
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.getFileName().toString().endsWith(".kubeconfig")).forEach(state::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Path p : state) {
      if (Files.exists(p)) {
        delete(p);
        out.printf("removed %s%n", p.toAbsolutePath());
      }
    }
    try (Stream<Path> left = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      if (Files.isDirectory(dir) && left.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("dev state is gone; the next 'ocmj dev up' starts afresh.");
    out.flush();
    return 0;
  }

  private static boolean serving(Path kubeconfig) {
    try {
      URI server = URI.create(Config.fromKubeconfig(Files.readString(kubeconfig)).getMasterUrl());
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 1000);
        return true;
      }
    } catch (IOException | RuntimeException e) {
      return false; // a left-over file of a dev up that did not stop cleanly
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
    }
  }
}
