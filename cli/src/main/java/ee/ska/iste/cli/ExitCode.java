package ee.ska.iste.cli;

/**
 * The exit codes of every command, in one place. The stage verbs have no code 3: a submission that
 * breaks the contract is refused with its reason and the others go on ({@link
 * #PUBLISHED_WITH_REFUSALS}); only {@code check} says so ({@link #CHECK_ROWS_LOST}).
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

  /**
   * {@code check} only: the submission would be loaded, but rows would be rejected (listed in the
   * feedback workbook). A submission that would be refused whole exits {@link #USAGE}'s 2.
   */
  public static final int CHECK_ROWS_LOST = ee.ska.iste.check.SelfCheck.ROWS_LOST;

  /** {@code check} only: a submission would be refused whole. */
  public static final int CHECK_REFUSED = ee.ska.iste.check.SelfCheck.REFUSED;

  private ExitCode() {}
}
