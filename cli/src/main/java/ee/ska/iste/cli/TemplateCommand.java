package ee.ska.iste.cli;

import ee.ska.iste.check.SubmissionTemplate;
import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iste template}: a KOV's submission workbook, ready to fill in. */
@Command(
    name = "template",
    header = "Write a KOV's submission template for a quarter, ready to fill in.",
    description = {
      "Writes ISTE_<EHAK>_<YYYY>Qn.xlsx: the six sheets with their headers, the cover filled in,",
      "drop-down lists for code columns, date and number columns checked as they are typed, and",
      "instructions in Estonian. --from carries the previous quarter's file forward: clients",
      "whose episode is still open, with their assessments and plans."
    })
public final class TemplateCommand extends BaseCommand {
  @Option(names = "--kov", required = true, paramLabel = "EHAK", description = "The KOV's code.")
  String kov;

  @Option(names = "--quarter", required = true, paramLabel = "YYYYQn", description = "Quarter.")
  String quarter;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description = "The previous quarter's submission to carry forward.")
  Path from;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to.")
  Path out;

  @Mixin RefOption ref;

  @Override
  protected int execute() {
    SubmissionTemplate.Written w;
    try {
      Quarter q = Quarter.parse(quarter);
      w = new SubmissionTemplate(ref.referenceData()).write(kov, q, from, out);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    if (from != null) {
      err()
          .println(
              "carried forward: "
                  + w.carried().getOrDefault(ContractSheet.KLIENT, 0)
                  + " open episodes, "
                  + w.carried().getOrDefault(ContractSheet.HINDAMINE, 0)
                  + " assessment rows, "
                  + w.carried().getOrDefault(ContractSheet.PLAAN, 0)
                  + " plan rows");
    }
    out().println("wrote " + w.file());
    return ExitCode.OK;
  }
}
