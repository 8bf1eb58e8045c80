package io.ocmj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux's /proc says of a process: CPU time and memory, for benchmarks. */
public final class ProcessStats {
  private ProcessStats() {}

  /** utime + stime of process {@code pid}, from /proc/<pid>/stat (clock ticks of 1/100 s). */
  public static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException e) {
      throw new UncheckedIOException("no /proc/" + pid + "/stat", e);
    }
  }

  /** The resident set size of process {@code pid} in MiB (VmRSS). */
  public static long rssMib(long pid) {
    return kib(pid, "VmRSS:") / 1024;
  }

  /** The peak resident set size of process {@code pid} in MiB (VmHWM). */
  public static long peakRssMib(long pid) {
    return kib(pid, "VmHWM:") / 1024;
  }

  private static long kib(long pid, String key) {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(-1L);
    } catch (IOException e) {
      throw new UncheckedIOException("no /proc/" + pid + "/status", e);
    }
  }
}
