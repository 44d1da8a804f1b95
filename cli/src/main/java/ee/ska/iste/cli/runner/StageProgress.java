package ee.ska.iste.cli.runner;

import ee.ska.iste.core.Stage;
import ee.ska.iste.core.time.Quarter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Says on stderr, in the user's terms, which stage of the run is working and how long each took:
 * {@code [2/5] model … done in 4.1 s}.
 */
public final class StageProgress {
  private final PrintStream err;
  private final String scope;
  private long started;

  public StageProgress(PrintStream err, String scope) {
    this.err = err;
    this.scope = scope;
  }

  public void start(Stage stage, String what) {
    started = System.nanoTime();
    err.printf(
        "[%d/%d] %-8s %s: %s%n",
        stage.ordinal() + 1, Stage.values().length, stage.id(), scope, what);
    err.flush();
  }

  public void done(Stage stage, String result) {
    Duration d = Duration.ofNanos(System.nanoTime() - started);
    err.printf(
        "      %-8s done in %.1f s%s%n",
        stage.id(), d.toMillis() / 1000.0, result.isEmpty() ? "" : ": " + result);
    err.flush();
  }

  public void skip(Stage stage, String why) {
    err.printf(
        "[%d/%d] %-8s %s: skipped, %s%n",
        stage.ordinal() + 1, Stage.values().length, stage.id(), scope, why);
    err.flush();
  }

  public void note(String line) {
    err.println("      " + line);
    err.flush();
  }

  /** Quarters as the messages name them: {@code 2024Q1}, {@code 2024Q1..2024Q4}, {@code (none)}. */
  public static String span(List<Quarter> quarters) {
    if (quarters.isEmpty()) {
      return "(none)";
    }
    return quarters.size() == 1
        ? quarters.get(0).toString()
        : quarters.get(0) + ".." + quarters.get(quarters.size() - 1);
  }
}
