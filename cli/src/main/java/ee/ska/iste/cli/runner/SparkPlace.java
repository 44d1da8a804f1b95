package ee.ska.iste.cli.runner;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Where a session's tasks ran: the master URL, and the tasks that ended on an executor of the
 * cluster or in the driver (local mode runs every task in the driver, as executor {@code driver}).
 * Registered as a listener on the session's context when the session starts.
 */
public final class SparkPlace extends SparkListener {
  private static final String DRIVER = "driver";

  private final SparkContext context;
  private final String master;
  private final Set<String> executors = ConcurrentHashMap.newKeySet();
  private final AtomicLong onExecutors = new AtomicLong();
  private final AtomicLong inDriver = new AtomicLong();

  private SparkPlace(SparkContext context) {
    this.context = context;
    this.master = context.master();
  }

  /** Starts counting the tasks of {@code context}. */
  public static SparkPlace watch(SparkContext context) {
    SparkPlace place = new SparkPlace(context);
    context.addSparkListener(place);
    return place;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    TaskInfo info = taskEnd.taskInfo();
    if (info == null) {
      return;
    }
    if (DRIVER.equals(info.executorId())) {
      inDriver.incrementAndGet();
    } else {
      executors.add(info.executorId() + "@" + info.host());
      onExecutors.incrementAndGet();
    }
  }

  private void settle() {
    try {
      context.listenerBus().waitUntilEmpty(SETTLE_MILLIS);
    } catch (Exception e) {
      // a count that lags by a few tasks is still a true statement of where tasks ran
    }
  }

  private static final long SETTLE_MILLIS = 2_000;

  public String master() {
    return master;
  }

  /** Executors (id@host) that ran at least one task. */
  public int executorCount() {
    return executors.size();
  }

  public long tasksOnExecutors() {
    return onExecutors.get();
  }

  public long tasksInDriver() {
    return inDriver.get();
  }

  /**
   * One line on where the tasks ran so far, e.g. {@code master spark://127.0.0.1:7077, 1 executor,
   * 24 of 24 tasks on executors} or {@code master local[2], no executors: 24 tasks ran in the
   * driver}. Waits (briefly) for the task ends still queued on the listener bus, which delivers
   * them asynchronously.
   */
  public String summary() {
    settle();
    long remote = tasksOnExecutors();
    long total = remote + tasksInDriver();
    int n = executorCount();
    if (n == 0) {
      return "master " + master + ", no executors: " + total + " tasks ran in the driver";
    }
    return "master "
        + master
        + ", "
        + n
        + (n == 1 ? " executor, " : " executors, ")
        + remote
        + " of "
        + total
        + " tasks on executors";
  }
}
