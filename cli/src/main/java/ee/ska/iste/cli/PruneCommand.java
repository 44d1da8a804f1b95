package ee.ska.iste.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iste prune}: removes old warehouse versions. */
@Command(
    name = "prune",
    header = "Remove all but the newest N warehouse versions (never the current one).")
public final class PruneCommand extends BaseCommand {
  @Mixin WarehouseOption warehouse;

  @Option(
      names = "--keep",
      paramLabel = "N",
      required = true,
      description = "How many of the newest versions to keep (at least 1).")
  int keep;

  @Override
  protected int execute() {
    List<String> removed;
    try {
      removed = warehouse.warehouse().prune(keep);
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
