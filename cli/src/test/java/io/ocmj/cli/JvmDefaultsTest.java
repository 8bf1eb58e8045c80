package io.ocmj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each case runs a fresh JVM told it has two cores: the settings are read once per JVM. */
class JvmDefaultsTest {

  /** What the child JVM prints: the common pool's size and what runs CompletableFuture's steps. */
  public static final class Probe {
    public static void main(String[] args) {
      if (args.length > 0 && args[0].equals("apply")) {
        JvmDefaults.apply();
      }
      System.out.println(
          ForkJoinPool.getCommonPoolParallelism()
              + " "
              + new CompletableFuture<Void>().defaultExecutor().getClass().getSimpleName());
    }
  }

  @Test
  void onTwoCoresAsyncStepsRunOnThePoolInsteadOfANewThreadEach() throws Exception {
    assertThat(probe("apply")).isEqualTo("2 ForkJoinPool");
  }

  @Test
  void withoutItTheJdkStartsAThreadPerStepOnTwoCores() throws Exception {
    // The reason for the setting, and what makes the case above able to fail.
    assumeStartsThreadPerStep();
    assertThat(probe("none")).isEqualTo("1 ThreadPerTaskExecutor");
  }

  @Test
  void aValueTheUserSetIsKept() throws Exception {
    assumeStartsThreadPerStep();
    assertThat(probe("apply", "-D" + JvmDefaults.COMMON_POOL_PARALLELISM + "=1"))
        .isEqualTo("1 ThreadPerTaskExecutor");
  }

  /** Newer JDKs (25) run async steps on a pool of their own whatever the common pool's size. */
  private static void assumeStartsThreadPerStep() {
    boolean threadPerTask;
    try {
      Class.forName("java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor");
      threadPerTask = true;
    } catch (ClassNotFoundException e) {
      threadPerTask = false;
    }
    assumeTrue(threadPerTask, "this JDK has no thread-per-step executor to fall back to");
  }

  private static String probe(String mode, String... jvmArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:ActiveProcessorCount=2");
    command.addAll(List.of(jvmArgs));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), mode));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
