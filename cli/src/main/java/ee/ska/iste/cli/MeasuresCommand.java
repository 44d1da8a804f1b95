package ee.ska.iste.cli;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.measures.MeasuresJob;
import ee.ska.iste.pipelines.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iste measures}: model tables → mart_outcomes, mart_funnel, ref_measure. */
@Command(
    name = "measures",
    header = "Compute every outcome measure for a range of quarters.",
    description =
        "Reads the model tables under --warehouse and replaces the quarters' partitions of"
            + " mart_outcomes and mart_funnel, and the measure catalogue ref_measure. Without"
            + " --from/--to, every quarter of dim_quarter.")
public final class MeasuresCommand extends BaseCommand {
  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse version folder.")
  Path warehouse;

  @Option(names = "--from", paramLabel = "YYYYQn", description = "First quarter (inclusive).")
  String from;

  @Option(names = "--to", paramLabel = "YYYYQn", description = "Last quarter (inclusive).")
  String to;

  @Option(names = "--ref", paramLabel = "DIR", description = "Folder of reference CSV files overriding the shipped ones.")
  Path refDir;

  @Override
  protected int execute() {
    if (!Files.isDirectory(warehouse)) {
      throw new UserError(ExitCode.USAGE, "warehouse folder does not exist: " + warehouse);
    }
    ReferenceData ref = refDir == null ? ReferenceData.builtIn() : ReferenceData.withOverrides(refDir);
    WarehouseLayout layout = new WarehouseLayout(warehouse.toAbsolutePath().toString());
    List<Quarter> given = givenQuarters();
    SparkSession spark = SparkSessions.create(System.getProperty("spark.master") == null ? "local[2]" : null, 4);
    List<Quarter> quarters = given.isEmpty() ? dimQuarters(spark, layout) : given;
    new MeasuresJob().run(spark, layout, quarters, ref);
    err().println("measures: " + quarters.size() + " quarter(s) written under " + warehouse);
    return ExitCode.OK;
  }

  /** The quarters of --from/--to, or an empty list when neither is given. */
  private List<Quarter> givenQuarters() {
    if (from == null && to == null) {
      return List.of();
    }
    if (from == null || to == null) {
      throw new UserError(ExitCode.USAGE, "give both --from and --to, or neither");
    }
    try {
      return Quarter.range(Quarter.parse(from), Quarter.parse(to));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }

  private List<Quarter> dimQuarters(SparkSession spark, WarehouseLayout layout) {
    if (!Files.isDirectory(Path.of(layout.table("dim_quarter")))) {
      throw new UserError(ExitCode.USAGE, "no dim_quarter under " + warehouse + ": run 'iste model' first or give --from/--to");
    }
    List<Quarter> all =
        spark.read().parquet(layout.table("dim_quarter")).select("quarter").collectAsList().stream()
            .map(r -> Quarter.parse(r.getString(0)))
            .sorted()
            .toList();
    if (all.isEmpty()) {
      throw new UserError(ExitCode.USAGE, "no quarters in dim_quarter: run 'iste model' first or give --from/--to");
    }
    return all;
  }
}
