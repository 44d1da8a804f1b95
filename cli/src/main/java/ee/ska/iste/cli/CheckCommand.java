package ee.ska.iste.cli;

import ee.ska.iste.check.CheckMain;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iste check}: the self-check a municipality runs before sending (also iste-check.jar). */
@Command(
    name = "check",
    header = "Check a submission exactly as the ingest would, before sending it.",
    description = {
      "Reads and validates a workbook, its CSV folder or a folder of submissions with the",
      "ingest's own readers and rules (no Spark, no key), writes a feedback workbook beside it",
      "(TAGASISIDE_<name>.xlsx, FEEDBACK_<name>.xlsx with --lang en): sheet, row, column, the",
      "value's shape, the reason and how to fix it. Exit 0 clean, 3 when rows would be lost,",
      "2 when a submission would be refused whole. The same check ships as iste-check.jar."
    })
public final class CheckCommand extends BaseCommand {
  @Parameters(paramLabel = "FILE_OR_FOLDER", description = "The submission to check.")
  Path path;

  @Option(
      names = "--lang",
      paramLabel = "et|en",
      defaultValue = "et",
      description = "Language of the feedback and summary (default: ${DEFAULT-VALUE}).")
  String lang;

  @Mixin RefOption ref;

  @Override
  protected int execute() {
    return CheckMain.run(path, lang, ref.refDir, LocalDate.now(ZoneOffset.UTC), out(), err());
  }
}
