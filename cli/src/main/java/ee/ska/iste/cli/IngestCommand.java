package ee.ska.iste.cli;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.IngestJob;
import ee.ska.iste.pipelines.ingest.IngestRequest;
import ee.ska.iste.pipelines.ingest.IngestResult;
import ee.ska.iste.pipelines.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iste ingest}: submissions in a folder -> staged tables in a warehouse. */
@Command(
    name = "ingest",
    header = "Read, check and pseudonymise submissions into the staged (stg_) tables.",
    description = {
      "Reads every ISTE_<EHAK>_<YYYY>Q<n>.xlsx workbook and CSV folder under --input, checks every"
          + " rule of the submission contract, replaces personal codes by keyed pseudonyms and"
          + " writes the stg_ tables under --warehouse, replacing only the quarters ingested.",
      "Rows that break a rule go to stg_reject; a submission that cannot be read is refused and"
          + " the others go on.",
      "The pseudonymisation key comes from --key-file or the environment variable "
          + PseudonymKeys.ENV_VARIABLE
          + " (at least 32 bytes of text)."
    })
public final class IngestCommand extends BaseCommand {
  @Option(names = "--input", required = true, paramLabel = "DIR", description = "folder of submissions")
  Path input;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "warehouse root")
  Path warehouse;

  @ArgGroup(exclusive = true)
  Quarters quarters;

  static final class Quarters {
    @Option(names = "--quarter", paramLabel = "Q", description = "one quarter, e.g. 2024Q2")
    String quarter;

    @ArgGroup(exclusive = false)
    Range range;
  }

  static final class Range {
    @Option(names = "--from", required = true, paramLabel = "Q", description = "first quarter")
    String from;

    @Option(names = "--to", required = true, paramLabel = "Q", description = "last quarter")
    String to;
  }

  @Option(names = "--key-file", paramLabel = "FILE", description = "file holding the pseudonymisation key")
  Path keyFile;

  @Override
  protected int execute() {
    if (!Files.isDirectory(input)) {
      throw new UserError(ExitCode.USAGE, "input folder does not exist: " + input);
    }
    List<Quarter> wanted = quarters();
    Pseudonymiser pseudonymiser;
    try {
      pseudonymiser = PseudonymKeys.load(keyFile, System.getenv());
    } catch (PseudonymKeys.MissingKeyException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    WarehouseLayout layout = new WarehouseLayout(warehouse.toAbsolutePath().toString());
    SparkSession spark =
        SparkSessions.create(System.getProperty("spark.master") == null ? "local[*]" : null, 4);
    IngestResult result =
        new IngestJob()
            .run(spark, new IngestRequest(input, layout, wanted, pseudonymiser, ReferenceData.builtIn()));
    if (result.submissions().isEmpty()) {
      throw new UserError(
          ExitCode.DATA_CONTRACT,
          "no submissions (ISTE_<EHAK>_<YYYY>Q<n>.xlsx or CSV folder) found in " + input);
    }
    out().printf("%-36s %-4s %-7s %-10s %8s %8s %8s%n", "file", "KOV", "quarter", "status", "read", "accepted", "rejected");
    for (IngestResult.Submission s : result.submissions()) {
      out().printf(
          "%-36s %-4s %-7s %-10s %8d %8d %8d%n",
          s.file(), s.kovCode(), s.quarter(), s.status(), s.rowsRead(), s.rowsAccepted(), s.rowsRejected());
      if (s.refusalMessage() != null) {
        err().println("iste: refused " + s.refusalMessage());
      }
    }
    out().printf(
        "total: %d rows read, %d accepted, %d rejected; staged tables in %s%n",
        result.rowsRead(), result.rowsAccepted(), result.rowsRejected(), layout.root());
    return ExitCode.OK;
  }

  private List<Quarter> quarters() {
    try {
      if (quarters == null) {
        return List.of();
      }
      if (quarters.quarter != null) {
        return List.of(Quarter.parse(quarters.quarter));
      }
      return Quarter.range(Quarter.parse(quarters.range.from), Quarter.parse(quarters.range.to));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }
}
