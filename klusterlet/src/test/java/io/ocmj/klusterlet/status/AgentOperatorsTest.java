package io.ocmj.klusterlet.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentOperatorsTest {
  @Test
  void tasksThatFindAThreadIdleRunOnIt() throws Exception {
    ExecutorService pool = AgentOperators.pool(4, "test");
    ThreadPoolExecutor executor = (ThreadPoolExecutor) pool;
    try {
      Set<String> threads = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 20; i++) {
        pool.submit(() -> threads.add(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
        // The task's result is out a moment before its thread is idle again.
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.getActiveCount() == 0);
      }
      assertThat(threads).hasSize(1);
      assertThat(((ThreadPoolExecutor) pool).getLargestPoolSize()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void busyThreadsBringNewOnesUpToTheLimitThenTasksWait() throws Exception {
    ExecutorService pool = AgentOperators.pool(2, "test");
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(2);
    try {
      Future<?> a = pool.submit(() -> block(started, release));
      Future<?> b = pool.submit(() -> block(started, release));
      assertThat(started.await(5, TimeUnit.SECONDS)).as("two tasks run at once").isTrue();
      Future<?> third = pool.submit(() -> {});
      assertThat(third.isDone()).as("the third waits for a thread").isFalse();
      assertThat(((ThreadPoolExecutor) pool).getPoolSize()).isEqualTo(2);
      release.countDown();
      third.get(5, TimeUnit.SECONDS);
      a.get(5, TimeUnit.SECONDS);
      b.get(5, TimeUnit.SECONDS);
      assertThat(((ThreadPoolExecutor) pool).getLargestPoolSize()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void block(CountDownLatch started, CountDownLatch release) {
    started.countDown();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
