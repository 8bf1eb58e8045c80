package io.ocmj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers every process this JVM started, on disk, so that they are always stopped: by a shutdown
 * hook on normal exit, test failure or Ctrl-C, and by the next JVM when this one was killed before
 * its hook could run. Only recorded PIDs whose command still matches are ever signalled, never
 * processes found by name.
 */
public final class ProcessLedger {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessLedger.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static ProcessLedger instance;

  private final Path runDir;
  private final Path ledgerFile;
  private final List<ManagedProcess> live = new CopyOnWriteArrayList<>();
  private final List<Path> workDirs = new CopyOnWriteArrayList<>();

  private ProcessLedger(Path runDir) {
    this.runDir = runDir;
    ProcessHandle self = ProcessHandle.current();
    this.ledgerFile = runDir.resolve(self.pid() + "-" + startMillis(self).orElse(0L) + ".ledger");
  }

  /** The ledger of this JVM under {@code <cache>/run}; the first call reaps stale ledgers. */
  public static synchronized ProcessLedger forCache(Path cacheDir) {
    Path runDir = cacheDir.resolve("run");
    if (instance != null && !instance.runDir.equals(runDir)) {
      throw new IllegalStateException(
          "this JVM already keeps its cluster processes under "
              + instance.runDir
              + "; one JVM uses one cache, not also "
              + cacheDir);
    }
    if (instance == null) {
      try {
        Files.createDirectories(runDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + runDir, e);
      }
      instance = new ProcessLedger(runDir);
      instance.reapStale();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(instance::stopAll, "ocmj-process-ledger-shutdown"));
    }
    return instance;
  }

  /** The directory where clusters of this JVM keep their files. */
  public Path runDir() {
    return runDir;
  }

  /** Records a started process (and its cluster's work dir) before anything can go wrong. */
  public synchronized void record(ManagedProcess process) {
    live.add(process);
    append("pid " + process.pid() + " " + process.binary());
  }

  public synchronized void recordWorkDir(Path dir) {
    workDirs.add(dir);
    append("dir " + dir);
  }

  void forget(ManagedProcess process) {
    live.remove(process);
  }

  /** Stops every live process of this JVM (the shutdown hook). */
  public void stopAll() {
    List<ManagedProcess> toStop = new ArrayList<>(live);
    java.util.Collections.reverse(toStop);
    toStop.forEach(ManagedProcess::stop);
    workDirs.forEach(WorkDirs::deleteQuietly);
    try {
      Files.deleteIfExists(ledgerFile);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", ledgerFile, e.getMessage());
    }
  }

  private void append(String line) {
    try {
      Files.writeString(
          ledgerFile,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write process ledger " + ledgerFile, e);
    }
  }

  /** Stops processes and removes directories recorded by JVMs that are gone. */
  void reapStale() {
    try (DirectoryStream<Path> ledgers = Files.newDirectoryStream(runDir, "*.ledger")) {
      for (Path ledger : ledgers) {
        if (!ledger.equals(ledgerFile) && ownerIsGone(ledger)) {
          reap(ledger);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot scan {} for stale clusters: {}", runDir, e.getMessage());
    }
  }

  private static boolean ownerIsGone(Path ledger) {
    String[] parts = ledger.getFileName().toString().replace(".ledger", "").split("-");
    if (parts.length != 2) {
      return true;
    }
    long pid = Long.parseLong(parts[0]);
    long started = Long.parseLong(parts[1]);
    return ProcessHandle.of(pid)
        .map(h -> startMillis(h).map(s -> s != started).orElse(false))
        .orElse(true);
  }

  private void reap(Path ledger) throws IOException {
    int stopped = 0;
    for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
      String[] parts = line.split(" ", 3);
      if (parts.length == 3 && parts[0].equals("pid")) {
        long pid = Long.parseLong(parts[1]);
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent() && commandMatches(handle.get(), parts[2])) {
          stopHandle(handle.get());
          stopped++;
        }
      } else if (parts.length >= 2 && parts[0].equals("dir")) {
        WorkDirs.deleteQuietly(Path.of(line.substring(4)));
      }
    }
    Files.deleteIfExists(ledger);
    LOG.info("reaped stale cluster processes from {}: stopped {}", ledger.getFileName(), stopped);
  }

  private static boolean commandMatches(ProcessHandle handle, String binary) {
    return handle.info().command().map(c -> c.equals(binary)).orElse(false);
  }

  static void stopHandle(ProcessHandle handle) {
    handle.destroy();
    try {
      handle.onExit().get(STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      handle.destroyForcibly();
    } catch (java.util.concurrent.ExecutionException e) {
      handle.destroyForcibly();
    } catch (InterruptedException e) {
      handle.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Long> startMillis(ProcessHandle handle) {
    return handle.info().startInstant().map(Instant::toEpochMilli);
  }
}
