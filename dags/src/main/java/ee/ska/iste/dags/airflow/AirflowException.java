package ee.ska.iste.dags.airflow;

/**
 * Airflow refused or failed a request; the message says what and where, never a secret. Sub-types
 * name the cases a caller handles apart.
 */
public class AirflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public AirflowException(int status, String message) {
    super(message);
    this.status = status;
  }

  public AirflowException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status Airflow answered, or 0 when it did not answer. */
  public int status() {
    return status;
  }
}
