package ee.ska.iste.cli;

import ee.ska.iste.warehouse.QueryResult;
import ee.ska.iste.warehouse.VersionDiff;
import ee.ska.iste.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code iste diff}: the figures of outcomes that changed between two versions. */
@Command(
    name = "diff",
    header = "List the figures that changed between two warehouse versions.",
    description = {
      "Compares the outcomes view of V1 and V2 and prints level, unit, quarter, measure, old and",
      "new value for every figure that differs or exists in one version only."
    })
public final class DiffCommand extends BaseCommand {
  @Mixin WarehouseOption warehouse;

  @Mixin TableOutputOption output;

  @Parameters(index = "0", paramLabel = "V1", description = "The older version, e.g. v000003.")
  String older;

  @Parameters(index = "1", paramLabel = "V2", description = "The newer version.")
  String newer;

  @Override
  protected int execute() throws Exception {
    Warehouse w = warehouse.warehouse();
    QueryResult r;
    try {
      r = VersionDiff.asTable(VersionDiff.between(w.version(older), w.version(newer)));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage(), e);
    }
    out().print(output.format(r));
    return ExitCode.OK;
  }
}
