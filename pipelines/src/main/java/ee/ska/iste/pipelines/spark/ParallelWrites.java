package ee.ska.iste.pipelines.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a stage's tables on as many driver threads as there are cores: on ISTE's volumes a table's
 * time is mostly the driver planning its query, which one thread cannot spread. Each thread is
 * started from the caller's, so its Spark jobs carry the caller's job group.
 */
public final class ParallelWrites {
  private ParallelWrites() {}

  /** A write that returns nothing, as a task for {@link #run}. */
  public static Callable<Void> of(Runnable write) {
    return () -> {
      write.run();
      return null;
    };
  }

  /**
   * Runs every write and waits for all of them; the first failure (in list order) fails the call.
   *
   * @param threadName the name of the writing threads
   * @param what what is written, for the message of a failure: "writing {what} failed"
   */
  public static void run(String threadName, String what, List<Callable<Void>> writes) {
    int threads = Math.max(1, Math.min(writes.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (Callable<Void> w : writes) {
        futures.add(pool.submit(w));
      }
      for (Future<Void> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("writing " + what + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
