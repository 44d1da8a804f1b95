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
  @Mixin PublishedVersionOptions published;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "The Markdown file to write.")
  Path out;

  @Override
  protected int execute() throws Exception {
    Version v = published.version();
    DataDictionary.write(v.database(), out);
    err().println("wrote " + out);
    return ExitCode.OK;
  }
}
