package ee.ska.iste.dags.airflow;

/** Airflow did not accept the credentials (401 or 403). */
public class AirflowUnauthorizedException extends AirflowException {
  private static final long serialVersionUID = 1L;

  public AirflowUnauthorizedException(int status, String message) {
    super(status, message);
  }

  public AirflowUnauthorizedException(int status, String message, Throwable cause) {
    super(status, message, cause);
  }
}
