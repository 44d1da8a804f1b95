package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.StageRunner;
import picocli.CommandLine.Command;

/** {@code iste model}: the second stage, staged tables into cases, facts and dimensions. */
@Command(
    name = "model",
    header = "Stage 2: build episodes, cases, facts and dimensions from everything staged.",
    description = EveryQuarterStageCommand.DESCRIPTION)
public final class ModelCommand extends EveryQuarterStageCommand {
  @Override
  protected void run(StageRunner stages) {
    stages.model(force);
  }
}
