package ee.ska.iste.dags.airflow;

/** The DAG, the run or the task does not exist (404). */
public class AirflowNotFoundException extends AirflowException {
  private static final long serialVersionUID = 1L;

  public AirflowNotFoundException(int status, String message) {
    super(status, message);
  }

  public AirflowNotFoundException(int status, String message, Throwable cause) {
    super(status, message, cause);
  }
}
