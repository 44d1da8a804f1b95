package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.StageRunner;
import picocli.CommandLine.Command;

/** {@code iste measures}: the third stage, every outcome measure for every staged quarter. */
@Command(
    name = "measures",
    header =
        "Stage 3: compute every measure, interval, funnel limit and disclosure flag for every"
            + " staged quarter.",
    description = EveryQuarterStageCommand.DESCRIPTION)
public final class MeasuresCommand extends EveryQuarterStageCommand {
  @Override
  protected void run(StageRunner stages) {
    stages.measures(force);
  }
}
