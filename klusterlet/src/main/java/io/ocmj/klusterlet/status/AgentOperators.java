package io.ocmj.klusterlet.status;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JOSDK operators of the agents on a managed cluster. An agent reconciles one cluster's
 * objects: a few threads are plenty. JOSDK's defaults (fixed pools of 50 reconcile and 50 workflow
 * threads per operator, kept once started) grew an agent's three operators to about 35 idle
 * threads, 1,000 clusters of them to 35,000 (docs/benchmarks.md, fleet scale); the pools here also
 * let idle threads go.
 */
public final class AgentOperators {
  /** Reconciles at once per operator. */
  public static final int RECONCILE_THREADS = 4;

  private AgentOperators() {}

  /** How long a thread with nothing to do is kept. */
  static final Duration IDLE_THREAD = Duration.ofSeconds(30);

  /**
   * An operator on {@code client} that leaves the client open when it stops. Its threads end after
   * {@link #IDLE_THREAD} without work: an agent whose cluster is quiet holds none.
   */
  public static Operator create(KubernetesClient client, Metrics metrics) {
    return new Operator(
        o ->
            o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withMetrics(metrics)
                .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                .withConcurrentWorkflowExecutorThreads(1)
                .withExecutorService(pool(RECONCILE_THREADS, "agent-reconcile"))
                .withWorkflowExecutorService(pool(1, "agent-workflow")));
  }

  /**
   * A pool of up to {@code threads} threads that starts one only when the tasks not yet finished
   * outnumber its threads, and lets one go after {@link #IDLE_THREAD} without work. (A plain fixed
   * pool starts a new thread for each task until it has them all, busy or not: a burst of events on
   * a quiet cluster left all of them.) Tomcat's executor works the same way.
   */
  static ExecutorService pool(int threads, String name) {
    ThreadFactory defaults = Executors.defaultThreadFactory();
    AtomicInteger count = new AtomicInteger();
    IdleFirstQueue queue = new IdleFirstQueue(threads);
    IdleFirstPool pool =
        new IdleFirstPool(
            threads,
            queue,
            r -> {
              Thread t = defaults.newThread(r);
              t.setName(name + "-" + count.incrementAndGet());
              return t;
            },
            name);
    queue.pool = pool;
    return pool;
  }

  private static final class IdleFirstPool extends ThreadPoolExecutor {
    /** Tasks handed to the pool and not finished yet. */
    private final AtomicInteger unfinished = new AtomicInteger();

    IdleFirstPool(int threads, IdleFirstQueue queue, ThreadFactory factory, String name) {
      super(
          0,
          threads,
          IDLE_THREAD.toMillis(),
          TimeUnit.MILLISECONDS,
          queue,
          factory,
          // All threads started meanwhile: the task waits in the queue like any other.
          (task, executor) -> {
            if (executor.isShutdown()) {
              throw new RejectedExecutionException(name + " is shut down");
            }
            queue.force(task);
          });
    }

    @Override
    public void execute(Runnable task) {
      unfinished.incrementAndGet();
      try {
        super.execute(task);
      } catch (RejectedExecutionException e) {
        unfinished.decrementAndGet();
        throw e;
      }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
      unfinished.decrementAndGet();
    }
  }

  /** Takes a task only while the pool's threads can serve it or no more may start. */
  private static final class IdleFirstQueue extends LinkedBlockingQueue<Runnable> {
    private final int threads;
    private volatile IdleFirstPool pool;

    IdleFirstQueue(int threads) {
      this.threads = threads;
    }

    @Override
    public boolean offer(Runnable task) {
      IdleFirstPool p = pool;
      // Refused while more tasks are unfinished than there are threads and one more may start:
      // the pool then starts it.
      if (p.getPoolSize() < threads && p.unfinished.get() > p.getPoolSize()) {
        return false;
      }
      return super.offer(task);
    }

    void force(Runnable task) {
      super.offer(task);
    }
  }
}
