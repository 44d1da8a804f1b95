package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.StageRunner;
import ee.ska.iste.warehouse.Version;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code iste publish}: the fourth stage, a new warehouse version switched in atomically. */
@Command(
    name = "publish",
    header =
        "Stage 4: snapshot the computed tables into a new warehouse version with its DuckDB"
            + " database and switch to it atomically.",
    description = EveryQuarterStageCommand.DESCRIPTION)
public final class PublishCommand extends EveryQuarterStageCommand {
  @Override
  protected void run(StageRunner stages) {
    Optional<Version> v = stages.publish(input == null ? null : inputDir(), force);
    Version current = v.orElseGet(() -> stages.warehouse().current().orElseThrow());
    out().println(current.database());
  }
}
