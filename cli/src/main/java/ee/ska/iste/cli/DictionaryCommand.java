package ee.ska.iste.cli;

import ee.ska.iste.warehouse.DataDictionary;
import ee.ska.iste.warehouse.Version;
import ee.ska.iste.warehouse.Warehouse;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iste dictionary}: the data dictionary in Markdown, from the database's comments. */
@Command(
    name = "dictionary",
    header = "Write the warehouse data dictionary (Markdown) from the database's comments.")
public final class DictionaryCommand extends BaseCommand {
  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      defaultValue = "${env:ISTE_WAREHOUSE}",
      description = "Warehouse root folder (default: $ISTE_WAREHOUSE).")
  Path warehouse;

  @Option(
      names = "--version",
      paramLabel = "VERSION",
      description = "A past version instead of the current one.")
  String versionId;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "The Markdown file to write.")
  Path out;

  @Override
  protected int execute() throws Exception {
    if (warehouse == null) {
      throw new UserError(ExitCode.USAGE, "give --warehouse DIR or set ISTE_WAREHOUSE");
    }
    Warehouse w = Warehouse.at(warehouse);
    Version v;
    try {
      v =
          versionId == null
              ? w.current()
                  .orElseThrow(
                      () ->
                          new UserError(
                              ExitCode.FAILURE, "no version is published in " + warehouse))
              : w.version(versionId);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage(), e);
    }
    DataDictionary.write(v.database(), out);
    err().println("wrote " + out);
    return ExitCode.OK;
  }
}
