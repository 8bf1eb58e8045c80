package io.ocmj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One started binary (etcd, kube-apiserver, ...), its log file, and how to stop it. */
public final class ManagedProcess {
  private final String name;
  private final Path binary;
  private final Path logFile;
  private final Process process;
  private final ProcessLedger ledger;

  private ManagedProcess(
      String name, Path binary, Path logFile, Process process, ProcessLedger ledger) {
    this.name = name;
    this.binary = binary;
    this.logFile = logFile;
    this.process = process;
    this.ledger = ledger;
  }

  /** Starts {@code binary args...}, logging to {@code logFile}, and records it in the ledger. */
  public static ManagedProcess start(
      String name, Path binary, List<String> args, Path logFile, ProcessLedger ledger) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(logFile.toFile());
    try {
      Process process = pb.start();
      ManagedProcess managed = new ManagedProcess(name, binary, logFile, process, ledger);
      ledger.record(managed);
      return managed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + binary + ")", e);
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path binary() {
    return binary;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Throws with the end of the log when the process has exited. */
  public void checkAlive() {
    if (!process.isAlive()) {
      throw new ProcessExitedException(
          name
              + " exited with code "
              + process.exitValue()
              + "; last lines of "
              + logFile
              + ":\n"
              + tail(30));
    }
  }

  /** The last {@code lines} lines of the log. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** SIGKILL at once, as a crash; returns once the process is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ledger.forget(this);
  }

  /** SIGTERM, then SIGKILL after a grace period. */
  public void stop() {
    ProcessLedger.stopHandle(process.toHandle());
    ledger.forget(this);
  }

  /** A process of the cluster exited while it should be running. */
  public static final class ProcessExitedException extends RuntimeException {
    public ProcessExitedException(String message) {
      super(message);
    }
  }
}
