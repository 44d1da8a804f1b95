package ee.ska.iste.cli;

import ee.ska.iste.cli.runner.InboxFiles;
import ee.ska.iste.cli.runner.StageRunner;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.pipelines.ingest.IngestResult;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code iste ingest}: the first stage, submissions into the staged tables. */
@Command(
    name = "ingest",
    header =
        "Stage 1: read, validate and pseudonymise the submissions of a quarter into the staged"
            + " tables.",
    description = {
      "Every row read ends accepted or rejected with a reason; a submission whose file or cover is",
      "wrong is refused whole. The pseudonymisation key comes from ISTE_PSEUDONYM_KEY or"
          + " --key-file.",
      "With --quarter, that quarter and any staged one whose reference data changed;",
      "without it, every quarter in --input."
    })
public final class IngestCommand extends StageCommand {
  @Mixin StageQuarter.Selects quarter;

  @Mixin KeyFileOption keyFile;

  @Override
  protected int execute() {
    Pseudonymiser key = keyFile.load(err());
    Path in = inputDir();
    if (kov != null && quarter.given()) {
      boolean present =
          InboxFiles.scan(in, java.time.LocalDate.now(java.time.ZoneOffset.UTC))
              .inputs(quarter.quarters())
              .getOrDefault(quarter.quarters().get(0), java.util.List.of())
              .stream()
              .anyMatch(f -> f.name().startsWith("ISTE_" + kov + "_"));
      if (!present) {
        throw new UserError(
            ExitCode.USAGE, "no submission of KOV " + kov + " for " + quarter.text() + " in " + in);
      }
    }
    StageRunner stages = stages(quarter);
    Optional<IngestResult> result;
    try {
      result = stages.ingest(in, quarter.quarters(), () -> key, force);
    } catch (ee.ska.iste.cli.runner.KeyCheck.KeyMismatchException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    if (result.isPresent()) {
      out()
          .printf(
              "%d rows read = %d accepted + %d rejected; %d submissions refused%n",
              result.get().rowsRead(),
              result.get().rowsAccepted(),
              result.get().rowsRejected(),
              result.get().count(IngestResult.Status.REFUSED));
      for (IngestResult.Submission r : result.get().refused()) {
        out()
            .println("refused: " + r.file() + "  " + r.refusalReason() + "  " + r.refusalMessage());
      }
    }
    // Refused submissions do not fail the stage: the good ones go on to be published (README).
    return ExitCode.OK;
  }
}
