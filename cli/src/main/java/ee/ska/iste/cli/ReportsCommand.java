package ee.ska.iste.cli;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iste reports}: the last stage, every report of a quarter from the published warehouse. */
@Command(
    name = "reports",
    header =
        "Stage 5: render every KOV report, the national dashboard and the data-quality report of a"
            + " quarter.",
    description = "For one report at a time, see 'iste report'.")
public final class ReportsCommand extends StageCommand {
  @Option(
      names = "--lang",
      split = ",",
      defaultValue = "et",
      description = "Languages, e.g. et,en (default: ${DEFAULT-VALUE}).")
  List<String> languages;

  @Option(
      names = "--format",
      defaultValue = "pdf",
      description = "pdf or html (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Override
  protected int execute() {
    var stages = stages();
    List<Quarter> quarters = quarters();
    if (quarters.isEmpty()) {
      List<Quarter> staged = stages.stagedQuarters();
      if (staged.isEmpty()) {
        throw new UserError(
            ExitCode.USAGE, "give --quarter: nothing staged to take the latest quarter from");
      }
      quarters = List.of(staged.get(staged.size() - 1));
    }
    List<Path> files =
        stages.reports(quarters, languages.stream().map(Locale::forLanguageTag).toList(), format);
    files.forEach(out()::println);
    return ExitCode.OK;
  }
}
