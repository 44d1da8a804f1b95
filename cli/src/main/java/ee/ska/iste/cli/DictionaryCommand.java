package ee.ska.iste.cli;

import ee.ska.iste.warehouse.DataDictionary;
import ee.ska.iste.warehouse.Version;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iste dictionary}: the data dictionary in Markdown, from the database's comments. */
@Command(
    name = "dictionary",
    header = "Write the warehouse data dictionary (Markdown) from the database's comments.")
public final class DictionaryCommand extends BaseCommand {
  @Mixin WarehouseOption warehouse;

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
    Version v = warehouse.version(versionId);
    DataDictionary.write(v.database(), out);
    err().println("wrote " + out);
    return ExitCode.OK;
  }
}
