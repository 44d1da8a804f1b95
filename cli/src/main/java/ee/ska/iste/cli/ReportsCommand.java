package ee.ska.iste.cli;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iste reports}: the last stage, every report of a quarter from the published warehouse. */
@Command(
    name = "reports",
    header =
        "Stage 5: render every KOV report, the national dashboard and the data-quality report of a"
            + " quarter.",
    description = {
      "With --quarter, that quarter; without it, the latest staged quarter.",
      "For one report at a time, see 'iste report'."
    })
public final class ReportsCommand extends StageCommand {
  @Mixin StageQuarter.Selects quarter;

  @Mixin LanguagesOption languages;

  @Option(
      names = "--format",
      defaultValue = "pdf",
      description = "pdf or html (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Override
  protected int execute() {
    var stages = stages(quarter);
    List<Quarter> quarters = quarter.quarters();
    if (quarters.isEmpty()) {
      List<Quarter> staged = stages.stagedQuarters();
      if (staged.isEmpty()) {
        throw new UserError(
            ExitCode.USAGE, "give --quarter: nothing staged to take the latest quarter from");
      }
      quarters = List.of(staged.get(staged.size() - 1));
    }
    List<Path> files = stages.reports(quarters, languages.locales(), format);
    files.forEach(out()::println);
    return ExitCode.OK;
  }
}
