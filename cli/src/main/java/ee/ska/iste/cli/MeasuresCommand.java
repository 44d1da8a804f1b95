package ee.ska.iste.cli;

import picocli.CommandLine.Command;

/** {@code iste measures}: the third stage, every outcome measure for every staged quarter. */
@Command(
    name = "measures",
    header =
        "Stage 3: compute every measure, interval, funnel limit and disclosure flag for every"
            + " staged quarter.")
public final class MeasuresCommand extends StageCommand {
  @Override
  protected int execute() {
    stages().measures(force);
    return ExitCode.OK;
  }
}
