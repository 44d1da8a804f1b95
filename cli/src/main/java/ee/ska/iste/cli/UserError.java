package ee.ska.iste.cli;

/**
 * A failure the user can act on: its message is printed as one line, without a stack trace, and the
 * command exits with {@link #exitCode()}. Messages never carry a personal code.
 */
public class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserError(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
