package ee.ska.iste.dags.airflow;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * One DAG run as Airflow reports it.
 *
 * @param dagId the DAG
 * @param runId the run's {@code dag_run_id}
 * @param state {@code queued}, {@code running}, {@code success} or {@code failed}
 * @param logicalDate the run's logical date; null when Airflow 3 has none
 * @param conf the run conf (empty when none)
 */
public record DagRun(
    String dagId,
    String runId,
    String state,
    OffsetDateTime logicalDate,
    Map<String, Object> conf) {
  private static final Set<String> TERMINAL = Set.of("success", "failed");

  public DagRun {
    if (dagId == null || dagId.isBlank() || runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("a DAG run needs a dag id and a run id");
    }
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException("DAG run " + runId + " has no state");
    }
    conf = conf == null ? Map.of() : Map.copyOf(conf);
  }

  /** Whether the run has finished (successfully or not). */
  public boolean isFinished() {
    return TERMINAL.contains(state);
  }

  /** Whether the run has finished successfully. */
  public boolean isSuccess() {
    return "success".equals(state);
  }
}
