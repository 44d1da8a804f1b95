package ee.ska.iste.cli;

import picocli.CommandLine;

/** Entry point: maps failures to one-line messages and named exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The {@code iste} command line, configured as {@link #run} executes it. */
  static CommandLine commandLine() {
    return configure(new CommandLine(new IsteCommand()));
  }

  /** Case-insensitive enums, one-line messages and the named exit codes, as every verb has them. */
  static CommandLine configure(CommandLine cl) {
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ee.ska.iste.warehouse.DisclosureAuditFailed a) {
            commandLine.getErr().println("iste: " + a.getMessage());
            return ExitCode.DISCLOSURE_AUDIT_FAILED;
          }
          if (ex instanceof UserError u) {
            commandLine.getErr().println("iste: " + u.getMessage());
            return u.exitCode();
          }
          commandLine.getErr().println("iste: failed: " + oneLine(ex));
          if (Boolean.getBoolean("iste.debug")) {
            ex.printStackTrace(commandLine.getErr());
          }
          return ExitCode.FAILURE;
        });
    cl.setExitCodeExceptionMapper(ex -> ExitCode.USAGE);
    return cl;
  }

  private static String oneLine(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl);
  }
}
