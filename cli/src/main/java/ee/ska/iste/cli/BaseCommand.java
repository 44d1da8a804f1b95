package ee.ska.iste.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The base of every verb: results go to stdout ({@link #out()}), messages to stderr ({@link
 * #err()}); {@link #execute()} returns an {@link ExitCode}.
 */
@Command
public abstract class BaseCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean helpRequested;

  protected PrintStream out() {
    return System.out;
  }

  protected PrintStream err() {
    return System.err;
  }

  @Override
  public final Integer call() throws Exception {
    return execute();
  }

  /** Does the verb's work and returns an exit code. */
  protected abstract int execute() throws Exception;
}
