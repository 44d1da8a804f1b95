package ee.ska.iste.dags.airflow;

import java.time.OffsetDateTime;

/**
 * One task of a DAG run as Airflow reports it.
 *
 * @param taskId the task (here: a stage id)
 * @param state e.g. {@code success}, {@code running}, {@code failed}, {@code up_for_retry}; {@code
 *     none} when Airflow has not scheduled it yet
 * @param tryNumber the current try, 0 before the first
 * @param startDate when the current try started; may be null
 * @param endDate when it ended; may be null
 */
public record TaskInstance(
    String taskId, String state, int tryNumber, OffsetDateTime startDate, OffsetDateTime endDate) {
  public TaskInstance {
    if (taskId == null || taskId.isBlank()) {
      throw new IllegalArgumentException("a task instance needs a task id");
    }
    state = state == null || state.isBlank() ? "none" : state;
    if (tryNumber < 0) {
      throw new IllegalArgumentException("negative try number for " + taskId + ": " + tryNumber);
    }
  }
}
