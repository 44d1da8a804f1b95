package ee.ska.iste.cli;

import ee.ska.iste.reports.ReportTemplate;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The entry point the {@code iste} launcher uses for the verbs that need no Spark ({@link #VERBS}):
 * the one verb alone, so that picocli looks at no other verb's classes (the Spark stages among
 * them) and the JVM starts on the light class path (the reports' and the warehouse's jars). Same
 * options, messages and exit codes as {@link Main}.
 */
public final class LightMain {
  /** The verbs this entry point runs, as the launcher lists them. */
  static final List<String> VERBS =
      List.of(
          "report",
          "query",
          "versions",
          "diff",
          "prune",
          "dictionary",
          "audit",
          "projection",
          "export");

  private LightMain() {}

  /**
   * @param args the command line as {@code iste} got it, starting with one of {@link #VERBS}
   */
  public static void main(String[] args) {
    boolean warmUp = !Boolean.getBoolean("iste.noWarmUp");
    if (warmUp && args.length > 0 && VERBS.contains(args[0])) {
      Thread t = new Thread(new WarmUp(), "iste-warm-up");
      t.setDaemon(true);
      t.start();
    }
    System.exit(run(warmUp, args));
  }

  /**
   * Sets up DuckDB's driver on another core while picocli reads the command line (~0.2 s): its
   * class set-up registers a Flight Recorder event (~0.1 s), which the verb's own thread would do a
   * moment later in the same way. A failure here is left for the verb to meet and report.
   */
  private static final class WarmUp implements Runnable {
    @Override
    public void run() {
      try {
        java.sql.DriverManager.getDrivers();
      } catch (Throwable ignored) {
        // the verb meets the same problem itself and says so
      }
    }
  }

  /** Runs one light verb and returns its exit code (tests call this). */
  static int run(String... args) {
    return run(false, args);
  }

  private static int run(boolean warmUp, String... args) {
    Object verb = args.length == 0 ? null : verb(args[0], warmUp && !isHelp(args));
    if (verb == null) {
      System.err.println("iste: this entry point runs only: " + String.join(", ", VERBS));
      return ExitCode.USAGE;
    }
    return commandLine(args[0], verb).execute(Arrays.copyOfRange(args, 1, args.length));
  }

  private static boolean isHelp(String... args) {
    return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
  }

  /** The command line of one verb, configured and named as {@link Main} has it. */
  static CommandLine commandLine(String name, Object verb) {
    CommandLine cl = Main.configure(new CommandLine(verb));
    cl.setCommandName("iste " + name);
    return cl;
  }

  static Object verb(String name) {
    return verb(name, false);
  }

  /**
   * @param template whether {@code report} starts loading its layout on another core at once (while
   *     picocli reads the command line; the launcher's run, not the tests')
   */
  static Object verb(String name, boolean template) {
    // a switch rather than a map of constructors: no lambda is bootstrapped at start-up
    return switch (name) {
      case "report" -> new ReportCommand(template ? ReportTemplate.loadInBackground() : null);
      case "query" -> new QueryCommand();
      case "versions" -> new VersionsCommand();
      case "diff" -> new DiffCommand();
      case "prune" -> new PruneCommand();
      case "dictionary" -> new DictionaryCommand();
      case "audit" -> new AuditCommand();
      case "projection" -> new ProjectionCommand();
      case "export" -> new ExportCommand();
      default -> null;
    };
  }
}
