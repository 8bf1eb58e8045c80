package io.ocmj.cli;

/**
 * JVM settings ocmj wants and the JVM's defaults get wrong on small machines; applied first thing
 * in {@code main}, before any class that reads them is loaded, and only where the user set nothing.
 */
public final class JvmDefaults {
  /** The common fork-join pool's size (a JDK system property). */
  static final String COMMON_POOL_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";

  private JvmDefaults() {}

  /**
   * On a machine of one or two cores the JDK sizes the common pool at one thread, and then {@code
   * CompletableFuture} runs every async step on a <em>new thread</em> of its own. The JDK HTTP
   * client (which fabric8 uses) takes one such step for every response it receives, so an agent or
   * hub on a 2-core node started and ended a thread per API request (seen in the fleet benchmark
   * with JFR: hundreds a minute per simulated cluster, thousands at once in a rollout). Two threads
   * in the common pool make those steps queue on the pool instead.
   */
  public static void apply() {
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null
        && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(COMMON_POOL_PARALLELISM, "2");
    }
  }
}
