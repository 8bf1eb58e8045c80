package io.ocmj.api;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for ocmj's executors: daemon threads (an executor left open never keeps the JVM
 * from exiting), named for thread dumps. Java 21's {@code Thread.ofPlatform()} does this; ocmj runs
 * on 17.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Daemon threads, each named {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> daemon(r, name);
  }

  /** Daemon threads named {@code prefix1}, {@code prefix2}, ... in the order they start. */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> daemon(r, prefix + count.incrementAndGet());
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
