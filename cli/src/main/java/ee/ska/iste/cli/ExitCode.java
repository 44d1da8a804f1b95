package ee.ska.iste.cli;

/** The exit codes of every command, in one place. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** The command failed (I/O, a bug, an environment problem). */
  public static final int FAILURE = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** Input data broke the submission contract so that the command could not go on. */
  public static final int DATA_CONTRACT = 3;

  private ExitCode() {}
}
