package ee.ska.iste.cli;

import ee.ska.iste.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iste prune}: removes old warehouse versions. */
@Command(
    name = "prune",
    header = "Remove all but the newest N warehouse versions (never the current one).")
public final class PruneCommand extends BaseCommand {
  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      defaultValue = "${env:ISTE_WAREHOUSE}",
      description = "Warehouse root folder (default: $ISTE_WAREHOUSE).")
  Path warehouse;

  @Option(
      names = "--keep",
      paramLabel = "N",
      required = true,
      description = "How many of the newest versions to keep (at least 1).")
  int keep;

  @Override
  protected int execute() {
    if (warehouse == null) {
      throw new UserError(ExitCode.USAGE, "give --warehouse DIR or set ISTE_WAREHOUSE");
    }
    List<String> removed;
    try {
      removed = Warehouse.at(warehouse).prune(keep);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new UserError(ExitCode.FAILURE, e.getMessage(), e);
    }
    for (String id : removed) {
      out().println("removed " + id);
    }
    err()
        .println(removed.size() + (removed.size() == 1 ? " version removed" : " versions removed"));
    return ExitCode.OK;
  }
}
