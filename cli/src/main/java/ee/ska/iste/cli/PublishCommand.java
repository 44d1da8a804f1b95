package ee.ska.iste.cli;

import ee.ska.iste.warehouse.Version;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code iste publish}: the fourth stage, a new warehouse version switched in atomically. */
@Command(
    name = "publish",
    header =
        "Stage 4: snapshot the computed tables into a new warehouse version with its DuckDB"
            + " database and switch to it atomically.",
    description = {
      "Works on every staged quarter. The --quarter that the Airflow tasks pass to",
      "every stage is accepted and only names the run in the progress lines."
    })
public final class PublishCommand extends StageCommand {
  @Mixin StageQuarter.NamesTheRun quarter;

  @Override
  protected int execute() {
    var stages = stages(quarter);
    Optional<Version> v = stages.publish(input == null ? null : inputDir(), force);
    Version current = v.orElseGet(() -> stages.warehouse().current().orElseThrow());
    out().println(current.database());
    return ExitCode.OK;
  }
}
