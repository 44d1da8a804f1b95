package ee.ska.iste.cli;

import ee.ska.iste.warehouse.VersionListing;
import ee.ska.iste.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iste versions}: the published versions of the warehouse with their run metadata. */
@Command(
    name = "versions",
    header = "List the published warehouse versions with their run metadata.",
    description = {
      "One row per version, oldest first; * marks the current one. With --inputs VERSION, lists",
      "that version's input files with their sizes and SHA-256 checksums."
    })
public final class VersionsCommand extends BaseCommand {
  @Mixin WarehouseOption warehouse;

  @Option(
      names = "--inputs",
      paramLabel = "VERSION",
      description = "List one version's input files.")
  String inputsOf;

  @Override
  protected int execute() {
    Warehouse w = warehouse.warehouse();
    try {
      out()
          .print(
              inputsOf == null
                  ? VersionListing.versions(w).aligned()
                  : VersionListing.inputs(w.version(inputsOf)).aligned());
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage(), e);
    }
    return ExitCode.OK;
  }
}
