package io.ocmj.cli.command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C / SIGTERM for a long-running command: the shutdown hook wakes the command and then waits
 * (up to 30 s) until the command has closed what it runs, since the JVM halts as soon as its hooks
 * return (and a leader that has not given up its Lease makes the next one wait the Lease out).
 */
final class StopSignal implements AutoCloseable {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  private StopSignal() {}

  static StopSignal install(String name) {
    StopSignal signal = new StopSignal();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  signal.stop.countDown();
                  try {
                    signal.closed.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                name));
    return signal;
  }

  /** Blocks until a stop is asked for. */
  void await() throws InterruptedException {
    stop.await();
  }

  /** Says that everything is closed (declare it first in try-with-resources: it closes last). */
  @Override
  public void close() {
    closed.countDown();
  }
}
