package ee.ska.iste.cli;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.core.time.QuarterOrDate;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --quarter QUARTER|DATE} of a stage verb. The Airflow tasks pass it to every stage, so
 * every stage verb accepts it: {@link Selects} for the verbs it narrows ({@code ingest}, {@code
 * reports}), {@link NamesTheRun} for those that work on every staged quarter ({@code model}, {@code
 * measures}, {@code publish}), where it only names the run in the progress lines and is not shown.
 */
public abstract sealed class StageQuarter permits StageQuarter.Selects, StageQuarter.NamesTheRun {
  abstract String text();

  /** Whether {@code --quarter} was given. */
  public boolean given() {
    return text() != null;
  }

  /** The quarter given, or empty for every quarter; a usage error when it is not one. */
  public List<Quarter> quarters() {
    if (text() == null) {
      return List.of();
    }
    try {
      return List.of(QuarterOrDate.parse(text()));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }

  /** What the progress lines name: the quarter, or "all quarters". */
  String scope() {
    return text() == null ? "all quarters" : quarters().get(0).toString();
  }

  /** The quarter the stage works on. */
  public static final class Selects extends StageQuarter {
    @Option(
        names = "--quarter",
        paramLabel = "QUARTER|DATE",
        description =
            "The quarter (2024Q2) or a date inside it (2024-04-01, as Airflow's data interval"
                + " start).")
    String text;

    @Override
    String text() {
      return text;
    }
  }

  /** Accepted (the Airflow tasks pass it) but not offered: the stage runs on every quarter. */
  public static final class NamesTheRun extends StageQuarter {
    @Option(names = "--quarter", paramLabel = "QUARTER|DATE", hidden = true)
    String text;

    @Override
    String text() {
      return text;
    }
  }
}
