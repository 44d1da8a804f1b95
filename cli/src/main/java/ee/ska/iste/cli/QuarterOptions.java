package ee.ska.iste.cli;

import ee.ska.iste.core.time.Quarter;
import java.util.List;
import picocli.CommandLine.Option;

/** The quarter selection shared by verbs: one quarter, a range, or (none given) all found. */
public final class QuarterOptions {
  @Option(names = "--quarter", paramLabel = "YYYYQn", description = "One quarter, e.g. 2024Q2.")
  String quarter;

  @Option(names = "--from", paramLabel = "YYYYQn", description = "First quarter of a range.")
  String from;

  @Option(names = "--to", paramLabel = "YYYYQn", description = "Last quarter of a range.")
  String to;

  /** The selected quarters; empty when none was given. */
  public List<Quarter> quarters() {
    try {
      if (quarter != null) {
        if (from != null || to != null) {
          throw new UserError(ExitCode.USAGE, "give --quarter or --from/--to, not both");
        }
        return List.of(Quarter.parse(quarter));
      }
      if (from == null && to == null) {
        return List.of();
      }
      if (from == null || to == null) {
        throw new UserError(ExitCode.USAGE, "--from and --to go together");
      }
      return Quarter.range(Quarter.parse(from), Quarter.parse(to));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }
}
