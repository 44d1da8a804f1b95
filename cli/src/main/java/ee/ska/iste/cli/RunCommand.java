package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.KeyCheck;
import ee.ska.iste.cli.runner.LocalRunner;
import ee.ska.iste.cli.runner.RunPlan;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.IngestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iste run}: every stage on the submissions in a folder. */
@Command(
    name = "run",
    header =
        "Run every stage (ingest, model, measures, publish, reports) on a folder of submissions.",
    description = {
      "Reads ISTE_<EHAK>_<YYYY>Q<n>.xlsx files and CSV folders of that name from --input, builds a",
      "new warehouse version under <out>/warehouse, publishes it atomically and renders the"
          + " reports",
      "of the quarters run under <out>/reports. The pseudonymisation key comes from the"
          + " environment",
      "variable ISTE_PSEUDONYM_KEY or --key-file (never from the command line); a warehouse keeps",
      "the key it was built with: another key is refused (exit 2) unless --rekey is given.",
      "Exit 4: published, but some submissions were refused (listed on stdout and in the",
      "data-quality report)."
    })
public final class RunCommand extends BaseCommand {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "DIR",
      description = "Folder of submissions.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Mixin QuarterOptions quarterOptions;

  @Mixin KeyFileOption keyFile;

  @Mixin RefOption ref;

  @Mixin SparkMasterOption spark;

  @Mixin LanguagesOption languages;

  @Option(names = "--no-reports", description = "Skip rendering reports.")
  boolean noReports;

  @Option(
      names = "--force",
      description = "Run every stage even when its input did not change since the last run.")
  boolean force;

  @Option(
      names = "--rekey",
      description =
          "Rebuild every quarter from the input folder and the warehouse's input archive with the"
              + " key given, which becomes the warehouse's key (no --quarter, --from or --to).")
  boolean rekey;

  @Override
  protected int execute() {
    if (!Files.isDirectory(input)) {
      throw new UserError(ExitCode.USAGE, "input folder does not exist: " + input);
    }
    Pseudonymiser key = keyFile.load(err());
    List<Quarter> quarters = quarterOptions.quarters();
    if (rekey && !quarters.isEmpty()) {
      throw new UserError(
          ExitCode.USAGE, "--rekey rebuilds every quarter: leave out --quarter, --from and --to");
    }
    RunPlan plan =
        new RunPlan(
            input,
            out,
            quarters,
            key,
            ref.referenceData(),
            spark.master(err()),
            !noReports,
            quarters,
            languages.locales(),
            force,
            rekey);
    LocalRunner.Outcome outcome;
    try {
      outcome = new LocalRunner(err(), Clock.systemUTC()).run(plan);
    } catch (KeyCheck.KeyMismatchException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    out()
        .println(
            "warehouse: "
                + outcome.version().database()
                + (outcome.published() ? "" : " (unchanged)"));
    out().println("reports:   " + plan.reportsRoot() + " (" + outcome.reports().size() + " files)");
    out().println("spark:     " + outcome.spark().orElse("not started (nothing to compute)"));
    List<IngestResult.Submission> refused =
        outcome.ingest().map(IngestResult::refused).orElse(List.of());
    if (!refused.isEmpty()) {
      out().println("refused:   " + refused.size() + " submission(s); the others are published:");
      for (IngestResult.Submission r : refused) {
        out().println("  " + r.file() + "  " + r.refusalReason() + "  " + r.refusalMessage());
      }
      return ExitCode.PUBLISHED_WITH_REFUSALS;
    }
    return ExitCode.OK;
  }
}
