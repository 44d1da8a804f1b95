package ee.ska.iste.cli;

import picocli.CommandLine.Command;

/** {@code iste model}: the second stage, staged tables into cases, facts and dimensions. */
@Command(
    name = "model",
    header = "Stage 2: build episodes, cases, facts and dimensions from everything staged.")
public final class ModelCommand extends StageCommand {
  @Override
  protected int execute() {
    stages().model(force);
    return ExitCode.OK;
  }
}
