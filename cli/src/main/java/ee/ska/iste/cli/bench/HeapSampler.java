package ee.ska.iste.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the JVM heap on a daemon thread every {@code periodMillis} while a stage runs: the
 * highest heap in use (garbage included, what {@code -Xmx} must allow) and the highest heap still
 * in use right after a collection (the live data the stage really held).
 */
final class HeapSampler implements AutoCloseable {
  /** What one sampled span held at most, in bytes. */
  record Peak(long used, long liveAfterGc) {}

  private final long periodMillis;
  private final List<MemoryPoolMXBean> heapPools;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong live = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private HeapSampler(long periodMillis) {
    this.periodMillis = periodMillis;
    this.heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    this.thread = new Thread(this::loop, "iste-bench-heap-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling; {@link #close()} stops it. */
  static HeapSampler start(long periodMillis) {
    HeapSampler s = new HeapSampler(periodMillis);
    s.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    s.sample();
    s.thread.start();
    return s;
  }

  /**
   * The peaks since {@link #start}, the pools' own peak counters included (they see between
   * samples).
   */
  Peak peak() {
    sample();
    long poolPeaks = 0;
    for (MemoryPoolMXBean p : heapPools) {
      MemoryUsage u = p.getPeakUsage();
      poolPeaks += u == null ? 0 : u.getUsed();
    }
    // The sum of per-pool peaks can overstate (the pools peak at different moments); never report
    // more than the committed heap allows.
    long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    return new Peak(Math.max(used.get(), Math.min(poolPeaks, committed)), live.get());
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    used.accumulateAndGet(
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    long afterGc = 0;
    for (MemoryPoolMXBean p : heapPools) {
      MemoryUsage u = p.getCollectionUsage();
      afterGc += u == null ? 0 : u.getUsed();
    }
    live.accumulateAndGet(afterGc, Math::max);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
