package ee.ska.iste.dags.airflow;

/**
 * A run with this id (or, on Airflow 2, this logical date) already exists (409); a trigger with a
 * deterministic run id can treat this as already done.
 */
public class DagRunExistsException extends AirflowException {
  private static final long serialVersionUID = 1L;

  public DagRunExistsException(int status, String message) {
    super(status, message);
  }

  public DagRunExistsException(int status, String message, Throwable cause) {
    super(status, message, cause);
  }
}
