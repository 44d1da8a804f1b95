package ee.ska.iste.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code iste measures}: the third stage, every outcome measure for every staged quarter. */
@Command(
    name = "measures",
    header =
        "Stage 3: compute every measure, interval, funnel limit and disclosure flag for every"
            + " staged quarter.",
    description = {
      "Works on every staged quarter. The --quarter that the Airflow tasks pass to",
      "every stage is accepted and only names the run in the progress lines."
    })
public final class MeasuresCommand extends StageCommand {
  @Mixin StageQuarter.NamesTheRun quarter;

  @Override
  protected int execute() {
    stages(quarter).measures(force);
    return ExitCode.OK;
  }
}
