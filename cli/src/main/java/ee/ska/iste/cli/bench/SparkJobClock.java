package ee.ska.iste.cli.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts the Spark jobs and tasks of a stage and the wall time spent inside jobs: a stage's wall
 * time minus its time in jobs is driver work (reading files, building rows, planning).
 */
final class SparkJobClock extends SparkListener {
  /** Jobs, tasks and milliseconds in jobs so far. */
  record Snapshot(long jobs, long tasks, long jobMillis, long taskMillis) {
    Snapshot minus(Snapshot o) {
      return new Snapshot(
          jobs - o.jobs, tasks - o.tasks, jobMillis - o.jobMillis, taskMillis - o.taskMillis);
    }

    String text(double wallSeconds) {
      return FigureTable.fmt(
          "%d Spark jobs, %d tasks; %.1f s in jobs, %.1f s outside",
          jobs, tasks, jobMillis / 1000.0, Math.max(0, wallSeconds - jobMillis / 1000.0));
    }
  }

  private final Map<Integer, Long> started = new ConcurrentHashMap<>();
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong jobMillis = new AtomicLong();
  private final AtomicLong taskMillis = new AtomicLong();

  Snapshot snapshot() {
    return new Snapshot(jobs.get(), tasks.get(), jobMillis.get(), taskMillis.get());
  }

  @Override
  public void onJobStart(SparkListenerJobStart e) {
    started.put(e.jobId(), e.time());
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd e) {
    Long t0 = started.remove(e.jobId());
    jobs.incrementAndGet();
    if (t0 != null) {
      jobMillis.addAndGet(e.time() - t0);
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    tasks.incrementAndGet();
    if (e.taskInfo() != null) {
      taskMillis.addAndGet(e.taskInfo().duration());
    }
  }
}
