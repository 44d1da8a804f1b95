package ee.ska.iste.cli;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.SubmissionFormat;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code demo} and {@code bench} generate before they run the stages: the quarters, seed,
 * share of bad rows and submission format of the synthetic submissions.
 */
public final class SyntheticDataOptions {
  @Option(
      names = "--quarters",
      defaultValue = "2023Q1..2024Q4",
      description = "Quarters to generate (default: ${DEFAULT-VALUE}).")
  String quarters;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--defects",
      defaultValue = "0.005",
      description = "Share of bad rows injected (default: ${DEFAULT-VALUE}).")
  double defects;

  @Option(
      names = "--format",
      defaultValue = "xlsx",
      description = "Submission format, xlsx or csv (default: ${DEFAULT-VALUE}).")
  SubmissionFormat format;

  /** The quarters, oldest first; a usage error when {@code --quarters} is not a range. */
  public List<Quarter> quarters() {
    try {
      return Quarter.parseRange(quarters);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }

  public long seed() {
    return seed;
  }

  public double defects() {
    return defects;
  }

  public SubmissionFormat format() {
    return format;
  }
}
