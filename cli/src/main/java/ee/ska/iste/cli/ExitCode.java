package ee.ska.iste.cli;

/**
 * The exit codes of every command, in one place. There is no code 3: a submission that breaks the
 * contract is refused with its reason and the others go on ({@link #PUBLISHED_WITH_REFUSALS}).
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** The command failed (I/O, a bug, an environment problem). */
  public static final int FAILURE = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /**
   * {@code run} only: the run published the good submissions, but one or more were refused (each
   * listed on stderr and in {@code stg_submission}). The stage verbs exit 0 in that case.
   */
  public static final int PUBLISHED_WITH_REFUSALS = 4;

  /**
   * The publish gate refused the version: the outsider's audit can work out a hidden figure from
   * the public view (the cells are named on stderr); the last published version stays current.
   */
  public static final int DISCLOSURE_AUDIT_FAILED = 5;

  private ExitCode() {}
}
