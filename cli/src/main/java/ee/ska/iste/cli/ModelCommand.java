package ee.ska.iste.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code iste model}: the second stage, staged tables into cases, facts and dimensions. */
@Command(
    name = "model",
    header = "Stage 2: build episodes, cases, facts and dimensions from everything staged.",
    description = {
      "Works on every staged quarter. The --quarter that the Airflow tasks pass to",
      "every stage is accepted and only names the run in the progress lines."
    })
public final class ModelCommand extends StageCommand {
  @Mixin StageQuarter.NamesTheRun quarter;

  @Override
  protected int execute() {
    stages(quarter).model(force);
    return ExitCode.OK;
  }
}
