package ee.ska.iste.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * The entry point the {@code iste} launcher uses for {@code iste report}: the one verb alone, so
 * that picocli does not look at every other verb's classes (the Spark stages among them) and the
 * JVM can start on the reports' own jars. Same options, messages and exit codes as {@link Main}.
 */
public final class ReportMain {
  private ReportMain() {}

  /**
   * @param args the command line as {@code iste} got it, starting with {@code report}
   */
  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("report")) {
      System.err.println("iste: ReportMain runs only 'iste report'");
      System.exit(ExitCode.USAGE);
    }
    CommandLine cl = Main.configure(new CommandLine(new ReportCommand()));
    cl.setCommandName("iste report");
    System.exit(cl.execute(Arrays.copyOfRange(args, 1, args.length)));
  }
}
