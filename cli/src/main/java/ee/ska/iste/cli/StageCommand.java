package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.StageProgress;
import ee.ska.iste.cli.runner.StageRunner;
import ee.ska.iste.core.ref.ReferenceData;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shared shape of the stage verbs ({@code ingest}, {@code model}, {@code measures}, {@code
 * publish}, {@code reports}): the one command line the Airflow tasks run for each stage, {@code
 * iste <stage> --quarter <quarter or date> --input <dir> --out <dir>}. Each verb adds its {@link
 * StageQuarter}: whether {@code --quarter} narrows it or only names the run.
 */
public abstract class StageCommand extends BaseCommand {
  @Option(
      names = "--input",
      paramLabel = "DIR",
      description = "Folder of submissions (a path or file: URI).")
  String input;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder: work/, warehouse/ and reports/ below it (a path or file: URI).")
  String out;

  @Option(
      names = "--kov",
      paramLabel = "EHAK",
      description =
          "The KOV whose resubmission triggered the run (checked to be in the input; the whole"
              + " quarter is re-run).")
  String kov;

  @Mixin RefOption ref;

  @Mixin SparkMasterOption spark;

  @Option(
      names = "--force",
      description = "Run even when the stage's input did not change since it last ran.")
  boolean force;

  protected Path inputDir() {
    if (input == null) {
      throw new UserError(ExitCode.USAGE, "--input is required for " + spec.name());
    }
    return localPath(input, "--input");
  }

  /** The stages over {@code --out}, their progress lines naming {@code quarter}'s scope. */
  protected StageRunner stages(StageQuarter quarter) {
    ReferenceData referenceData = ref.referenceData();
    String scope = quarter.scope();
    return new StageRunner(
        localPath(out, "--out"),
        referenceData,
        spark.master(err()),
        new StageProgress(err(), scope),
        Clock.systemUTC());
  }

  /**
   * A local path from a path or {@code file:} URI; other schemes are not supported by these verbs
   * yet.
   */
  static Path localPath(String text, String option) {
    if (text.startsWith("file:")) {
      return Path.of(URI.create(text));
    }
    if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new UserError(
          ExitCode.USAGE,
          option
              + " "
              + text
              + ": only local folders (or file: URIs) are supported; the warehouse's"
              + " atomic publish needs a POSIX file system");
    }
    return Path.of(text);
  }
}
