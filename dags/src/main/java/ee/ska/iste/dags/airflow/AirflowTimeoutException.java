package ee.ska.iste.dags.airflow;

/** Airflow did not answer in time, or a run did not finish within the time limit. */
public class AirflowTimeoutException extends AirflowException {
  private static final long serialVersionUID = 1L;

  public AirflowTimeoutException(int status, String message) {
    super(status, message);
  }

  public AirflowTimeoutException(int status, String message, Throwable cause) {
    super(status, message, cause);
  }
}
