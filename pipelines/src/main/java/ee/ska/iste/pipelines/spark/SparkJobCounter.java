package ee.ska.iste.pipelines.spark;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs that end while it is open, so that a stage can say how many jobs it ran
 * (the figure that tells a redesign of a stage's plans apart from noise in its timings).
 */
public final class SparkJobCounter implements AutoCloseable {
  private final SparkContext context;
  private final AtomicLong jobs = new AtomicLong();
  private final SparkListener listener =
      new SparkListener() {
        @Override
        public void onJobEnd(SparkListenerJobEnd e) {
          jobs.incrementAndGet();
        }
      };

  private SparkJobCounter(SparkContext context) {
    this.context = context;
    context.addSparkListener(listener);
  }

  /** Starts counting the session's jobs. */
  public static SparkJobCounter start(SparkSession spark) {
    return new SparkJobCounter(spark.sparkContext());
  }

  /** The jobs ended so far, once the listener has been told of every job ended before the call. */
  public long jobs() {
    try {
      // listeners hear of jobs asynchronously; Spark's own tests wait for its bus the same way
      context.listenerBus().waitUntilEmpty();
    } catch (TimeoutException e) {
      // a busy bus: the count may miss the last jobs, which is acceptable for a figure in a log
    }
    return jobs.get();
  }

  @Override
  public void close() {
    context.removeSparkListener(listener);
  }
}
