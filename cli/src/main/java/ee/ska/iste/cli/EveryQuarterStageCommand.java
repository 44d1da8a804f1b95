package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.StageRunner;
import picocli.CommandLine.Mixin;

/**
 * A stage verb that works on every staged quarter (model, measures, publish): the {@code --quarter}
 * the Airflow tasks pass to every stage is accepted and only names the run.
 */
abstract class EveryQuarterStageCommand extends StageCommand {
  /** The verbs' description, one line each in the help. */
  static final String DESCRIPTION =
      "Works on every staged quarter. The --quarter that the Airflow tasks pass to%n"
          + "every stage is accepted and only names the run in the progress lines.";

  @Mixin StageQuarter.NamesTheRun quarter;

  @Override
  protected final int execute() {
    run(stages(quarter));
    return ExitCode.OK;
  }

  /** Runs the stage. */
  protected abstract void run(StageRunner stages);
}
