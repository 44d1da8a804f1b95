package ee.ska.iste.cli;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GenerationSummary;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.generator.SubmissionGenerator;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iste generate}: synthetic submissions for every KOV of the round. */
@Command(
    name = "generate",
    header = "Write synthetic ISTE submissions for every KOV of the round.",
    description = {
      "Writes one submission per KOV and quarter as the submission contract describes it:",
      "XLSX workbooks ISTE_<EHAK>_<YYYY>Qn.xlsx or CSV folders of the same name.",
      "The data are synthetic and deterministic from the seed (same options, same bytes),",
      "with valid personal codes of made-up people. --defects breaks that share of data",
      "rows in many ways, for testing ingest. Summaries go to stderr."
    })
public final class GenerateCommand extends BaseCommand {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write the submissions into.")
  Path out;

  @Option(
      names = "--quarters",
      paramLabel = "RANGE",
      defaultValue = "2023Q1..2024Q4",
      description = "Quarters, e.g. 2023Q1..2024Q4 or 2024Q2 (default: ${DEFAULT-VALUE}).")
  String quarters;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      paramLabel = "F",
      defaultValue = "1.0",
      description =
          "Multiplies the number of places, 1.0 = the round's 780 (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--format",
      paramLabel = "xlsx|csv",
      defaultValue = "xlsx",
      description = "Submission form: xlsx or csv (default: ${DEFAULT-VALUE}).")
  SubmissionFormat format;

  @Option(
      names = "--defects",
      paramLabel = "RATE",
      defaultValue = "0",
      description = "Share of data rows written broken, 0..1 (default: ${DEFAULT-VALUE}).")
  double defects;

  @Override
  protected int execute() throws Exception {
    GeneratorConfig cfg;
    try {
      List<Quarter> qs = Quarter.parseRange(quarters);
      cfg = new GeneratorConfig(out, qs, seed, scale, format, defects);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    GenerationSummary summary;
    try {
      summary = new SubmissionGenerator(ReferenceData.builtIn(), err()::println).generate(cfg);
    } catch (IllegalArgumentException e) {
      // e.g. no allocation of places valid in the quarters asked for
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    summary.quarters().forEach(q -> err().println(q.line()));
    err().println(summary.text());
    out().println("wrote " + summary.submissions() + " submissions to " + out);
    return ExitCode.OK;
  }
}
