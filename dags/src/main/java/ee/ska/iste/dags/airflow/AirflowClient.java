package ee.ska.iste.dags.airflow;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The few calls of Airflow's stable REST API that ISTE uses, on either API version. Every call
 * throws an {@link AirflowException} (or a sub-type) when Airflow refuses or fails it; answers in
 * the 5xx range and lost connections are retried with back-off first.
 */
public interface AirflowClient {

  /** A client for the configured server and API version. */
  static AirflowClient connect(AirflowConfig config) {
    return HttpAirflowClient.create(config);
  }

  /**
   * Starts a run with the given id, conf and logical date (may be null).
   *
   * @throws DagRunExistsException when a run with this id (or logical date) exists
   */
  DagRun trigger(String dagId, String runId, OffsetDateTime logicalDate, Map<String, Object> conf);

  /** Starts a run without a logical date of our choosing. */
  default DagRun trigger(String dagId, String runId, Map<String, Object> conf) {
    return trigger(dagId, runId, null, conf);
  }

  /** The run's current state. */
  DagRun dagRun(String dagId, String runId);

  /** The run's tasks and their states. */
  List<TaskInstance> taskInstances(String dagId, String runId);

  /** Clears one task of a run and the tasks after it, so that Airflow runs them again. */
  void clearTaskInstance(String dagId, String runId, String taskId);

  /**
   * Polls the run every {@code pollEvery} until it has finished, and returns it.
   *
   * @throws AirflowTimeoutException when it has not finished within {@code limit}
   */
  DagRun waitFor(String dagId, String runId, Duration limit, Duration pollEvery);
}
